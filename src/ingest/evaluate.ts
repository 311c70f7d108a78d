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
import type { AnnotateOptions } from './pipeline/annotate';
import { EXTRACTORS } from './extractors/index';
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

/** How many facts of one relationship type were expected and proposed, and how many of each found a match. */
export interface TypeCount {
  type: string;
  expected: number;
  proposed: number;
  correct: number;
  correctOfProposed: number;
}

/** A relationship type's score over a group of runs. */
export interface TypeScore extends Score {
  type: string;
}

/** Counts gold and proposed facts by type, each side's matches judged by its own predicate. */
export function countByType<G extends { type: string }, P extends { type: string }>(
  gold: readonly G[],
  proposed: readonly P[],
  goldHit: (g: G) => boolean,
  proposedHit: (p: P) => boolean,
): TypeCount[] {
  const counts = new Map<string, TypeCount>();
  const of = (type: string) => counts.get(type) ?? counts.set(type, { type, expected: 0, proposed: 0, correct: 0, correctOfProposed: 0 }).get(type)!;
  for (const g of gold) {
    const c = of(g.type);
    c.expected++;
    if (goldHit(g)) c.correct++;
  }
  for (const p of proposed) {
    const c = of(p.type);
    c.proposed++;
    if (proposedHit(p)) c.correctOfProposed++;
  }
  return [...counts.values()];
}

const sumOf = (counts: readonly TypeCount[], pick: (c: TypeCount) => number) => counts.reduce((n, c) => n + pick(c), 0);

/** One kind's score from its per-type counts. */
const scoreOf = (counts: readonly TypeCount[]): Score =>
  score(
    sumOf(counts, (c) => c.proposed),
    sumOf(counts, (c) => c.expected),
    sumOf(counts, (c) => c.correct),
    sumOf(counts, (c) => c.correctOfProposed),
  );

/** The per-type counts of several runs, merged and scored; the types with most gold facts first. */
export function sumByType(runs: readonly (readonly TypeCount[])[]): TypeScore[] {
  const types = [...new Set(runs.flatMap((counts) => counts.map((c) => c.type)))];
  return types
    .map((type) => ({ type, ...scoreOf(runs.flatMap((counts) => counts.filter((c) => c.type === type))) }))
    .sort((a, b) => b.expected - a.expected || b.proposed - a.proposed || a.type.localeCompare(b.type));
}

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
const spellingsOf = (e: SeedEntity, fold = folded) =>
  new Set([e.name, ...e.aliases, ...('acronym' in e && e.acronym ? [e.acronym] : [])].map((n) => fold(n.replace(/\s*\([^)]*\)\s*$/, ''))));

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
export async function evaluateIngest(seedDir: string, options: AnnotateOptions = {}): Promise<EvaluationRun[]> {
  return (await evaluateSeed(seedDir, options)).runs;
}

/** evaluateIngest's runs, with the relationships of all runs scored per type beside them. */
export async function evaluateSeed(seedDir: string, options: AnnotateOptions = {}): Promise<{ runs: EvaluationRun[]; byType: TypeScore[] }> {
  const { data } = readSeed(seedDir);
  const byId = new Map(data.entities.map(({ value }) => [value.id, value]));
  const runs: EvaluationRun[] = [];
  const byType: TypeCount[][] = [];
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
      const proposals = await analyse(document.id, extracted, gazetteer, EXTRACTORS, options);
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
      const goldSet = new Set(goldRelationships);
      // PARTNER_OF is symmetric: a fact stated either way round matches.
      const within = (set: Set<string>) => (key: string) => {
        const [type, from, to] = key.split('|');
        return set.has(key) || (type === 'PARTNER_OF' && set.has(`${type}|${to}|${from}`));
      };
      const typed = (set: Set<string>) => [...set].map((key) => ({ type: key.split('|')[0]!, key }));
      const counts = countByType(
        typed(goldSet),
        typed(proposedRelationships),
        (g) => within(proposedRelationships)(g.key),
        (p) => within(goldSet)(p.key),
      );
      byType.push(counts);
      const relationships = scoreOf(counts);
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
  return { runs, byType: sumByType(byType) };
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

// A figure as a number (the first test articles) or as the evaluation corpus writes it; either is scored by value.
const goldFigureSchema = z.union([z.number(), z.object({ value: z.number(), unit: z.string(), statedAs: z.string() }).strict()]);

/**
 * A test article's expected proposals (tests/fixtures/ingest/gold.json, tests/fixtures/eval-corpus/<split>/gold.json):
 * names, not ids, for what is new; a relationship may carry its properties and a note, which are not scored.
 */
const goldArticleSchema = z
  .object({
    file: z.string().min(1),
    style: z.string().optional(),
    language: z.enum(['en', 'zh']).optional(),
    options: z.record(z.string(), z.string()).default({}),
    linked: z.array(z.string()),
    linkedAs: z.record(z.string(), z.string()).default({}),
    entities: z.array(z.object({ name: z.string(), type: z.string() }).strict()),
    relationships: z.array(z.object({ type: z.string(), from: z.string(), to: z.string() }).catchall(z.union([z.string(), z.number(), z.boolean()]))),
    figures: z.array(goldFigureSchema),
    furniture: z.array(z.string()).default([]),
  })
  .strict();

/** One article of a gold file, as read. */
export type GoldArticle = z.infer<typeof goldArticleSchema>;

/** Reads `<dir>/gold.json`; a bad entry is named by its index and file, with the field and what is wrong with it. */
export function readGold(goldFile: string): GoldArticle[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
  } catch (error) {
    throw new IngestError(`${goldFile}: cannot read it as JSON (${(error as Error).message}); fix the file or point --articles elsewhere`);
  }
  const parsed = z.array(goldArticleSchema).safeParse(raw);
  if (parsed.success) return parsed.data;
  const entryName = (index: unknown) => {
    const entry = Array.isArray(raw) && typeof index === 'number' ? (raw[index] as { file?: unknown } | undefined) : undefined;
    return typeof entry?.file === 'string' ? ` (${entry.file})` : '';
  };
  const problems = parsed.error.issues.map((i) => {
    const [index, ...field] = i.path;
    return i.path.length === 0 ? i.message : `entry ${String(index)}${entryName(index)}, field ${field.length ? field.join('.') : '(the entry)'}: ${i.message}`;
  });
  throw new IngestError(`${goldFile}: ${problems.join('; ')}`);
}

