import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FURNITURE_KINDS } from '../model/evidence';
import { partialDateProblem } from '../model/partial-date';
import { CorpusDocument, normalizeWhitespace } from '../seed/corpus';
import { readSeed, type SeedData } from '../seed/read-seed';
import type { SeedClaim, SeedDocument, SeedEntity, SeedLayout } from '../seed/seed-schema';
import { CLAIMABLE_PROPERTIES } from '../model/claims';
import { extractText, normalizeText, type ExtractedText } from './extract-text';
import { IngestError } from './ingest-error';
import { findEntities, type EntityCandidate } from './find-entities';
import { findFigures, type FigureCandidate } from './find-figures';
import { statedDates } from './find-dates';
import { findRelationships, type NamedSpan, type RelationshipCandidate } from './find-relationships';
import { Gazetteer, linkMentions, sentences, type KnownEntity, type Mention } from './link-mentions';
import { readSource } from './read-source';
import { ID_STOP_WORDS, slug } from './slug';

/** What the person ingesting says about the source; each overrides what the page says about itself. */
export interface SourceOptions {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  language?: string;
  kind?: string;
}

/** A proposed competing claim: a value the text gives for a known entity's property that differs from the graph's. */
export interface ClaimCandidate {
  claim: SeedClaim;
  confidence: number;
  reason: string;
}

/** The draft an ingestion proposes, before it is written. */
export interface Draft {
  dir: string;
  document: SeedDocument;
  text: string;
  layout: SeedLayout[];
  mentions: Mention[];
  entities: EntityCandidate[];
  relationships: RelationshipCandidate[];
  figures: FigureCandidate[];
  claims: ClaimCandidate[];
  /** The entities the draft was linked against (the seed's), for the report's names. */
  known: KnownEntity[];
  contentHash: string;
  source: { file: string; format: string };
}

/** The SHA-256 of a text as the graph stores it (normalized), the same for a seed document and a draft. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex');
}

/** The entities of a seed folder, as the gazetteer reads them. */
export function knownEntities(seedDir: string): KnownEntity[] {
  return entitiesOf(readSeed(seedDir).data);
}

/** The entities of read seed data, as the gazetteer reads them. */
function entitiesOf(data: SeedData): KnownEntity[] {
  return data.entities.map(({ value }) => ({
    id: value.id,
    type: value.type,
    name: value.name,
    spellings: [...value.aliases, ...('acronym' in value && value.acronym ? [value.acronym] : [])],
    properties: Object.fromEntries(
      (CLAIMABLE_PROPERTIES[value.type] ?? []).flatMap((key) => {
        const curated = (value as Record<string, unknown>)[key];
        return curated === undefined ? [] : [[key, String(curated)]];
      }),
    ),
  }));
}

