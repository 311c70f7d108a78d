import { createHash } from 'node:crypto';
import neo4j, { type Integer } from 'neo4j-driver';
import { CLAIM_PROPERTIES } from '../model/claims';
import { EVIDENCE_PROPERTIES, FIGURE_CONTEXT_PROPERTIES } from '../model/evidence';
import { indexedEvidenceText } from '../model/text-search';
import { normalizeName } from '../model/entity-resolution';
import type { EntityType } from '../model/entity-types';
import { earliestDay, latestDay } from '../model/partial-date';
import type { RelationshipType } from '../model/relationship-types';
import { normalizeWhitespace } from './corpus';
import type { SeedClaim, SeedEntity, SeedEvidence } from './seed-schema';
import { relationshipKey, type ValidatedSeed } from './validate-seed';

export type PropertyValue = string | number | Integer | boolean | string[] | Integer[];
export type Properties = Record<string, PropertyValue>;

export interface NodeRow {
  id: string;
  label: EntityType;
  props: Properties;
  hash: string;
}

export interface RelationshipRow {
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Properties;
  hash: string;
}

export interface GraphRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

type Evidence = SeedEvidence;
type Corpus = ValidatedSeed['corpus'];

/**
 * Evidence as parallel lists, since Neo4j properties cannot hold maps: document, quote, position in the document,
 * and the quote's character offsets in the stored text (end exclusive), located by the validated corpus.
 */
function evidenceLists(corpus: Corpus, evidence: Evidence[], names: Record<keyof typeof EVIDENCE_PROPERTIES, string> = EVIDENCE_PROPERTIES): Properties {
  const located = evidence.map((e) => {
    const doc = corpus.get(e.doc)!;
    const where = doc.locate(e.quote, e.occurrence);
    // Checked again here, so that no offset is stored that does not give back its quote.
    if ('problem' in where || normalizeWhitespace(doc.text.slice(where.start, where.end)) !== normalizeWhitespace(e.quote)) {
      throw new Error(`validated evidence cannot be located in ${e.doc}: "${e.quote}"`);
    }
    return where;
  });
  return {
    [names.docs]: evidence.map((e) => e.doc),
    [names.quotes]: evidence.map((e) => e.quote),
    [names.positions]: located.map((l) => l.position),
    [names.starts]: located.map((l) => neo4j.int(l.start)),
    [names.ends]: located.map((l) => neo4j.int(l.end)),
  };
}

function evidenceProps(corpus: Corpus, evidence: Evidence[], inferred: string | undefined): Properties {
  return {
    ...evidenceLists(corpus, evidence),
    // What the evidence full-text index reads (graph-schema.ts): the quotes' folded words.
    evidenceText: indexedEvidenceText(evidence.map((e) => e.quote)),
    inferred: inferred !== undefined,
    ...(inferred !== undefined ? { inference: inferred } : {}),
  };
}

/** Whole numbers of the curated data (orders, ranks, counts) are stored as integers, other numbers as floats. */
function stored(value: PropertyValue | undefined): PropertyValue | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

