import type { EntityType } from '../model/entity-types';
import type { RelationshipType } from '../model/relationship-types';
import type { Direction } from './translate/relationship-list';

/**
 * One field of an Entity type that lists (or names) what the entity is connected to. Its resolver, the properties its
 * selection fetches and the check against the SDL are all derived from this declaration.
 */
export interface RelationshipField {
  /** The relationship types the field follows; absent when the client chooses them with the `types` argument. */
  types?: readonly RelationshipType[];
  /** Seen from the entity; absent when the client chooses it with the `direction` argument. */
  direction?: Direction;
  /**
   * What the field returns: the relationships themselves (a `RelationshipConnection!`, with filters and an order), the
   * entities at their other ends (a connection of the other end's type), or the one entity at the other end of a
   * relationship the entity has at most one of. Connections take `first` (PAGE) and `after`, and never cut silently.
   */
  returns: 'relationships' | 'ends' | 'end';
  /** The one type of other end the field returns, when the SDL types it narrower than the model's relationship type. */
  endLabel?: EntityType;
  /** Whether the field takes `asOf: PartialDate`. */
  asOf?: boolean;
}

/** How many items a list returns at most in one page (and counts when it has no size argument). */
export const LIST_CAP = 200;

/** A connection field's `first`: its default and maximum. */
export const PAGE = { default: 20, max: LIST_CAP } as const;

/** The filters of a Relationship connection, by argument name (each matches the stored property or list). */
export const RELATIONSHIP_FILTER_ARGUMENTS = ['role', 'kind', 'title', 'inferred', 'document', 'from', 'to', 'orderBy'] as const;

/** Fields every Entity type has (the Entity interface's). */
export const ENTITY_RELATIONSHIP_FIELDS = {
  relationships: { returns: 'relationships', asOf: true },
  figures: { types: ['HAS_FIGURE'], direction: 'OUTGOING', returns: 'ends' },
  mentionedIn: { types: ['MENTIONS'], direction: 'INCOMING', returns: 'ends' },
} as const satisfies Record<string, RelationshipField>;

/** Fields of one Entity type only; adding one here and its line to schema/api.graphql is all a new field needs. */
export const TYPE_RELATIONSHIP_FIELDS = {
  Organization: {
    partners: { types: ['PARTNER_OF'], direction: 'BOTH', returns: 'relationships', asOf: true },
    participations: { types: ['PARTICIPATED_IN'], direction: 'OUTGOING', returns: 'relationships', asOf: true },
  },
  Person: {
    posts: { types: ['HOLDS_POST'], direction: 'OUTGOING', returns: 'relationships', asOf: true },
    participations: { types: ['PARTICIPATED_IN'], direction: 'OUTGOING', returns: 'relationships', asOf: true },
  },
  EventSeries: {
    editions: { types: ['EDITION_OF'], direction: 'INCOMING', returns: 'ends' },
    organizers: { types: ['ORGANIZED'], direction: 'INCOMING', returns: 'relationships', asOf: true },
  },
  Event: {
    series: { types: ['EDITION_OF'], direction: 'OUTGOING', returns: 'end' },
    partOf: { types: ['PART_OF'], direction: 'OUTGOING', returns: 'end', endLabel: 'Event' },
    subEvents: { types: ['PART_OF'], direction: 'INCOMING', returns: 'ends', endLabel: 'Event' },
    precededBy: { types: ['PRECEDED_BY'], direction: 'OUTGOING', returns: 'ends' },
    heldIn: { types: ['HELD_IN'], direction: 'OUTGOING', returns: 'ends' },
    organizers: { types: ['ORGANIZED'], direction: 'INCOMING', returns: 'relationships', asOf: true },
    participants: { types: ['PARTICIPATED_IN'], direction: 'INCOMING', returns: 'relationships', asOf: true },
    speakers: { types: ['SPOKE_AT'], direction: 'INCOMING', returns: 'relationships', asOf: true },
    themes: { types: ['HAS_THEME'], direction: 'OUTGOING', returns: 'relationships' },
  },
  Initiative: {
    initiators: { types: ['INITIATED'], direction: 'INCOMING', returns: 'relationships', asOf: true },
    signatories: { types: ['SIGNED', 'JOINED'], direction: 'INCOMING', returns: 'relationships', asOf: true },
    goals: { types: ['AIMS_AT'], direction: 'OUTGOING', returns: 'relationships' },
    themes: { types: ['HAS_THEME'], direction: 'OUTGOING', returns: 'relationships' },
  },
  Figure: {
    subject: { types: ['HAS_FIGURE'], direction: 'INCOMING', returns: 'end' },
  },
  Document: {
    mentions: { types: ['MENTIONS'], direction: 'OUTGOING', returns: 'ends' },
  },
} as const satisfies Partial<Record<EntityType, Record<string, RelationshipField>>>;

/** The relationship fields of one Entity type: the interface's and its own. */
export function relationshipFieldsOf(type: EntityType): Record<string, RelationshipField> {
  return { ...ENTITY_RELATIONSHIP_FIELDS, ...((TYPE_RELATIONSHIP_FIELDS as Partial<Record<EntityType, Record<string, RelationshipField>>>)[type] ?? {}) };
}

/** Every relationship field name of any Entity type. */
export const RELATIONSHIP_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(ENTITY_RELATIONSHIP_FIELDS),
  ...Object.values(TYPE_RELATIONSHIP_FIELDS).flatMap((fields) => Object.keys(fields)),
]);
