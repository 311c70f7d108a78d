import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenize } from '../model/text-search';
import { CorpusDocument } from '../seed/corpus';
import { prepareSeed } from '../seed/load-seed';
import type { SeedDocument, SeedEntity, SeedEvidence, SeedFigure, SeedRelationship } from '../seed/seed-schema';
import type { DraftFolder, Proposal } from './draft-files';
import { IngestError } from './ingest-error';
import { arrayText, itemTexts, styleOf } from './seed-file-text';

/** What a merge added to the seed. */
export interface MergeSummary {
  document: string;
  entities: string[];
  aliases: string[];
  evidence: number;
  relationships: number;
  secondSources: number;
  claims: number;
  figures: string[];
  skipped: string[];
  files: string[];
}

// Which seed file holds an entity of each kind (the seed's own arrangement).
const ENTITY_FILE: Record<SeedEntity['type'], string> = {
  Organization: 'entities/organizations.json',
  Person: 'entities/people.json',
  Country: 'entities/places.json',
  RegionalBloc: 'entities/places.json',
  Place: 'entities/places.json',
  EventSeries: 'entities/events.json',
  Event: 'entities/events.json',
  Initiative: 'entities/initiatives.json',
  Programme: 'entities/initiatives.json',
  Goal: 'entities/initiatives.json',
  Theme: 'entities/themes.json',
};

interface Item {
  text?: string;
  value: Record<string, unknown>;
}

/** A seed array file being edited: its items (untouched ones keep their text) and its style. */
class SeedFile {
  readonly items: Item[];
  readonly style: ReturnType<typeof styleOf>;
  changed = false;

  constructor(
    readonly name: string,
    text: string,
  ) {
    this.items = itemTexts(text).map((t) => ({ text: t, value: JSON.parse(t) as Record<string, unknown> }));
    this.style = text.trim() === '[]' ? 'pretty' : styleOf(text);
  }

  add(value: object): void {
    this.items.push({ value: value as Record<string, unknown> });
    this.changed = true;
  }

  /** Marks an item edited in place, so that it is written anew. */
  touch(item: Item): void {
    delete item.text;
    this.changed = true;
  }

  text(): string {
    return arrayText(
      this.items.map((item) => (item.text !== undefined ? { text: item.text } : { value: item.value })),
      this.style,
    );
  }
}

const folded = (name: string) =>
  tokenize(name)
    .map((t) => t.word)
    .join(' ');

/** A merge in progress: the draft, the seed files being edited, what the draft's entity ids became, and the summary. */
class Merge {
  readonly files = new Map<string, SeedFile>();
  /** The seed id each accepted or merged entity of the draft became. */
  readonly idOf = new Map<string, string>();
  readonly document: SeedDocument;
  readonly shownDraft: string;
  readonly summary: MergeSummary;
  /** The draft's text with its layout, for telling which occurrence of a repeated quote a mention is. */
  private readonly corpus: CorpusDocument;

  constructor(
    readonly draft: DraftFolder,
    readonly seedDir: string,
  ) {
    this.document = draft.seed.documents[0]!.value;
    this.shownDraft = path.relative(process.cwd(), draft.dir) || draft.dir;
    this.summary = {
      document: this.document.id,
      entities: [],
      aliases: [],
      evidence: 0,
      relationships: 0,
      secondSources: 0,
      claims: 0,
      figures: [],
      skipped: [],
      files: [],
    };
    this.corpus = new CorpusDocument(this.document.id, draft.seed.corpus.get(this.document.file) ?? '');
    for (const { value } of draft.seed.layout) this.corpus.addLayout(value);
  }

  /** What review decided about a proposal. */
  status(item: string, id: string): Proposal | undefined {
    return this.draft.proposals.find((p) => p.item === item && p.id === id);
  }

  /** A seed file, read once (an absent one is empty). */
  file(name: string): SeedFile {
    let seedFile = this.files.get(name);
    if (!seedFile) {
      const full = path.join(this.seedDir, name);
      seedFile = new SeedFile(name, fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '[]\n');
      this.files.set(name, seedFile);
    }
    return seedFile;
  }

