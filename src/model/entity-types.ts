/**
 * The kinds of node in the graph. Each kind is a Neo4j label; every seed node also carries the label `Entity`.
 * This table is the allow-list: no other label is ever written into a Cypher query.
 */
export const ENTITY_TYPES = [
  'Organization',
  'Person',
  'Country',
  'RegionalBloc',
  'Place',
  'EventSeries',
  'Event',
  'Initiative',
  'Programme',
  'Goal',
  'Theme',
  'Figure',
  'Document',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** The label every seed-managed node carries, with a unique `id`. */
export const ENTITY_LABEL = 'Entity';

/** Kinds whose `kind` property is restricted, with what each value means. */
export const ENTITY_KINDS = {
  Organization: [
    'intergovernmental', // UNESCO, ITU, World Bank
    'company', // Huawei, Microsoft
    'university', // Harvard University
    'foundation', // ProFuturo Foundation
    'research_centre', // ICHEI (a UNESCO category 2 centre)
    'government_body', // a ministry of education
    'media', // a news site publishing a source document
    'network', // an alliance or coalition of institutions
    'other',
  ],
  Place: ['city', 'venue', 'region', 'country_group'],
  Event: ['edition', 'conference', 'symposium', 'strategic_lab', 'policy_forum', 'workshop', 'exhibition'],
  Programme: ['pilot', 'plan', 'alliance', 'demonstration_zone', 'programme'],
  Goal: ['action_goal', 'sdg', 'mission', 'target'],
  Theme: ['theme', 'sub_theme', 'hot_topic', 'cooperation_area', 'challenge', 'field'],
} as const satisfies Partial<Record<EntityType, readonly string[]>>;

/** Entity kinds searched by the full-text index over names and aliases. */
export const SEARCHABLE_TYPES = ENTITY_TYPES.filter((type) => type !== 'Figure');

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** Whether a string is one of the allow-listed entity labels. */
export function isEntityType(value: string): value is EntityType {
  return ENTITY_TYPE_SET.has(value);
}
