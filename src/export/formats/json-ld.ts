import type { EntityType } from '../../model/entity-types';
import { EVIDENCE_PROPERTIES, FIGURE_CONTEXT_PROPERTIES } from '../../model/evidence';
import { DERIVED_PROPERTIES, type GraphSource } from '../graph-source';

/** Where the graph's own terms live: a URN, so that no address pretends to serve them; documented in export/README.md. */
export const VOCABULARY = 'urn:edupolicy-graph:vocab:';
/** Entities are named by their ids under this prefix. */
export const ENTITY_BASE = 'urn:edupolicy-graph:entity:';

/** The schema.org type of each entity type (the graph's own type is given too). */
export const SCHEMA_ORG_TYPE: Record<EntityType, string> = {
  Organization: 'Organization',
  Person: 'Person',
  Country: 'Country',
  RegionalBloc: 'Organization',
  Place: 'Place',
  EventSeries: 'EventSeries',
  Event: 'Event',
  Initiative: 'Project',
  Programme: 'Project',
  Goal: 'DefinedTerm',
  Theme: 'DefinedTerm',
  Figure: 'QuantitativeValue',
  Document: 'Article',
};

// Stored properties that have a schema.org term; every other one is a term of the graph's vocabulary.
const SCHEMA_ORG_PROPERTY: Record<string, string> = {
  name: 'name',
  aliases: 'alternateName',
  description: 'description',
  title: 'headline',
  published: 'datePublished',
  url: 'url',
  language: 'inLanguage',
  publisher: 'publisher',
  text: 'text',
  startDate: 'startDate',
  endDate: 'endDate',
  value: 'value',
  unit: 'unitText',
};

const EVIDENCE_KEYS = new Set<string>([...Object.values(EVIDENCE_PROPERTIES), ...Object.values(FIGURE_CONTEXT_PROPERTIES)]);
const SKIPPED = new Set([...DERIVED_PROPERTIES, 'id', 'layoutKinds', 'layoutStarts', 'layoutEnds', ...EVIDENCE_KEYS]);

/** The context every export carries inline (nothing is fetched to read it). */
export const CONTEXT = {
  '@vocab': VOCABULARY,
  schema: 'https://schema.org/',
  epg: VOCABULARY,
  entity: ENTITY_BASE,
  ...Object.fromEntries(Object.values(SCHEMA_ORG_PROPERTY).map((term) => [term, `https://schema.org/${term}`])),
  subject: { '@id': `${VOCABULARY}subject`, '@type': '@id' },
  object: { '@id': `${VOCABULARY}object`, '@type': '@id' },
  document: { '@id': `${VOCABULARY}document`, '@type': '@id' },
};

function evidenceNodes(props: Record<string, unknown>, names: Record<keyof typeof EVIDENCE_PROPERTIES, string>): object[] {
  const docs = (props[names.docs] as string[] | undefined) ?? [];
  const at = (key: string, i: number) => (props[key] as unknown[] | undefined)?.[i];
  return docs.map((doc, i) => ({
    '@type': 'Evidence',
    document: `${ENTITY_BASE}${doc}`,
    quote: at(names.quotes, i),
    position: at(names.positions, i),
    start: at(names.starts, i),
    end: at(names.ends, i),
  }));
}

function terms(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (SKIPPED.has(key) || value === null || value === undefined) continue;
    out[SCHEMA_ORG_PROPERTY[key] ?? key] = value;
  }
  const evidence = evidenceNodes(props, EVIDENCE_PROPERTIES);
  if (evidence.length > 0) out.evidence = evidence;
  const context = evidenceNodes(props, FIGURE_CONTEXT_PROPERTIES);
  if (context.length > 0) out.context = context;
  return out;
}

/**
 * The graph as JSON-LD with schema.org terms: each entity with its schema.org type and the graph's own, and each
 * relationship as a Statement (subject, predicate, object, properties, evidence) plus a direct link from subject to
 * object under the relationship type's term, so that both plain and provenance-aware readers find it.
 */
export async function* jsonLd(source: GraphSource): AsyncGenerator<string> {
  yield `{"@context": ${JSON.stringify(CONTEXT)},\n"@graph": [\n`;
  let first = true;
  const item = (value: object) => {
    const text = `${first ? '' : ',\n'}${JSON.stringify(value)}`;
    first = false;
    return text;
  };
  for await (const node of source.nodes()) {
    yield item({
      '@id': `${ENTITY_BASE}${node.id}`,
      '@type': [`schema:${SCHEMA_ORG_TYPE[node.label]}`, node.label],
      identifier: node.id,
      ...terms(node.props),
    });
  }
  let n = 0;
  for await (const rel of source.relationships()) {
    const statementId = `${ENTITY_BASE}statement/${n++}`;
    yield item({ '@id': `${ENTITY_BASE}${rel.from}`, [rel.type]: { '@id': `${ENTITY_BASE}${rel.to}` } });
    yield item({
      '@id': statementId,
      '@type': 'Statement',
      subject: `${ENTITY_BASE}${rel.from}`,
      predicate: rel.type,
      object: `${ENTITY_BASE}${rel.to}`,
      ...terms(rel.props),
    });
  }
  yield '\n]}\n';
}