/** Every document already in the seed or a draft (in any of `draftsDirs`), by content hash: where it is and its id. */
function knownTexts(data: SeedData, seedDir: string, draftsDirs: readonly string[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const { value } of data.documents) {
    const text = data.corpus.get(value.file);
    if (text !== undefined) known.set(contentHash(text), `${value.id} (${path.relative(process.cwd(), seedDir) || seedDir}/documents.json)`);
  }
  for (const draftsDir of draftsDirs.filter((dir) => fs.existsSync(dir))) {
    for (const name of fs.readdirSync(draftsDir)) {
      const marker = path.join(draftsDir, name, 'draft.json');
      if (!fs.existsSync(marker)) continue;
      try {
        const draft = JSON.parse(fs.readFileSync(marker, 'utf8')) as { contentHash?: string; document?: string };
        if (draft.contentHash) known.set(draft.contentHash, `${draft.document ?? name} (draft ${path.relative(process.cwd(), path.join(draftsDir, name))})`);
      } catch {
        // A draft whose marker is unreadable is not a match; `review` reports it when it is opened.
      }
    }
  }
  return known;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The document entry of the draft, from the options, then the page's own metadata; refuses what the seed would. */
function documentEntry(file: string, extracted: ExtractedText, options: SourceOptions, id: string, corpusFile: string): SeedDocument {
  const shown = path.basename(file);
  const title = options.title ?? extracted.metadata.title ?? extracted.regions.find((r) => r.kind === 'headline')?.text;
  if (!title) throw new IngestError(`${shown}: the document has no title the ingester can find.`, 'Give one with --title "...".');
  const published = options.published ?? extracted.metadata.published;
  if (!published) throw new IngestError(`${shown}: no publication date found in the file.`, 'Give it with --published YYYY-MM-DD (or YYYY-MM, YYYY).');
  const dateProblem = partialDateProblem(published);
  if (dateProblem) throw new IngestError(`${shown}: --published ${dateProblem}.`, 'Write the date as YYYY-MM-DD, YYYY-MM or YYYY.');
  const publisher = options.publisher ?? extracted.metadata.publisher;
  if (!publisher) throw new IngestError(`${shown}: no publisher found in the file.`, 'Give it with --publisher "...".');
  const language = options.language ?? extracted.metadata.language ?? 'en';
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(language)) throw new IngestError(`${shown}: --language "${language}" is not a language tag such as "en" or "fr-CA".`);
  const url = options.url ?? extracted.metadata.url;
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new IngestError(`${shown}: --url "${url}" is not an http(s) URL.`);
  // The first piece of evidence is the title as the text writes it, else the first sentence.
  const headline = extracted.regions.find((r) => r.kind === 'headline')?.text;
  const quote =
    headline && normalizeWhitespace(extracted.text).includes(normalizeWhitespace(headline)) ? headline : extracted.text.split(/\n/)[0]!.slice(0, 300);
  return {
    id,
    file: corpusFile,
    title: normalizeWhitespace(title),
    name: normalizeWhitespace(title).slice(0, 120),
    kind: options.kind ?? 'web page',
    published,
    attribution: `${options.kind ?? 'Web page'} published by ${publisher} on ${published}; copy of the ${path.extname(file).slice(1) || 'text'} file ingested as ${corpusFile}.`,
    publisher,
    ...(url ? { url } : {}),
    retrieved: today(),
    language,
    terms: "Copy kept unchanged for verification and quotation in research; the text remains the publisher's and is not covered by the project's data licence.",
    evidence: [{ doc: id, quote }],
  };
}

/** The layout regions of an extraction as seed layout entries of document `id`. */
function layoutOf(id: string, extracted: ExtractedText): SeedLayout[] {
  return extracted.regions.map((region) => ({
    doc: id,
    kind: region.kind,
    text: region.text,
    ...(region.occurrence ? { occurrence: region.occurrence } : {}),
  }));
}

/**
 * What the ingester proposes for a text it has read, with `gazetteer` as the graph it knows: mentions of known
 * entities, new entities, relationships between the named ones, and figures; nothing in page furniture. No file is
 * read or written (ingest-eval uses it too).
 */
