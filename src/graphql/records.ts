import { ENTITY_TYPES, isEntityType, type EntityType } from '../model/entity-types';
import { isRelationshipType, type RelationshipType } from '../model/relationship-types';
import { documentSchema } from '../seed/seed-schema';

/** A node as the resolvers see it: its allow-listed label and its properties. */
export interface EntityRecord {
  label: EntityType;
  props: Record<string, unknown> & { id: string; name?: string };
}

/** A relationship as the resolvers see it. */
export interface RelationshipRecord {
  id: string;
  type: RelationshipType;
  fromId: string;
  toId: string;
  props: Record<string, unknown>;
  /**
   * Ends fetched with the relationship, holding only the properties the query selected; they answer `from` and
   * `to` directly and are never put into the entity loader, whose records are complete.
   */
  ends?: { from?: EntityRecord; to?: EntityRecord };
}

const ENUM_BY_LABEL: Record<EntityType, string> = {
  Organization: 'ORGANIZATION',
  Person: 'PERSON',
  Country: 'COUNTRY',
  RegionalBloc: 'REGIONAL_BLOC',
  Place: 'PLACE',
  EventSeries: 'EVENT_SERIES',
  Event: 'EVENT',
  Initiative: 'INITIATIVE',
  Programme: 'PROGRAMME',
  Goal: 'GOAL',
  Theme: 'THEME',
  Figure: 'FIGURE',
  Document: 'DOCUMENT',
};
const LABEL_BY_ENUM = new Map(Object.entries(ENUM_BY_LABEL).map(([label, value]) => [value, label as EntityType]));

/** The GraphQL EntityType value of a label. */
export function entityTypeEnum(label: EntityType): string {
  return ENUM_BY_LABEL[label];
}

/** The label of a GraphQL EntityType value; the enum is the allow-list. */
export function labelOfEnum(value: string): EntityType {
  const label = LABEL_BY_ENUM.get(value);
  if (!label) throw new Error(`Unknown EntityType ${value}`);
  return label;
}

/** Builds an EntityRecord from a node's labels and properties as returned by Cypher. */
export function toEntity(labels: string[], props: Record<string, unknown>): EntityRecord {
  const label = labels.find((l): l is EntityType => isEntityType(l)) ?? ENTITY_TYPES[0];
  return { label, props: props as EntityRecord['props'] };
}

/** What REL_PROJECTION returns; `from`, `to` and `id` are left out when the query already knows or does not need them. */
export interface RelationshipRow {
  type: string;
  from?: string;
  to?: string;
  id?: string;
  props: Record<string, unknown>;
}

/** Builds a RelationshipRecord from the map a query returns for it, with the ends' ids the caller already knows. */
export function toRelationship(row: RelationshipRow, known: { from?: string; to?: string } = {}): RelationshipRecord {
  if (!isRelationshipType(row.type)) throw new Error(`Unknown relationship type ${row.type}`);
  return {
    // Empty only when the query did not select the id (selection.ts asks for seedKey when it does).
    id: row.id ?? '',
    type: row.type,
    fromId: row.from ?? known.from ?? '',
    toId: row.to ?? known.to ?? '',
    props: row.props,
  };
}

/**
 * A relationship as three Cypher list elements, [type, id or null, properties], for queries that return tuples rather
 * than maps (the driver decodes small lists several times faster than maps); `keys` as in REL_PROJECTION.
 */
export const REL_PARTS = (r: string, keys: string[] | null): string[] => {
  const stored = keys?.filter((k) => k !== 'seedKey');
  return [
    `type(${r})`,
    !keys || keys.includes('seedKey') ? `coalesce(${r}.seedKey, elementId(${r}))` : 'null',
    stored ? `${r} {${stored.map((k) => `.${k}`).join(', ')}}` : `properties(${r})`,
  ];
};

/** Builds a RelationshipRecord from REL_PARTS's elements and its ends' ids. */
export function relationshipFromParts(type: string, id: string | null, props: Record<string, unknown>, ends: { from?: string; to?: string }): RelationshipRecord {
  return toRelationship({ type, ...(id === null ? {} : { id }), props }, ends);
}

// properties() rather than a projection naming every key: the driver decodes a map of mostly-null keys many times
// slower. Documents are the exception, so that their full text (Document.text loads it on demand) is not carried
// along with every query that touches them.
const DOCUMENT_KEYS = [...Object.keys(documentSchema.shape).filter((key) => key !== 'evidence'), 'evidenceDocs', 'evidenceQuotes', 'inferred'];

/**
 * Cypher map projection of a relationship, matching toRelationship's input: all its properties, or only `keys`
 * (property names from the model, never from a client). Its id (the seed key, or the element id for a relationship
 * the seed did not state) comes with all properties or when `keys` has seedKey. `ends` gives expressions for the ends'
 * ids, or null to leave one out when the caller fills it in.
 */
export const REL_PROJECTION = (r: string, keys: string[] | null = null, ends: { from: string | null; to: string | null } = { from: `startNode(${r}).id`, to: `endNode(${r}).id` }) => {
  const parts = [`type: type(${r})`];
  if (ends.from) parts.push(`from: ${ends.from}`);
  if (ends.to) parts.push(`to: ${ends.to}`);
  if (!keys || keys.includes('seedKey')) parts.push(`id: coalesce(${r}.seedKey, elementId(${r}))`);
  const stored = keys?.filter((k) => k !== 'seedKey');
  parts.push(`props: ${stored ? `${r} {${stored.map((k) => `.${k}`).join(', ')}}` : `properties(${r})`}`);
  return `{${parts.join(', ')}}`;
};

/**
 * Cypher map projection of a node, matching toEntity's input: all its properties (a Document's without its text), or
 * only `keys` (from selection.ts's entityKeys, which allow-lists them against the schema). `label`, when the pattern
 * and the model fix it, saves reading the node's labels.
 */
export const NODE_PROJECTION = (n: string, keys: string[] | null = null, label: EntityType | null = null) =>
  keys
    ? `{labels: ${label ? `['${label}']` : `labels(${n})`}, props: ${n} {${keys.map((k) => `.${k}`).join(', ')}}}`
    : `{labels: labels(${n}), props: CASE WHEN ${n}:Document THEN ${n} {${DOCUMENT_KEYS.map((k) => `.${k}`).join(', ')}} ELSE properties(${n}) END}`;
