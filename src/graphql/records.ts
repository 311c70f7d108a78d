import { ENTITY_TYPES, isEntityType, type EntityType } from '../model/entity-types';
import { isRelationshipType, type RelationshipType } from '../model/relationship-types';

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

/** The GraphQL EntityType value of a label: RegionalBloc is REGIONAL_BLOC. */
export function entityTypeEnum(label: EntityType): string {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

const LABEL_BY_ENUM = new Map(ENTITY_TYPES.map((label) => [entityTypeEnum(label), label]));

/** The label of a GraphQL EntityType value; the model's labels are the allow-list. */
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
  return {
    // Empty only when the query did not select the id (selection.ts asks for seedKey when it does).
    id: row.id ?? '',
    type: row.type,
    fromId: row.from ?? known.from ?? '',
    toId: row.to ?? known.to ?? '',
    props: row.props,
  };
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