/** One article's scores, with its language and its relationships counted per type. */
export interface ArticleEvaluation {
  run: EvaluationRun;
  language: 'en' | 'zh';
  byType: TypeCount[];
}

// A name's folded form, or the name itself where folding leaves nothing (a name in Chinese script).
const nameKey = (name: string) => folded(name) || name.trim();
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Runs the ingester on articles it was not written from (their expected proposals in `<dir>/gold.json`), with the
 * seed as the graph it knows, and scores it as evaluateIngest does; names stand for ends, a seed entity by any spelling.
 */
export async function evaluateArticles(seedDir: string, dir: string, options: AnnotateOptions = {}): Promise<EvaluationRun[]> {
  return (await scoreArticles(seedDir, dir, options)).map((a) => a.run);
}

/** evaluateArticles, each article with its language and its relationships per type. */
export async function scoreArticles(seedDir: string, dir: string, options: AnnotateOptions = {}): Promise<ArticleEvaluation[]> {
  const gold = readGold(path.join(dir, 'gold.json'));
  const { data } = readSeed(seedDir);
  const known = data.entities.map(({ value }) => value);
  const gazetteer = new Gazetteer(known.map(asKnown));
  const seedNames = new Map(known.map((e) => [e.id, spellingsOf(e, nameKey)]));
  const scored: ArticleEvaluation[] = [];
  // One article at a time: the annotators' servers take one text at a time anyway.
  for (const article of gold) scored.push(await scoreArticle(article, dir, gazetteer, seedNames, options));
  return scored;
}

/** Scores one gold article's proposals: see evaluateArticles. */
async function scoreArticle(
  article: GoldArticle,
  dir: string,
  gazetteer: Gazetteer,
  seedNames: Map<string, Set<string>>,
  options: AnnotateOptions,
): Promise<ArticleEvaluation> {
  const extracted = extractText(readSource(path.join(dir, article.file)));
  const proposals = await analyse('doc:test-article', extracted, gazetteer, EXTRACTORS, options);
  const linked = new Set(proposals.mentions.flatMap((m) => (m.entity ? [m.entity] : [])));
  const mentions = score(
    linked.size,
    article.linked.length,
    article.linked.filter((id) => linked.has(id)).length,
    [...linked].filter((id) => article.linked.includes(id)).length,
  );
  const candidateNames = new Map(proposals.entities.map((c) => [c.entity.id, new Set([c.entity.name, ...c.entity.aliases].map(nameKey))]));
  const found = article.entities.filter((e) => [...candidateNames.values()].some((names) => names.has(nameKey(e.name))));
  const goldNames = new Set(article.entities.map((e) => nameKey(e.name)));
  const entities = score(
    proposals.entities.length,
    article.entities.length,
    found.length,
    [...candidateNames.values()].filter((names) => [...names].some((n) => goldNames.has(n))).length,
  );
  // An end matches a gold name when any of its spellings (a seed entity's, or a proposal's name and aliases) is it,
  // or when the gold says that spelling stands for that seed entity.
  const spellings = (id: string) => seedNames.get(id) ?? candidateNames.get(id) ?? new Set<string>();
  const matches = (id: string, name: string) => spellings(id).has(nameKey(name)) || article.linkedAs[name] === id;
  const proposed = proposals.relationships.map((c) => c.relationship);
  const hit = (c: (typeof proposed)[number], g: (typeof article.relationships)[number]) => c.type === g.type && matches(c.from, g.from) && matches(c.to, g.to);
  const byType = countByType(
    article.relationships,
    proposed,
    (g) => proposed.some((c) => hit(c, g)),
    (c) => article.relationships.some((g) => hit(c, g)),
  );
  const expectedValues = article.figures.map((f) => (typeof f === 'number' ? f : f.value));
  const values = proposals.figures.map((f) => f.figure.value);
  const figures = score(
    values.length,
    expectedValues.length,
    expectedValues.filter((v) => values.includes(v)).length,
    values.filter((v) => expectedValues.includes(v)).length,
  );
  // A proposed name that the text writes only inside its furniture lines.
  const text = oneLine(extracted.text);
  const body = article.furniture.reduce((t, line) => t.split(oneLine(line)).join(' | '), text);
  const furnitureEntities = proposals.entities.map((c) => c.entity.name).filter((name) => text.includes(oneLine(name)) && !body.includes(oneLine(name)));
  const run = { document: article.file, known: 'seed loaded' as const, mentions, entities, relationships: scoreOf(byType), figures, furnitureEntities };
  return { run, language: article.language ?? 'en', byType };
}