  /** An entity of the seed (as edited so far) and the file that holds it. */
  liveEntity(id: string): { item: Item; seedFile: SeedFile } | undefined {
    for (const name of ENTITY_FILES) {
      const item = this.file(name).items.find((i) => i.value.id === id);
      if (item) return { item, seedFile: this.file(name) };
    }
    return undefined;
  }

  /** The seed id a draft id stands for. */
  resolve(id: string): string {
    return this.idOf.get(id) ?? id;
  }

  exists(id: string): boolean {
    return this.liveEntity(id) !== undefined;
  }

  /** Adds evidence to a seed entity unless it has it; false when the seed does not hold the entity. */
  addEvidence(id: string, evidence: SeedEvidence): boolean {
    const found = this.liveEntity(id);
    if (!found) return false;
    const list = (found.item.value.evidence as SeedEvidence[]) ?? [];
    if (list.some((e) => e.doc === evidence.doc && e.quote === evidence.quote)) return true;
    found.item.value.evidence = [...list, evidence];
    found.seedFile.touch(found.item);
    this.summary.evidence++;
    return true;
  }

  /** A quote as evidence of the draft's document; one that occurs more than once in it says which occurrence it is. */
  evidenceAt(quote: string, at: number): SeedEvidence {
    const doc = this.document.id;
    if (!('problem' in this.corpus.locate(quote))) return { doc, quote };
    for (let occurrence = 1; occurrence < 50; occurrence++) {
      const located = this.corpus.locate(quote, occurrence);
      if ('problem' in located) break;
      if (located.start === at) return { doc, quote, occurrence };
    }
    return { doc, quote, occurrence: 1 };
  }
}

const ENTITY_FILES = [...new Set(Object.values(ENTITY_FILE))];

// New items go in sorted (by id, or type and ends), so that a merge reads the same whatever order review went in.
const byId = <T extends { value: { id: string } }>(items: readonly T[]) => [...items].sort((a, b) => a.value.id.localeCompare(b.value.id));

/** Refuses a draft review accepted nothing of, or one merged before; then adds its document and layout. */
function addDocument(merge: Merge): void {
  const { draft, shownDraft, document } = merge;
  const anything = draft.proposals.some((p) => p.status === 'accepted' || p.status === 'merged') || draft.mentions.some((m) => m.status === 'accepted');
  if (!anything)
    throw new IngestError(
      `${shownDraft}: review accepted nothing, so there is nothing to merge.`,
      'Run review and accept the proposals you want in the graph.',
    );
  const documents = merge.file('documents.json');
  if (documents.items.some((item) => item.value.id === document.id)) {
    throw new IngestError(`${shownDraft}: the seed already holds ${document.id}; this draft was merged before.`, 'Nothing was written.');
  }
  documents.add(document);
  for (const { value } of draft.seed.layout) merge.file('layout.json').add(value);
}

/** Accepted entities join the seed under their id (one the seed uses for another name gets a suffix); merged ones are noted. */
function addEntities(merge: Merge): void {
  for (const { value: candidate } of byId(merge.draft.seed.entities)) {
    const decision = merge.status('entity', candidate.id);
    if (decision?.status === 'merged') {
      merge.idOf.set(candidate.id, decision.mergedInto!);
      continue;
    }
    if (decision?.status !== 'accepted') continue;
    const same = merge.liveEntity(candidate.id);
    if (same && folded(String(same.item.value.name)) === folded(candidate.name)) {
      merge.idOf.set(candidate.id, candidate.id);
      continue;
    }
    let id = candidate.id;
    for (let n = 2; merge.liveEntity(id); n++) id = `${candidate.id}-${n}`;
    merge.idOf.set(candidate.id, id);
    const entity = { ...candidate, id, evidence: candidate.evidence } as SeedEntity;
    merge.file(ENTITY_FILE[entity.type]).add(entity);
    merge.summary.entities.push(id);
  }
}

