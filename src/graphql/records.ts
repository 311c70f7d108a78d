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

/** Builds a RelationshipRecord from the map a query returns for it. */
export function toRelationship(row: { type: string; from: string; to: string; props: Record<string, unknown>; elementId: string }): RelationshipRecord {
  if (!isRelationshipType(row.type)) throw new Error(`Unknown relationship type ${row.type}`);
  return {
    id: typeof row.props.seedKey === 'string' ? row.props.seedKey : row.elementId,
    type: row.type,
    fromId: row.from,
    toId: row.to,
    props: row.props,
  };
}

// properties() rather than a projection naming every key: the driver decodes a map of mostly-null keys many times
// slower. Documents are the exception, so that their full text (Document.text loads it on demand) is not carried
// along with every query that touches them.
const DOCUMENT_KEYS = [...Object.keys(documentSchema.shape).filter((key) => key !== 'evidence'), 'evidenceDocs', 'evidenceQuotes', 'inferred'];

/**
 * Cypher map projection of a relationship, matching toRelationship's input: all its properties, or only `keys`
 * (property names from the model, never from a client) plus its identity.
 */
export const REL_PROJECTION = (r: string, keys: string[] | null = null) =>
  `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, ` +
  `props: ${keys ? `${r} {${['seedKey', ...keys].map((k) => `.${k}`).join(', ')}}` : `properties(${r})`}, elementId: elementId(${r})}`;

/** Cypher map projection of a node, matching toEntity's input. */
export const NODE_PROJECTION = (n: string) =>
  `{labels: labels(${n}), props: CASE WHEN ${n}:Document THEN ${n} {${DOCUMENT_KEYS.map((k) => `.${k}`).join(', ')}} ELSE properties(${n}) END}`;
