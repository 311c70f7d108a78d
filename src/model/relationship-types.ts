import { ENTITY_TYPES, type EntityType } from './entity-types';

export interface RelationshipDefinition {
  /** What the relationship says, in one sentence, read from `from` to `to`. */
  meaning: string;
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** Properties a seed relationship of this type may carry; `required` ones must be present. */
  properties?: Readonly<Record<string, { required?: boolean; values?: readonly string[]; description: string }>>;
  /** Written by the loader from other seed data, never listed in the seed files. */
  derived?: boolean;
}

const ACTORS = ['Organization', 'Person', 'Country', 'RegionalBloc'] as const;
const PLACES = ['Place', 'Country', 'RegionalBloc'] as const;
const EVENTS = ['Event', 'EventSeries'] as const;
// Every kind but Figure, which only HAS_FIGURE reaches.
const ANY: readonly EntityType[] = ENTITY_TYPES.filter((type) => type !== 'Figure');

/**
 * The relationship types of the graph and which kinds they connect. This table is the allow-list for relationship
 * types in Cypher, and the loader rejects a seed relationship whose ends are of other kinds.
 */
export const RELATIONSHIP_TYPES = {
  PARTNER_OF: {
    meaning: 'is a partner of, of the stated kind',
    from: ['Organization'],
    to: ['Organization'],
    properties: { kind: { required: true, description: 'e.g. "global strategic partner"' } },
  },
  UNDER_AUSPICES_OF: {
    meaning: 'operates under the auspices of',
    from: ['Organization'],
    to: ['Organization'],
    properties: {
      designation: { description: 'e.g. "category 2 centre"' },
      specialization: { description: 'the field the designation covers' },
    },
  },
  AFFILIATED_WITH: {
    meaning: 'is affiliated with',
    from: ['Organization', 'Person'],
    to: ['Organization'],
    properties: { kind: { description: 'the kind of affiliation' } },
  },
  HOLDS_POST: {
    meaning: 'holds the titled post in',
    from: ['Person'],
    to: ['Organization'],
    properties: { title: { required: true, description: 'the post, e.g. "Director-General"' } },
  },
  ORGANIZED: {
    meaning: 'organized',
    from: ['Organization'],
    to: EVENTS,
    properties: { role: { description: 'e.g. "flagship organizer"' } },
  },
  PARTICIPATED_IN: {
    meaning: 'attended or took part in, in the stated role',
    from: ACTORS,
    to: ['Event', 'EventSeries', 'Initiative', 'Programme'],
    properties: {
      role: {
        required: true,
        values: ['participant', 'invited participant', 'partner delegation', 'representative', 'exhibitor', 'attendee'],
        description: 'how the actor took part',
      },
      with: { description: 'ids of the actors it took part together with, as the source says' },
    },
  },
  SPOKE_AT: {
    meaning: 'gave a speech or presentation at',
    from: ['Person', 'Organization'],
    to: EVENTS,
    properties: {
      format: { required: true, values: ['speech', 'presentation', 'panel'], description: 'the form of the talk' },
      topic: { description: 'what the talk was about' },
      reception: { description: 'how it was received, as the source says' },
    },
  },
  INITIATED: {
    meaning: 'initiated (jointly, where several did)',
    from: ['Organization', 'Country', 'Person'],
    to: ['Initiative', 'Programme'],
    properties: { jointly: { description: '"yes" when the source says the initiative was jointly initiated' } },
  },
  SIGNED: {
    meaning: 'signed (an instrument of)',
    from: ['Country', 'Organization'],
    to: ['Initiative'],
    properties: { instrument: { description: 'e.g. "memorandum of cooperation"' } },
  },
  JOINED: {
    meaning: 'joined',
    from: ['Country', 'Organization'],
    to: ['Initiative', 'Programme'],
  },
  PART_OF: {
    meaning: 'is part of',
    from: ['Event', 'Place', 'Programme', 'Organization', 'Goal'],
    to: ['Event', 'Place', 'Country', 'RegionalBloc', 'Initiative', 'Organization', 'Goal'],
  },
  EDITION_OF: {
    meaning: 'is the yearly edition of the recurring series',
    from: ['Event'],
    to: ['EventSeries'],
    properties: { year: { description: 'the edition year' } },
  },
  PRECEDED_BY: {
    meaning: 'was preceded by',
    from: ['Event'],
    to: ['Event'],
  },
  HELD_IN: {
    meaning: 'was held in',
    from: EVENTS,
    to: PLACES,
  },
  LOCATED_IN: {
    meaning: 'is located in',
    from: ['Place', 'Organization'],
    to: PLACES,
  },
  MEMBER_OF: {
    meaning: 'is a member of',
    from: ['Country', 'Organization'],
    to: ['RegionalBloc', 'Organization'],
  },
  HAS_THEME: {
    meaning: 'has the theme, topic, cooperation area or challenge',
    from: ['Event', 'EventSeries', 'Initiative', 'Programme', 'Organization', 'Document'],
    to: ['Theme'],
    properties: {
      role: {
        required: true,
        values: ['theme', 'sub-theme', 'topic', 'hot topic', 'cooperation area', 'challenge', 'focus'],
        description: 'how the theme relates',
      },
      order: { description: 'position in the source list, from 1' },
    },
  },
  AIMS_AT: {
    meaning: 'aims at the goal',
    from: ['Initiative', 'Event', 'Organization', 'Programme'],
    to: ['Goal'],
    properties: { order: { description: 'position in the source list, from 1' } },
  },
  FOCUSES_ON: {
    meaning: 'directs its work at (a region, group of countries or field)',
    from: ['Organization', 'Initiative', 'Programme', 'Goal'],
    to: [...PLACES, 'Theme'],
  },
  DISCUSSED: {
    meaning: 'was one of the countries mainly taking part in discussing the topic',
    from: ['Country', 'RegionalBloc'],
    to: ['Theme'],
    properties: { rank: { description: 'rank of the topic in the source table' } },
  },
  IMPLEMENTED_IN: {
    meaning: 'is carried out in',
    from: ['Programme'],
    to: PLACES,
  },
  CASE_OF: {
    meaning: 'is cited as a typical application case of',
    from: ['Programme'],
    to: ['Theme', 'Initiative'],
  },
  COMMENTED_ON: {
    meaning: 'made the quoted statement about',
    from: ['Person', 'Organization'],
    to: ['Initiative', 'Theme', 'Programme'],
    properties: { statement: { required: true, description: 'the statement, verbatim' } },
  },
  PLANS: {
    meaning: 'states that it will carry out',
    from: ['Organization', 'Country'],
    to: ['Programme', 'Goal'],
    properties: { action: { description: 'what it will do, as the source says' } },
  },
  FOLLOW_UP_OF: {
    meaning: 'will produce an output based on',
    from: ['Organization'],
    to: EVENTS,
    properties: { output: { required: true, description: 'the promised output' } },
  },
  PUBLISHED_BY: {
    meaning: 'was published by',
    from: ['Document'],
    to: ['Organization'],
  },
  CITES_DATA_FROM: {
    meaning: 'names as a data source',
    from: ['Document'],
    to: ['Organization'],
  },
  MENTIONS: {
    meaning: 'mentions (derived from the evidence of every fact)',
    from: ['Document'],
    to: ANY,
    derived: true,
  },
  HAS_FIGURE: {
    meaning: "has the stated figure (derived from each figure's subject)",
    from: ANY,
    to: ['Figure'],
    derived: true,
  },
} as const satisfies Record<string, RelationshipDefinition>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** Relationship types in the order the schema documents them. */
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** Whether a string is one of the allow-listed relationship types. */
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_TYPES, value);
}

/** The definition of an allow-listed relationship type. */
export function relationshipDefinition(type: RelationshipType): RelationshipDefinition {
  return RELATIONSHIP_TYPES[type];
}