const pct = (x: number) => x.toFixed(2);

/** A split of the evaluation corpus scored: its articles, and their relationships per type. */
export interface SplitEvaluation {
  split: string;
  articles: ArticleEvaluation[];
  byType: TypeScore[];
}

/** Scores every split of the evaluation corpus (each folder of `corpusDir` with a gold.json), in name order. */
export async function evaluateCorpus(seedDir: string, corpusDir: string, options: AnnotateOptions = {}): Promise<SplitEvaluation[]> {
  const splits = fs.existsSync(corpusDir)
    ? fs
        .readdirSync(corpusDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(corpusDir, d.name, 'gold.json')))
        .map((d) => d.name)
        .sort()
    : [];
  if (splits.length === 0) throw new IngestError(`${corpusDir}: no split folder with a gold.json in it; point --corpus at the evaluation corpus`);
  const scored: SplitEvaluation[] = [];
  for (const split of splits) {
    const articles = await scoreArticles(seedDir, path.join(corpusDir, split), options);
    scored.push({ split, articles, byType: sumByType(articles.map((a) => a.byType)) });
  }
  return scored;
}

/** The sums of one kind's counts over runs, precision weighted by what each run proposed. */
const totalOf = (runs: readonly EvaluationRun[], pick: (r: EvaluationRun) => Score) =>
  score(
    runs.reduce((n, r) => n + pick(r).proposed, 0),
    runs.reduce((n, r) => n + pick(r).expected, 0),
    runs.reduce((n, r) => n + pick(r).correct, 0),
    runs.reduce((n, r) => n + pick(r).precision * pick(r).proposed, 0),
  );

/** Every kind's totals over runs. */
export function totalsOf(runs: readonly EvaluationRun[]) {
  return {
    mentions: totalOf(runs, (r) => r.mentions),
    entities: totalOf(runs, (r) => r.entities),
    relationships: totalOf(runs, (r) => r.relationships),
    figures: totalOf(runs, (r) => r.figures),
    furnitureEntities: runs.reduce((n, r) => n + r.furnitureEntities.length, 0),
  };
}

const cell = (s: Score) => `${pct(s.precision)} / ${pct(s.recall)} (${s.correct}/${s.expected})`;

/** A table row of the totals of `runs`, after the cells that label it. */
const totalsRow = (labels: string[], runs: readonly EvaluationRun[]) => {
  const t = totalsOf(runs);
  return `| ${labels.join(' | ')} | ${cell(t.mentions)} | ${cell(t.entities)} | ${cell(t.relationships)} | ${cell(t.figures)} | ${t.furnitureEntities} |`;
};

/** A split's totals, for all its articles and for each language. */
export function formatSplit(split: SplitEvaluation): string {
  const languages = [...new Set(split.articles.map((a) => a.language))].sort();
  const group = (language?: string) => split.articles.filter((a) => language === undefined || a.language === language).map((a) => a.run);
  return [
    '| articles | count | linked mentions P / R | new entities P / R | relationships P / R | figures P / R | furniture entities |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    totalsRow(['all', String(split.articles.length)], group()),
    ...(languages.length > 1 ? languages.map((language) => totalsRow([language, String(group(language).length)], group(language))) : []),
  ].join('\n');
}

/** Relationships per type: gold facts, proposals, gold facts matched, precision and recall ('-' where nothing was proposed or expected). */
export function formatByType(rows: readonly TypeScore[]): string {
  return [
    '| relationship type | gold | proposed | matched | P | R |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${r.type} | ${r.expected} | ${r.proposed} | ${r.correct} | ${r.proposed ? pct(r.precision) : '-'} | ${r.expected ? pct(r.recall) : '-'} |`,
    ),
  ].join('\n');
}

/** The evaluation as a table, one row per run, with the targets of issue 15 beside the totals. */
export function formatEvaluation(runs: readonly EvaluationRun[], withTargets = true): string {
  const lines = [
    '| document | graph | linked mentions P / R | new entities P / R | relationships P / R | figures P / R | furniture entities |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.document} | ${r.known} | ${cell(r.mentions)} | ${cell(r.entities)} | ${cell(r.relationships)} | ${cell(r.figures)} | ${r.furnitureEntities.length} |`,
    ),
  ];
  const { mentions, entities, relationships, figures } = totalsOf(runs);
  lines.push(totalsRow(['all', withTargets ? 'both' : 'seed loaded'], runs));
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
