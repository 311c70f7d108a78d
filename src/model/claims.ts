import type { EntityType } from './entity-types';

/**
 * The properties of an entity another source may state otherwise: such a value is kept as a competing claim beside
 * the curated one (seed/claims.json), each with its quote, and never replaces it. Dates are partial dates.
 */
export const CLAIMABLE_PROPERTIES: Readonly<Partial<Record<EntityType, readonly string[]>>> = {
  Event: ['startDate', 'endDate', 'kind'],
  EventSeries: ['frequency'],
  Goal: ['deadline'],
  Initiative: ['status'],
  Organization: ['kind', 'acronym'],
  Person: ['honorific'],
};

/** The claimable properties that hold partial dates. */
export const DATE_PROPERTIES = new Set(['startDate', 'endDate', 'deadline']);

/** Where an entity node keeps its competing claims: parallel lists, one entry per claim, as its evidence. */
export const CLAIM_PROPERTIES = {
  properties: 'claimProperties',
  values: 'claimValues',
  docs: 'claimDocs',
  quotes: 'claimQuotes',
  positions: 'claimPositions',
  starts: 'claimStarts',
  ends: 'claimEnds',
} as const;