export function analyse(
  id: string,
  extracted: ExtractedText,
  gazetteer: Gazetteer,
): { mentions: Mention[]; entities: EntityCandidate[]; relationships: RelationshipCandidate[]; figures: FigureCandidate[]; claims: ClaimCandidate[] } {
  const corpus = new CorpusDocument(id, extracted.text);
  for (const item of layoutOf(id, extracted)) {
    const problem = corpus.addLayout(item);
    if (problem) throw new IngestError(`${id}: the ingester marked a region it cannot find again (${problem}).`, 'Please report this file.');
  }
  const furniture = corpus.regions().filter((r) => (FURNITURE_KINDS as readonly string[]).includes(r.kind));
  const inFurniture = (at: number) => furniture.some((r) => at >= r.start && at < r.end);
  const mentions = linkMentions(extracted.text, gazetteer, inFurniture);
  const sentenceList = sentences(extracted.text);
  const entities = findEntities(extracted.text, sentenceList, gazetteer, id, inFurniture);
  // A figure describes what its sentence is about: the first entity named there, known or new; else the last one named before.
  const named = [
    ...mentions.filter((m) => m.entity).map((m) => ({ id: m.entity!, start: m.start })),
    ...entities.map((e) => ({ id: e.entity.id, start: e.start })),
  ].sort((a, b) => a.start - b.start);
  const subjectAt = (start: number, end: number) =>
    named.find((n) => n.start >= start && n.start < end)?.id ?? named.filter((n) => n.start < start && !inFurniture(n.start)).at(-1)?.id ?? null;
  const figures = findFigures(sentenceList, id, subjectAt, inFurniture);
  // A proposed event whose name another's carries with a year ("2019 Mobile Learning Week") is the series.
  for (const candidate of entities) {
    const edition = entities.find(
      (c) =>
        c !== candidate &&
        c.entity.type === 'Event' &&
        new RegExp(`^(\\d{4} ${escape(candidate.entity.name)}|${escape(candidate.entity.name)} \\d{4})$`).test(c.entity.name),
    );
    if (edition && candidate.entity.type === 'Event') {
      const { kind: _kind, ...rest } = candidate.entity;
      candidate.entity = { ...rest, type: 'EventSeries' } as SeedEntity;
      candidate.reason += `; a series, since "${edition.entity.name}" is one of its editions`;
    }
  }
  const text = extracted.text;
  const types = new Map([...gazetteer.entities.map((e) => [e.id, e.type] as const), ...entities.map((c) => [c.entity.id, c.entity.type] as const)]);
  const names = new Map([...gazetteer.entities.map((e) => [e.id, e.name] as const), ...entities.map((c) => [c.entity.id, c.entity.name] as const)]);
  const found: NamedSpan[] = mentions.flatMap((m) => (m.entity ? [{ id: m.entity, type: types.get(m.entity) ?? '', start: m.start, end: m.end }] : []));
  // Every occurrence of a proposed entity's name, alias, or short name (the part of a title before its dash: "the
  // Strategic Lab"), as whole words, outside furniture.
  for (const candidate of entities) {
    const short = candidate.entity.name.split(/ [–-] /)[0]!;
    const spellings = new Set([candidate.entity.name, ...candidate.entity.aliases, ...(short !== candidate.entity.name && short.includes(' ') ? [short] : [])]);
    for (const spelling of spellings) {
      // A name of several words is found whatever its case ("UNESCO headquarters"); one word only as written.
      const pattern = new RegExp(`(?<![\\w])${escape(spelling)}(?![\\w])`, spelling.includes(' ') ? 'gi' : 'g');
      for (const m of text.matchAll(pattern))
        if (!inFurniture(m.index)) found.push({ id: candidate.entity.id, type: candidate.entity.type, start: m.index, end: m.index + spelling.length });
    }
  }
  // Where names overlap ("UNESCO" inside "UNESCO headquarters"), the longer one is meant.
  const spans: NamedSpan[] = [];
  for (const span of found.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!spans.some((s) => span.start < s.end && s.start < span.end)) spans.push(span);
  }
  const relationships = findRelationships(text, sentenceList, spans, names, id);
  // An event's dates: a new event takes them; a known one whose curated dates differ gets competing claims.
  const claims: ClaimCandidate[] = [];
  const knownById = new Map(gazetteer.entities.map((e) => [e.id, e]));
  for (const sentence of sentenceList) {
    const dates = statedDates(sentence.text);
    if (!dates) continue;
    const event = spans.filter((s) => s.type === 'Event' && s.start >= sentence.start && s.end <= sentence.end).sort((a, b) => a.start - b.start)[0];
    if (!event) continue;
    const candidate = entities.find((c) => c.entity.id === event.id);
    if (candidate && candidate.entity.type === 'Event') {
      const entity = candidate.entity as SeedEntity & { startDate?: string; endDate?: string };
      entity.startDate ??= dates.startDate;
      entity.endDate ??= dates.endDate;
      continue;
    }
    const known = knownById.get(event.id);
    for (const property of ['startDate', 'endDate'] as const) {
      const curated = known?.properties?.[property];
      if (curated !== undefined && curated !== dates[property] && !claims.some((c) => c.claim.subject === event.id && c.claim.property === property)) {
        claims.push({
          claim: { subject: event.id, property, value: dates[property], evidence: [{ doc: id, quote: sentence.text }] },
          confidence: 0.7,
          reason: `the text says "${dates.statedAs}"; the graph has ${property} ${curated}`,
        });
      }
    }
  }
  return { mentions, entities, relationships, figures, claims };
}

/**
 * Reads a source and proposes a draft in the seed format: its document entry and normalized text, the layout of its
 * regions (furniture set aside, captions kept), and the mentions of known entities; refuses a text already ingested.
 */
