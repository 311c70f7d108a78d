import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FURNITURE_KINDS } from '../model/evidence';
import { tokenize } from '../model/text-search';
import { CorpusDocument } from '../seed/corpus';
import { readSeed, type SeedData } from '../seed/read-seed';
import type { SeedEntity } from '../seed/seed-schema';
import { extractText } from './source/extract-text';
import { IngestError } from './ingest-error';
import { readSource } from './source/read-source';
import { analyse } from './pipeline/run';
import { Gazetteer, type KnownEntity } from './extractors/gazetteer';

/** Precision and recall of one kind of proposal, with the counts they come from. */
export interface Score {
  proposed: number;
  expected: number;
  correct: number;
  precision: number;
  recall: number;
}

/** The scores of one run: one document, read with the graph empty or holding the other documents' facts. */
export interface EvaluationRun {
  document: string;
  known: 'empty graph' | 'other documents loaded' | 'seed loaded';
  mentions: Score;
  entities: Score;
  relationships: Score;
  figures: Score;
  /** Proposed entities whose name occurs only in page furniture (the seed's own layout says where that is). */
  furnitureEntities: string[];
}

// The kinds of entity a name finder can find; themes and goals are phrases, not names, and are not expected of it.
const NAMED_TYPES = new Set(['Organization', 'Person', 'Country', 'RegionalBloc', 'Place', 'EventSeries', 'Event', 'Initiative', 'Programme']);

const score = (proposed: number, expected: number, correct: number, correctOfProposed = correct): Score => ({
  proposed,
  expected,
  correct,
  precision: proposed === 0 ? (expected === 0 ? 1 : 0) : correctOfProposed / proposed,
  recall: expected === 0 ? 1 : correct / expected,
});

const folded = (name: string) =>
  tokenize(name)
    .map((t) => t.word)
    .filter((w) => w !== 'the')
    .join(' ');

/** The entities a seed document states something about: evidence of their own, or an end of a fact it states. */
function entitiesOf(data: SeedData, doc: string): Set<string> {
  const ids = new Set<string>();
  for (const { value } of data.entities) if (value.evidence.some((e) => e.doc === doc)) ids.add(value.id);
  for (const { value } of data.relationships) {
    if (value.evidence.some((e) => e.doc === doc)) {
      ids.add(value.from);
      ids.add(value.to);
    }
  }
  for (const { value } of data.figures) if (value.evidence.some((e) => e.doc === doc)) ids.add(value.subject);
  return ids;
}

/** An entity's spellings, folded; a curator's note in parentheses ("Ministry of Education (unnamed)") is not part of the name. */
const spellingsOf = (e: SeedEntity) =>
  new Set([e.name, ...e.aliases, ...('acronym' in e && e.acronym ? [e.acronym] : [])].map((n) => folded(n.replace(/\s*\([^)]*\)\s*$/, ''))));

const asKnown = (entity: SeedEntity): KnownEntity => ({
  id: entity.id,
  type: entity.type,
  name: entity.name,
  spellings: [...entity.aliases, ...('acronym' in entity && entity.acronym ? [entity.acronym] : [])],
});

/**
 * Runs the ingester on each seed document as if it were new, twice (with an empty graph, then with the entities of
 * the other documents known), and scores its proposals against the curated seed: linked mentions (the entities
 * linked, against those the seed says the document is about), new entities (names found, against the seed's named
 * entities of the document that the graph did not know), figures (values, against the seed's figures).
 */
