import { ENTITY_TYPES, isEntityType, type EntityType } from '../model/entity-types';
import { isRelationshipType, type RelationshipType } from '../model/relationship-types';

/**
 * A node as the resolvers see it: its allow-listed label and its properties, which are the record's own fields (see
 * toEntity), so that a field of the same name needs no resolver.
 */
export interface EntityRecord {
  label: EntityType;
  props: Record<string, unknown> & { id: string; name?: string };
  [property: string]: unknown;
}

/** A relationship as the resolvers see it; its properties are also its own fields, as an EntityRecord's. */
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
  [property: string]: unknown;
}

const ENUM_BY_LABEL = new Map<string, string>(ENTITY_TYPES.map((label) => [label, label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()]));

/** The GraphQL EntityType value of a label: RegionalBloc is REGIONAL_BLOC. */
export function entityTypeEnum(label: EntityType): string {
  return ENUM_BY_LABEL.get(label)!;
}

const LABEL_BY_ENUM = new Map(ENTITY_TYPES.map((label) => [entityTypeEnum(label), label]));

/** The label of a GraphQL EntityType value; the model's labels are the allow-list. */
export function labelOfEnum(value: string): EntityType {
  const label = LABEL_BY_ENUM.get(value);
  if (!label) throw new Error(`Unknown EntityType ${value}`);
  return label;
}

/**
 * Builds an EntityRecord from a node's labels and properties as returned by Cypher: the properties object itself,
 * given its label and itself as `props`. graphql-jit then reads a stored property's field directly, where a resolver
 * per field (a call for each of thousands of fields in a large answer) took most of the execution time; copying the
 * properties onto a new object instead (tried) cost twice as much again.
 */
export function toEntity(labels: string[], props: Record<string, unknown>): EntityRecord {
  const record = props as EntityRecord;
  record.label = labels.find((l): l is EntityType => isEntityType(l)) ?? ENTITY_TYPES[0];
  record.props = record as unknown as EntityRecord['props'];
  return record;
}

/** What translate/projection.ts's relationshipProjection returns; `from`, `to` and `id` are left out when not needed. */
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
  // The properties object itself, as toEntity does (the model has no relationship property of these names).
  const record = row.props as RelationshipRecord;
  // Empty only when the query did not select the id (plan/keys.ts asks for seedKey when it does).
  record.id = row.id ?? '';
  record.type = row.type;
  record.fromId = row.from ?? known.from ?? '';
  record.toId = row.to ?? known.to ?? '';
  record.props = record;
  return record;
}

/** Builds a RelationshipRecord from relationshipParts's elements and its ends' ids. */
export function relationshipFromParts(
  type: string,
  id: string | null,
  props: Record<string, unknown>,
  ends: { from?: string; to?: string },
): RelationshipRecord {
  return toRelationship({ type, ...(id === null ? {} : { id }), props }, ends);
}

/** Pairs keys with the values a query listed for them (translate/projection.ts's propertyValues) into properties. */
export function propertiesOf(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) props[keys[i]!] = values[i];
  return props;
}