export function proposeDraft(file: string, options: SourceOptions, seedDir: string, draftsDir: string, out?: string): Draft {
  const source = readSource(file);
  const extracted = extractText(source);
  if (!extracted.text.trim()) throw new IngestError(`${path.basename(file)}: no text left once the markup is read.`, 'Nothing to ingest.');
  const hash = contentHash(extracted.text);
  // Drafts are looked for where this one goes too, so that a second ingestion into the same folder is caught.
  // The seed is read once: for the texts it holds, and for the entities mentions link to.
  const { data: seed } = readSeed(seedDir);
  const already = knownTexts(seed, seedDir, out ? [draftsDir, path.dirname(out)] : [draftsDir]).get(hash);
  if (already) throw new IngestError(`${path.basename(file)}: this text was already ingested, as ${already}.`, 'Nothing was written.');
  const titleForId = options.title ?? extracted.metadata.title ?? extracted.regions.find((r) => r.kind === 'headline')?.text ?? path.basename(file);
  const id = `doc:${slug(titleForId, { maxWords: 6, dropWords: ID_STOP_WORDS, empty: 'document' })}`;
  const corpusFile = `ingest_${hash.slice(0, 16)}.txt`;
  const document = documentEntry(file, extracted, options, id, corpusFile);
  const layout = layoutOf(id, extracted);
  const known = entitiesOf(seed);
  const proposals = analyse(id, extracted, new Gazetteer(known));
  return {
    dir: out ?? path.join(draftsDir, id.slice('doc:'.length)),
    document,
    text: extracted.text,
    layout,
    ...proposals,
    known,
    contentHash: hash,
    source: { file: path.resolve(file), format: source.format },
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes a draft folder (documents.json, corpus/, layout.json, entities/, relationships.json, figures.json, and the
 * draft's own mentions.json and draft.json) into a staging folder, checks it reads back as seed data, then moves it
 * into place; an existing folder is refused, and on any problem nothing is left behind.
 */
export function writeDraft(draft: Draft): void {
  if (fs.existsSync(draft.dir)) throw new IngestError(`${draft.dir} already exists.`, 'Choose another folder with --out, or remove that draft first.');
  fs.mkdirSync(path.dirname(draft.dir), { recursive: true });
  const staging = fs.mkdtempSync(`${draft.dir}.staging-`);
  try {
    fs.mkdirSync(path.join(staging, 'corpus'));
    fs.mkdirSync(path.join(staging, 'entities'));
    fs.writeFileSync(path.join(staging, 'corpus', draft.document.file), `${draft.text}\n`);
    fs.writeFileSync(path.join(staging, 'documents.json'), json([draft.document]));
    fs.writeFileSync(path.join(staging, 'layout.json'), json(draft.layout));
    fs.writeFileSync(path.join(staging, 'entities', 'proposed.json'), json(draft.entities.map((c) => c.entity)));
    fs.writeFileSync(path.join(staging, 'relationships.json'), json(draft.relationships.map((c) => c.relationship)));
    fs.writeFileSync(path.join(staging, 'figures.json'), json(draft.figures.map((c) => c.figure)));
    fs.writeFileSync(path.join(staging, 'claims.json'), json(draft.claims.map((c) => c.claim)));
    fs.writeFileSync(path.join(staging, 'mentions.json'), json(draft.mentions));
    // The seed files hold seed data only; how sure the ingester is, and what review decided, lives beside them.
    fs.writeFileSync(
      path.join(staging, 'proposals.json'),
      json([
        ...draft.entities.map((c) => ({ item: 'entity', id: c.entity.id, status: 'proposed', confidence: c.confidence, reason: c.reason })),
        ...draft.relationships.map((c) => ({
          item: 'relationship',
          id: `${c.relationship.type}|${c.relationship.from}|${c.relationship.to}`,
          status: 'proposed',
          confidence: Math.round(c.confidence * 100) / 100,
          reason: c.relationship.inferred ? `${c.reason}; ${c.relationship.inferred}` : c.reason,
        })),
        ...draft.claims.map((c) => ({
          item: 'claim',
          id: `${c.claim.subject}|${c.claim.property}|${c.claim.value}`,
          status: 'proposed',
          confidence: c.confidence,
          reason: c.reason,
        })),
        ...draft.figures.map((c) => ({
          item: 'figure',
          id: c.figure.id,
          status: 'proposed',
          confidence: c.confidence,
          reason: `"${c.figure.statedAs}" in its sentence`,
        })),
      ]),
    );
    fs.writeFileSync(
      path.join(staging, 'draft.json'),
      json({ document: draft.document.id, contentHash: draft.contentHash, source: draft.source, ingested: today(), status: 'proposed' }),
    );
    const { problems } = readSeed(staging);
    if (problems.length > 0) {
      throw new IngestError(
        `The draft for ${path.basename(draft.source.file)} does not read back as seed data:\n${problems.map((p) => `  ${p.file} ${p.path} ${p.message}`).join('\n')}`,
        'Please report this file; nothing was written.',
      );
    }
    fs.renameSync(staging, draft.dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The report `ingest` prints: what was linked, what is ambiguous, what was set aside, and what the draft holds. */
export function draftReport(draft: Draft): string {
  const names = new Map(draft.known.map((e) => [e.id, e.name]));
  const linked = draft.mentions.filter((m) => m.entity);
  const byEntity = new Map<string, Mention[]>();
  for (const m of linked) byEntity.set(m.entity!, [...(byEntity.get(m.entity!) ?? []), m]);
  const ambiguous = draft.mentions.filter((m) => !m.entity);
  const furniture = draft.layout.filter((l) => (FURNITURE_KINDS as readonly string[]).includes(l.kind));
  const captions = draft.layout.filter((l) => l.kind === 'caption');
  const lines = [
    `Draft ${draft.document.id} written to ${path.relative(process.cwd(), draft.dir) || draft.dir}`,
    `  "${draft.document.title}", ${draft.document.publisher}, ${draft.document.published} (${draft.source.format}, ${draft.text.length.toLocaleString('en')} characters, sha256 ${draft.contentHash.slice(0, 16)}...)`,
    '',
    `Linked mentions: ${linked.length} of ${byEntity.size} known entities`,
    ...[...byEntity.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([id, ms]) => {
        const typos = ms.filter((m) => m.match === 'typo').map((m) => `"${m.surface}"`);
        return `  ${names.get(id) ?? id} (${id}) x${ms.length}${typos.length ? `, including the misspelling ${[...new Set(typos)].join(', ')}` : ''}`;
      }),
    `Ambiguous mentions: ${ambiguous.length}`,
    ...ambiguous.map((m) => `  "${m.surface}" could be ${m.candidates!.join(' or ')}: "${m.quote}"`),
    `Page furniture set aside: ${furniture.length}`,
    ...furniture.map((f) => `  ${f.kind}: "${f.text.length > 70 ? `${f.text.slice(0, 67)}...` : f.text}"`),
    `Captions kept as evidence: ${captions.length}`,
    `New entities proposed: ${draft.entities.length}`,
    ...draft.entities.map(
      (c) =>
        `  ${c.entity.type} "${c.entity.name}"${c.entity.aliases.length ? ` (${c.entity.aliases.join(', ')})` : ''}: ${c.reason}, confidence ${c.confidence}`,
    ),
    `Relationships proposed: ${draft.relationships.length}`,
    ...draft.relationships.map(
      (c) =>
        `  ${names.get(c.relationship.from) ?? draft.entities.find((e) => e.entity.id === c.relationship.from)?.entity.name ?? c.relationship.from} ${c.relationship.type} ${names.get(c.relationship.to) ?? draft.entities.find((e) => e.entity.id === c.relationship.to)?.entity.name ?? c.relationship.to}${Object.keys(c.relationship.properties).length ? ` (${Object.values(c.relationship.properties).join(', ')})` : ''}: ${c.reason}${c.relationship.inferred ? ' (inferred)' : ''}`,
    ),
    `Competing claims proposed: ${draft.claims.length}`,
    ...draft.claims.map((c) => `  ${c.claim.subject} ${c.claim.property} ${c.claim.value}: ${c.reason}`),
    `Figures proposed: ${draft.figures.length}`,
    ...draft.figures.map(
      (c) =>
        `  "${c.figure.statedAs}" of ${c.figure.subject}: ${c.figure.qualifier === 'exact' ? '' : `${c.figure.qualifier} `}${c.figure.value} ${c.figure.unit}`,
    ),
  ];
  return lines.join('\n');
}