/** Entities merged into a known one lend it their name as an alias and their quotes as evidence. */
function addMergedEntities(merge: Merge): void {
  for (const { value: candidate } of merge.draft.seed.entities) {
    const decision = merge.status('entity', candidate.id);
    if (decision?.status !== 'merged') continue;
    const target = merge.liveEntity(decision.mergedInto!);
    if (!target) {
      merge.summary.skipped.push(`entity ${candidate.id}: merged into ${decision.mergedInto}, which the seed does not hold`);
      continue;
    }
    const names = [target.item.value.name, ...((target.item.value.aliases as string[]) ?? [])].map((n) => folded(String(n)));
    if (!names.includes(folded(candidate.name))) {
      target.item.value.aliases = [...((target.item.value.aliases as string[]) ?? []), candidate.name];
      target.seedFile.touch(target.item);
      merge.summary.aliases.push(`${candidate.name} → ${decision.mergedInto}`);
    }
    for (const e of candidate.evidence) merge.addEvidence(decision.mergedInto!, e);
  }
}

/** Accepted mentions become evidence of the entity they name. */
function addMentions(merge: Merge): void {
  for (const mention of merge.draft.mentions) {
    if (mention.status !== 'accepted' || !mention.entity) continue;
    if (!merge.addEvidence(merge.resolve(mention.entity), merge.evidenceAt(mention.quote, mention.quoteStart))) {
      merge.summary.skipped.push(`mention "${mention.surface}": ${mention.entity} is not in the seed`);
    }
  }
}

/** An accepted relationship as the seed writes one: its keys in the seed's order, no empty properties object. */
function seedRelationship(proposed: SeedRelationship, from: string, to: string): SeedRelationship {
  return {
    type: proposed.type,
    from,
    to,
    ...(proposed.key ? { key: proposed.key } : {}),
    ...(Object.keys(proposed.properties).length > 0 ? { properties: proposed.properties } : {}),
    ...(proposed.validFrom ? { validFrom: proposed.validFrom } : {}),
    ...(proposed.validTo ? { validTo: proposed.validTo } : {}),
    evidence: proposed.evidence,
    ...(proposed.inferred ? { inferred: proposed.inferred } : {}),
  } as SeedRelationship;
}

/** Relationships: the same fact gains a source; the same ends and type stated otherwise is a competing claim. */
function addRelationships(merge: Merge): void {
  const relationships = merge.file('relationships.json');
  const order = [...merge.draft.seed.relationships].sort((a, b) =>
    `${a.value.type}|${a.value.from}|${a.value.to}`.localeCompare(`${b.value.type}|${b.value.from}|${b.value.to}`),
  );
  for (const { value: proposed } of order) {
    if (merge.status('relationship', `${proposed.type}|${proposed.from}|${proposed.to}`)?.status !== 'accepted') continue;
    const from = merge.resolve(proposed.from);
    const to = merge.resolve(proposed.to);
    const missing = [from, to].filter((id) => !merge.exists(id));
    if (missing.length > 0) {
      merge.summary.skipped.push(`${proposed.type} ${from} → ${to}: ${missing.join(' and ')} not in the seed (accept or merge the entity too)`);
      continue;
    }
    const relationship = seedRelationship(proposed, from, to);
    const same = relationships.items.filter((i) => i.value.type === relationship.type && i.value.from === from && i.value.to === to);
    const stated = (i: Item) => JSON.stringify(i.value.properties ?? {}) === JSON.stringify(relationship.properties ?? {});
    const agreeing = same.find(stated);
    if (agreeing) {
      agreeing.value.evidence = [...(agreeing.value.evidence as SeedEvidence[]), ...relationship.evidence];
      relationships.touch(agreeing);
      merge.summary.secondSources++;
    } else if (same.length > 0) {
      // Both claims stay, each with its source: the new one is told apart by a key naming its document.
      const { type, from: start, to: end, ...rest } = relationship;
      relationships.add({ type, from: start, to: end, key: merge.document.id.slice('doc:'.length), ...rest });
      merge.summary.claims++;
    } else {
      relationships.add(relationship);
      merge.summary.relationships++;
    }
  }
}

/** Competing claims join claims.json: each beside the curated value it contradicts, never over it. */
function addClaims(merge: Merge): void {
  const claims = merge.file('claims.json');
  for (const { value: proposed } of [...merge.draft.seed.claims].sort((a, b) =>
    `${a.value.subject}|${a.value.property}`.localeCompare(`${b.value.subject}|${b.value.property}`),
  )) {
    if (merge.status('claim', `${proposed.subject}|${proposed.property}|${proposed.value}`)?.status !== 'accepted') continue;
    const subject = merge.resolve(proposed.subject);
    if (!merge.exists(subject)) {
      merge.summary.skipped.push(`claim about ${subject}: not in the seed`);
      continue;
    }
    const same = claims.items.find(
      (i) => i.value.subject === subject && i.value.property === proposed.property && String(i.value.value) === String(proposed.value),
    );
    if (same) {
      same.value.evidence = [...(same.value.evidence as SeedEvidence[]), ...proposed.evidence];
      claims.touch(same);
    } else claims.add({ ...proposed, subject });
    merge.summary.claims++;
  }
}