export function evaluateIngest(seedDir: string): EvaluationRun[] {
  const { data } = readSeed(seedDir);
  const byId = new Map(data.entities.map(({ value }) => [value.id, value]));
  const runs: EvaluationRun[] = [];
  for (const { value: document } of data.documents) {
    const text = data.corpus.get(document.file);
    if (text === undefined) continue;
    // Expected are the entities the document writes: a fact the curators inferred may involve one it never names.
    const written = new Set(tokenize(text).map((t) => t.word));
    const writes = (entity: SeedEntity | undefined) =>
      entity !== undefined &&
      [...spellingsOf(entity)].some((spelling) => spelling.length > 0 && spelling.split(' ').every((w) => written.has(w)) && folded(text).includes(spelling));
    const expected = new Set([...entitiesOf(data, document.id)].filter((id) => writes(byId.get(id))));
    const others = new Set(data.documents.filter((d) => d.value.id !== document.id).flatMap((d) => [...entitiesOf(data, d.value.id)]));
    const extracted = extractText({ file: document.file, format: 'text', raw: text });
    // Where the seed's curators marked furniture in this document: the truth the ingester's own marking is checked against.
    const corpus = new CorpusDocument(document.id, text);
    for (const item of data.layout.filter((l) => l.value.doc === document.id)) corpus.addLayout(item.value);
    const furniture = corpus.regions().filter((r) => (FURNITURE_KINDS as readonly string[]).includes(r.kind));
    for (const known of ['empty graph', 'other documents loaded'] as const) {
      const knownIds = known === 'empty graph' ? new Set<string>() : others;
      const gazetteer = new Gazetteer([...knownIds].flatMap((id) => (byId.get(id) ? [asKnown(byId.get(id)!)] : [])));
      const proposals = analyse(document.id, extracted, gazetteer);
      // Linked mentions: which known entities the document was linked to.
      const linked = new Set(proposals.mentions.flatMap((m) => (m.entity ? [m.entity] : [])));
      const expectedLinks = [...expected].filter((id) => knownIds.has(id));
      const mentions = score(
        linked.size,
        expectedLinks.length,
        expectedLinks.filter((id) => linked.has(id)).length,
        [...linked].filter((id) => expected.has(id)).length,
      );
      // New entities: the seed's named entities of the document the graph did not know, matched by name or alias.
      const expectedNew = [...expected].filter((id) => !knownIds.has(id) && NAMED_TYPES.has(byId.get(id)?.type ?? ''));
      const candidateSpellings = proposals.entities.map((c) => new Set([c.entity.name, ...c.entity.aliases].map(folded)));
      const found = expectedNew.filter((id) => {
        const gold = spellingsOf(byId.get(id)!);
        return candidateSpellings.some((names) => [...names].some((n) => gold.has(n)));
      });
      const allSpellings = new Set(
        [...expected]
          .flatMap((id) => (byId.get(id) ? [...spellingsOf(byId.get(id)!)] : []))
          .concat([...knownIds].flatMap((id) => (byId.get(id) ? [...spellingsOf(byId.get(id)!)] : []))),
      );
      const correctCandidates = candidateSpellings.filter((names) => [...names].some((n) => allSpellings.has(n))).length;
      const entities = score(proposals.entities.length, expectedNew.length, found.length, correctCandidates);
      // Relationships: the seed's facts of the document between entities it writes (named kinds), matched by type and
      // both ends; a proposed entity stands for the seed entity it spells.
      const goldOf = new Map<string, string>();
      for (const c of proposals.entities) {
        const names = new Set([c.entity.name, ...c.entity.aliases].map(folded));
        const match = [...expected].find((id) => [...spellingsOf(byId.get(id)!)].some((spelling) => names.has(spelling)));
        if (match) goldOf.set(c.entity.id, match);
      }
      const end = (id: string) => goldOf.get(id) ?? id;
      const named = (id: string) => expected.has(id) && NAMED_TYPES.has(byId.get(id)?.type ?? '');
      const goldRelationships = data.relationships
        .map((r) => r.value)
        .filter((r) => r.evidence.some((e) => e.doc === document.id) && named(r.from) && named(r.to))
        .map((r) => `${r.type}|${r.from}|${r.to}`);
      const proposedRelationships = new Set(proposals.relationships.map((c) => `${c.relationship.type}|${end(c.relationship.from)}|${end(c.relationship.to)}`));
      const same = (key: string) => {
        const [type, from, to] = key.split('|');
        return proposedRelationships.has(key) || (type === 'PARTNER_OF' && proposedRelationships.has(`${type}|${to}|${from}`));
      };
      const goldSet = new Set(goldRelationships);
      const relationships = score(
        proposedRelationships.size,
        goldSet.size,
        [...goldSet].filter(same).length,
        [...proposedRelationships].filter((key) => {
          const [type, from, to] = key.split('|');
          return goldSet.has(key) || (type === 'PARTNER_OF' && goldSet.has(`${type}|${to}|${from}`));
        }).length,
      );
      // Figures: the seed's figures of the document, matched by value where the two quotes overlap, each once.
      const goldFigures = data.figures.filter((f) => f.value.evidence.some((e) => e.doc === document.id)).map((f) => f.value);
      const unmatched = [...goldFigures];
      let figureHits = 0;
      for (const candidate of proposals.figures) {
        const quote = candidate.figure.evidence[0]!.quote;
        const at = unmatched.findIndex(
          (gold) =>
            Math.abs(gold.value - candidate.figure.value) < 1e-9 &&
            gold.evidence.some((e) => e.quote.includes(candidate.figure.statedAs) || quote.includes(e.quote) || e.quote.includes(quote)),
        );
        if (at >= 0) {
          unmatched.splice(at, 1);
          figureHits++;
        }
      }
      const figures = score(proposals.figures.length, goldFigures.length, figureHits);
      const furnitureEntities = proposals.entities.filter((c) => onlyInFurniture(text, c.entity.name, furniture)).map((c) => c.entity.name);
      runs.push({ document: document.id, known, mentions, entities, relationships, figures, furnitureEntities });
    }
  }
  return runs;
}