// Absent rather than an empty list: Neo4j cannot type an empty list, and exports (CSV) cannot tell one from absence.
function withoutUndefined(record: Record<string, PropertyValue | undefined>): Properties {
  return Object.fromEntries(
    Object.entries(record).flatMap(([k, v]) => (v === undefined || (Array.isArray(v) && v.length === 0) ? [] : [[k, stored(v)]])),
  ) as Properties;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function entityProps(corpus: Corpus, entity: SeedEntity): Properties {
  const { type: _type, evidence, inferred, aliases, ...rest } = entity;
  const props: Record<string, PropertyValue | undefined> = { ...rest, aliases };
  if (entity.type === 'Event') {
    props.startDay = entity.startDate ? earliestDay(entity.startDate) : undefined;
    props.endDay = entity.endDate ? latestDay(entity.endDate) : entity.startDate ? latestDay(entity.startDate) : undefined;
  }
  return { ...withoutUndefined(props), ...evidenceProps(corpus, evidence, inferred) };
}

/** An entity's competing claims as parallel lists (one entry per quote), or nothing when it has none. */
function claimProps(corpus: Corpus, claims: readonly SeedClaim[]): Properties {
  const rows = claims.flatMap((claim) => claim.evidence.map((evidence) => ({ claim, evidence })));
  if (rows.length === 0) return {};
  return {
    [CLAIM_PROPERTIES.properties]: rows.map((r) => r.claim.property),
    [CLAIM_PROPERTIES.values]: rows.map((r) => String(r.claim.value)),
    ...evidenceLists(
      corpus,
      rows.map((r) => r.evidence),
      CLAIM_PROPERTIES,
    ),
  };
}

const SHORT_NAME_CHARS = 28;

/** A name cut at a word boundary to at most SHORT_NAME_CHARS characters, with an ellipsis when cut. */
export function shortened(name: string): string {
  if (name.length <= SHORT_NAME_CHARS) return name;
  const cut = name.slice(0, SHORT_NAME_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_NAME_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** A node row: the properties with the id, the caption, the search fields and the seed's marks, and its hash. */
function nodeRow(id: string, label: EntityType, props: Properties, aliases: string[] = []): NodeRow {
  const name = String(props.name ?? id);
  const spellings = [name, ...aliases];
  const full: Properties = {
    ...props,
    id,
    // A caption that fits a node in Browser and in drawings: the acronym the source gives, or the name, shortened.
    shortName: typeof props.acronym === 'string' ? props.acronym : shortened(name),
    searchText: spellings.join(' | '),
    searchKey: normalizeName(spellings.join(' ')),
    seedManaged: true,
  };
  const hash = hashOf([label, full]);
  return { id, label, props: { ...full, seedHash: hash }, hash };
}

/** The node rows: documents (with their text and layout), entities (with their claims), figures. */
function nodeRows(seed: ValidatedSeed): NodeRow[] {
  const nodes: NodeRow[] = [];
  for (const doc of seed.documents) {
    const { evidence, ...rest } = doc;
    const text = seed.corpus.get(doc.id)!.text;
    const layout = seed.corpus.get(doc.id)!.regions();
    nodes.push(
      nodeRow(doc.id, 'Document', {
        ...withoutUndefined(rest),
        text,
        // The document's words for the passage full-text index, and its marked regions, for positions of passages.
        textIndexed: indexedEvidenceText([text]),
        ...(layout.length > 0
          ? { layoutKinds: layout.map((r) => r.kind), layoutStarts: layout.map((r) => neo4j.int(r.start)), layoutEnds: layout.map((r) => neo4j.int(r.end)) }
          : {}),
        ...evidenceProps(seed.corpus, evidence, undefined),
      }),
    );
  }
  for (const entity of seed.entities) {
    const claims = claimProps(seed.corpus, seed.claims.filter((c) => c.subject === entity.id));
    nodes.push(nodeRow(entity.id, entity.type, { ...entityProps(seed.corpus, entity), ...claims }, entity.aliases));
  }
  for (const figure of seed.figures) {
    const { evidence, context, inferred, subject: _subject, ...rest } = figure;
    nodes.push(
      nodeRow(figure.id, 'Figure', {
        ...withoutUndefined({ ...rest }),
        name: `${figure.metric}: ${figure.statedAs}`,
        ...evidenceProps(seed.corpus, evidence, inferred),
        ...(context.length > 0 ? evidenceLists(seed.corpus, context, FIGURE_CONTEXT_PROPERTIES) : {}),
      }),
    );
  }
  return nodes;
}

/** A relationship row: its seed key, its properties with the validity days and evidence, and its hash. */
function relationshipRow(
  corpus: Corpus,
  type: RelationshipType,
  from: string,
  to: string,
  custom: Properties,
  evidence: Evidence[],
  inferred: string | undefined,
  extra: { key?: string; validFrom?: string; validTo?: string } = {},
): RelationshipRow {
  const key = relationshipKey({ type, from, to, ...(extra.key ? { key: extra.key } : {}) });
  const props: Properties = {
    ...withoutUndefined(custom),
    ...withoutUndefined({
      validFrom: extra.validFrom,
      validTo: extra.validTo,
      validFromDay: extra.validFrom ? earliestDay(extra.validFrom) : undefined,
      validToDay: extra.validTo ? latestDay(extra.validTo) : undefined,
    }),
    ...evidenceProps(corpus, evidence, inferred),
    seedManaged: true,
    seedKey: key,
  };
  const hash = hashOf([type, from, to, props]);
  return { key, type, from, to, props: { ...props, seedHash: hash }, hash };
}

/**
 * A document mentions every entity that a fact citing it names, with the first quotes that do: the evidence of each
 * (document, entity) pair, keyed "doc|entity".
 */
function mentionEvidence(seed: ValidatedSeed): Map<string, Evidence[]> {
  const mentions = new Map<string, Evidence[]>();
  const mention = (entityId: string, evidence: Evidence[]) => {
    for (const e of evidence) {
      const key = `${e.doc}|${entityId}`;
      if (e.doc === entityId) continue;
      const list = mentions.get(key) ?? [];
      if (!list.some((x) => x.quote === e.quote && x.occurrence === e.occurrence)) list.push(e);
      mentions.set(key, list);
    }
  };
  for (const entity of seed.entities) mention(entity.id, entity.evidence);
  for (const figure of seed.figures) mention(figure.id, figure.evidence);
  for (const rel of seed.relationships) {
    mention(rel.from, rel.evidence);
    mention(rel.to, rel.evidence);
  }
  return mentions;
}

/** The relationship rows: the seed's own, then the derived HAS_FIGURE and MENTIONS (at most three quotes each). */
function relationshipRows(seed: ValidatedSeed): RelationshipRow[] {
  const relationships: RelationshipRow[] = [];
  for (const rel of seed.relationships) {
    relationships.push(
      relationshipRow(seed.corpus, rel.type as RelationshipType, rel.from, rel.to, rel.properties, rel.evidence, rel.inferred, {
        ...(rel.key ? { key: rel.key } : {}),
        ...(rel.validFrom ? { validFrom: rel.validFrom } : {}),
        ...(rel.validTo ? { validTo: rel.validTo } : {}),
      }),
    );
  }
  for (const figure of seed.figures) {
    relationships.push(relationshipRow(seed.corpus, 'HAS_FIGURE', figure.subject, figure.id, {}, figure.evidence, figure.inferred));
  }
  for (const [key, evidence] of [...mentionEvidence(seed).entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [doc, entityId] = key.split('|') as [string, string];
    relationships.push(relationshipRow(seed.corpus, 'MENTIONS', doc, entityId, {}, evidence.slice(0, 3), undefined));
  }
  return relationships;
}

/** Turns validated seed data into node and relationship rows, including the derived MENTIONS and HAS_FIGURE. */
export function buildGraph(seed: ValidatedSeed): GraphRows {
  return { nodes: nodeRows(seed), relationships: relationshipRows(seed) };
}