/** Accepted figures join figures.json, about the seed entity their subject became; an id the seed uses gets a suffix. */
function addFigures(merge: Merge): void {
  const figures = merge.file('figures.json');
  for (const { value: proposed } of byId(merge.draft.seed.figures)) {
    if (merge.status('figure', proposed.id)?.status !== 'accepted') continue;
    const subject = merge.resolve(proposed.subject);
    if (!merge.exists(subject)) {
      merge.summary.skipped.push(`figure ${proposed.id}: its subject ${subject} is not in the seed`);
      continue;
    }
    let id = proposed.id;
    for (let n = 2; figures.items.some((i) => i.value.id === id); n++) id = `${proposed.id}-${n}`;
    const figure: SeedFigure = { ...proposed, id, subject };
    figures.add(figure);
    merge.summary.figures.push(id);
  }
}

/** Validates the merged seed in a copy; only then replaces the changed files and adds the document's text. */
function writeMerged(merge: Merge): void {
  const { draft, seedDir, document, summary } = merge;
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-merge-'));
  try {
    fs.cpSync(seedDir, staging, { recursive: true });
    const changed = [...merge.files.values()].filter((f) => f.changed);
    for (const seedFile of changed) fs.writeFileSync(path.join(staging, seedFile.name), seedFile.text());
    fs.copyFileSync(path.join(draft.dir, 'corpus', document.file), path.join(staging, 'corpus', document.file));
    try {
      prepareSeed(staging);
    } catch (error) {
      throw new IngestError(
        `The seed with ${merge.shownDraft} merged would not validate, so nothing was written:\n${(error as Error).message}`,
        'Reject or edit the proposals named above (npm run cli -- review) and merge again.',
      );
    }
    fs.copyFileSync(path.join(draft.dir, 'corpus', document.file), path.join(seedDir, 'corpus', document.file));
    for (const seedFile of changed) {
      const target = path.join(seedDir, seedFile.name);
      fs.writeFileSync(`${target}.tmp`, seedFile.text());
      fs.renameSync(`${target}.tmp`, target);
      summary.files.push(seedFile.name);
    }
    summary.files.push(`corpus/${document.file}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Merges what review accepted from a draft into a seed folder: the document, its text and layout; accepted entities
 * (under their own ids, or into the entity they were merged with, as an alias); accepted mentions as evidence of the
 * entity they name; accepted relationships (a fact the seed already states gains a second source; one that states it
 * otherwise is kept beside it as a competing claim, never over it); accepted figures. The merged seed is validated
 * in a copy first; only then are the changed files replaced, so a failure leaves the seed as it was.
 */
export function mergeDraft(draft: DraftFolder, seedDir: string): MergeSummary {
  const merge = new Merge(draft, seedDir);
  for (const step of [addDocument, addEntities, addMergedEntities, addMentions, addRelationships, addClaims, addFigures, writeMerged]) step(merge);
  return merge.summary;
}

/** What a merge did, in words, for the terminal. */
export function formatMerge(summary: MergeSummary): string {
  return [
    `Merged ${summary.document} into the seed:`,
    `  new entities: ${summary.entities.length ? summary.entities.join(', ') : 'none'}`,
    ...(summary.aliases.length ? [`  aliases added: ${summary.aliases.join('; ')}`] : []),
    `  evidence added to known entities: ${summary.evidence}`,
    `  relationships: ${summary.relationships} new, ${summary.secondSources} stated before (a second source)`,
    `  competing claims kept beside what the seed states: ${summary.claims}`,
    `  figures: ${summary.figures.length}`,
    ...summary.skipped.map((s) => `  skipped: ${s}`),
    `  files: ${summary.files.join(', ')}`,
  ].join('\n');
}