/** Whether every occurrence of `name` in `text` lies in one of the furniture regions. */
function onlyInFurniture(text: string, name: string, furniture: readonly { start: number; end: number }[]): boolean {
  let any = false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    any = true;
    if (!furniture.some((r) => at >= r.start && at < r.end)) return false;
  }
  return any;
}

/** A test article's expected proposals (tests/fixtures/ingest/gold.json): names, not ids, for what is new. */
const goldArticleSchema = z.array(
  z
    .object({
      file: z.string().min(1),
      options: z.record(z.string(), z.string()).default({}),
      linked: z.array(z.string()),
      entities: z.array(z.object({ name: z.string(), type: z.string() }).strict()),
      relationships: z.array(z.object({ type: z.string(), from: z.string(), to: z.string() }).strict()),
      figures: z.array(z.number()),
    })
    .strict(),
);

/**
 * Runs the ingester on articles it was not written from (their expected proposals in `<dir>/gold.json`), with the
 * seed as the graph it knows, and scores it as evaluateIngest does; names stand for ends, a seed entity by any spelling.
 */
export function evaluateArticles(seedDir: string, dir: string): EvaluationRun[] {
  const goldFile = path.join(dir, 'gold.json');
  const parsed = goldArticleSchema.safeParse(JSON.parse(fs.readFileSync(goldFile, 'utf8')));
  if (!parsed.success) throw new IngestError(`${goldFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { data } = readSeed(seedDir);
  const known = data.entities.map(({ value }) => value);
  const gazetteer = new Gazetteer(known.map(asKnown));
  const seedNames = new Map(known.map((e) => [e.id, spellingsOf(e)]));
  return parsed.data.map((article) => {
    const source = readSource(path.join(dir, article.file));
    const proposals = analyse('doc:test-article', extractText(source), gazetteer);
    const linked = new Set(proposals.mentions.flatMap((m) => (m.entity ? [m.entity] : [])));
    const mentions = score(
      linked.size,
      article.linked.length,
      article.linked.filter((id) => linked.has(id)).length,
      [...linked].filter((id) => article.linked.includes(id)).length,
    );
    const candidateNames = new Map(proposals.entities.map((c) => [c.entity.id, new Set([c.entity.name, ...c.entity.aliases].map(folded))]));
    const found = article.entities.filter((e) => [...candidateNames.values()].some((names) => names.has(folded(e.name))));
    const goldNames = new Set(article.entities.map((e) => folded(e.name)));
    const entities = score(
      proposals.entities.length,
      article.entities.length,
      found.length,
      [...candidateNames.values()].filter((names) => [...names].some((n) => goldNames.has(n))).length,
    );
    // An end matches a gold name when any of its spellings (a seed entity's, or a proposal's name and aliases) is it.
    const spellings = (id: string) => seedNames.get(id) ?? candidateNames.get(id) ?? new Set<string>();
    const matches = (id: string, name: string) => spellings(id).has(folded(name));
    const hit = (c: (typeof proposals.relationships)[number], g: (typeof article.relationships)[number]) =>
      c.relationship.type === g.type && matches(c.relationship.from, g.from) && matches(c.relationship.to, g.to);
    const relationships = score(
      proposals.relationships.length,
      article.relationships.length,
      article.relationships.filter((g) => proposals.relationships.some((c) => hit(c, g))).length,
      proposals.relationships.filter((c) => article.relationships.some((g) => hit(c, g))).length,
    );
    const values = proposals.figures.map((f) => f.figure.value);
    const figures = score(
      values.length,
      article.figures.length,
      article.figures.filter((v) => values.includes(v)).length,
      values.filter((v) => article.figures.includes(v)).length,
    );
    return { document: article.file, known: 'seed loaded' as const, mentions, entities, relationships, figures, furnitureEntities: [] };
  });
}

const pct = (x: number) => x.toFixed(2);

/** The evaluation as a table, one row per run, with the targets of issue 15 beside the totals. */
export function formatEvaluation(runs: readonly EvaluationRun[], withTargets = true): string {
  const total = (pick: (r: EvaluationRun) => Score) =>
    score(
      runs.reduce((n, r) => n + pick(r).proposed, 0),
      runs.reduce((n, r) => n + pick(r).expected, 0),
      runs.reduce((n, r) => n + pick(r).correct, 0),
      runs.reduce((n, r) => n + pick(r).precision * pick(r).proposed, 0),
    );
  const cell = (s: Score) => `${pct(s.precision)} / ${pct(s.recall)} (${s.correct}/${s.expected})`;
  const lines = [
    '| document | graph | linked mentions P / R | new entities P / R | relationships P / R | figures P / R | furniture entities |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.document} | ${r.known} | ${cell(r.mentions)} | ${cell(r.entities)} | ${cell(r.relationships)} | ${cell(r.figures)} | ${r.furnitureEntities.length} |`,
    ),
  ];
  const mentions = total((r) => r.mentions);
  const entities = total((r) => r.entities);
  const figures = total((r) => r.figures);
  const relationships = total((r) => r.relationships);
  lines.push(
    `| all | ${withTargets ? 'both' : 'seed loaded'} | ${cell(mentions)} | ${cell(entities)} | ${cell(relationships)} | ${cell(figures)} | ${runs.reduce((n, r) => n + r.furnitureEntities.length, 0)} |`,
  );
  if (!withTargets) return lines.join('\n');
  lines.push(
    '',
    `Targets: linked mentions P >= 0.95 and R >= 0.9 (${mentions.precision >= 0.95 && mentions.recall >= 0.9 ? 'met' : 'not met'}); ` +
      `new entities R >= 0.8 (${entities.recall >= 0.8 ? 'met' : 'not met'}); ` +
      `relationships R >= 0.6 at P >= 0.7 (${relationships.recall >= 0.6 && relationships.precision >= 0.7 ? 'met' : 'not met'}); figures R >= 0.8 (${figures.recall >= 0.8 ? 'met' : 'not met'}); ` +
      `no furniture entity (${runs.every((r) => r.furnitureEntities.length === 0) ? 'met' : 'not met'}).`,
  );
  return lines.join('\n');
}
