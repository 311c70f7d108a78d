import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL, type EntityType } from '../../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES, type RelationshipDefinition, type RelationshipType } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { earliestDay, latestDay } from '../../model/partial-date';
import { asOfFilter, asOfParams } from '../../model/as-of';
import { propertyValues, relationshipParts } from './projection';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** The order of a relationship list: the model's (type, stated order or rank, other end's name), by name, or by date. */
export type RelationshipOrder = 'DEFAULT' | 'NAME' | 'DATE' | 'DATE_DESC';

/** Filters on the relationships of a list; null leaves a filter out. */
export interface RelationshipFilters {
  role: string | null;
  kind: string | null;
  title: string | null;
  inferred: boolean | null;
  /** Only facts with evidence from this document. */
  document: string | null;
  /** Only facts whose validity overlaps from..to (partial dates; undated facts are left out when either is given). */
  from: string | null;
  to: string | null;
}

/** No filter at all. */
export const NO_FILTERS: RelationshipFilters = { role: null, kind: null, title: null, inferred: null, document: null, from: null, to: null };

/** Which relationships of an entity a field asks for, and what of them to return. */
export interface RelationshipSpec {
  types: RelationshipType[] | null;
  direction: Direction;
  asOf: string | null;
  filters: RelationshipFilters;
  orderBy: RelationshipOrder;
  /** How many to skip (a page's offset) and return; one more is read to tell whether more follow. */
  skip: number;
  first: number;
  /** Whether to count every match (a connection's totalCount was selected). */
  count: boolean;
  /** Relationship properties to fetch (see selection.ts); null for all of them. */
  keys: string[] | null;
  /** Properties of the other ends to fetch with them (see selection.ts), or null when the query does not select them. */
  endKeys: string[] | null;
  /** Only relationships whose other end has this label (a field typed narrower than the model's relationship type). */
  endLabel?: EntityType;
}

/** A relationship as relationshipList returns it: direction, other end's id, type, id, properties, other end. */
export type RelationshipTuple = [
  outgoing: boolean,
  otherId: string,
  type: string,
  id: string | null,
  /** The values of storedKeys(spec.keys) in that order (all properties as a map when spec.keys is null). */
  props: unknown[] | Record<string, unknown>,
  otherLabels: string[] | null,
  /** The values of spec.endKeys, in that order. */
  otherValues: unknown[] | null,
];

/** One row per entity of relationshipList: a page of relationships (one more than asked when more follow), and the total. */
export interface RelationshipListRow {
  id: string;
  rels: RelationshipTuple[];
  total: number | null;
}

/** The filter predicate on `r` for the filters given (each a parameter; property names are the model's). */
function filterPredicate(filters: RelationshipFilters): string {
  const parts: string[] = [];
  for (const key of ['role', 'kind', 'title'] as const) if (filters[key] !== null) parts.push(`r.${key} = $${key}`);
  if (filters.inferred !== null) parts.push('coalesce(r.inferred, false) = $inferred');
  if (filters.document !== null) parts.push('$document IN r.evidenceDocs');
  if (filters.from !== null) parts.push('coalesce(r.validToDay, r.validFromDay) >= $fromDay');
  if (filters.to !== null) parts.push('coalesce(r.validFromDay, r.validToDay) <= $toDay');
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

function filterParams(filters: RelationshipFilters): Record<string, unknown> {
  return {
    ...Object.fromEntries((['role', 'kind', 'title', 'inferred', 'document'] as const).filter((k) => filters[k] !== null).map((k) => [k, filters[k]])),
    ...(filters.from !== null ? { fromDay: earliestDay(filters.from) } : {}),
    ...(filters.to !== null ? { toDay: latestDay(filters.to) } : {}),
  };
}

/**
 * The relationships of the entities `ids` that one spec asks for: one row per entity, one page of its relationships as a
 * list of tuples (the driver decodes a list of small lists several times faster than as many rows of maps), one more
 * than asked when more follow, and the count of all matches when asked. By default relationships are sorted by type,
 * then by their stated order or rank where the model has one, then by the other end's name and id, which are read once
 * for both the sorting and the answer.
 */
export function relationshipList(spec: RelationshipSpec, ids: readonly string[]): CypherQuery {
  const types = spec.types && spec.types.length > 0 ? `:${typeAlternatives(spec.types)}` : '';
  const m = spec.endLabel ? `(m:${label(spec.endLabel)})` : '(m)';
  const pattern = spec.direction === 'OUTGOING' ? `(n)-[r${types}]->${m}` : spec.direction === 'INCOMING' ? `(n)<-[r${types}]-${m}` : `(n)-[r${types}]-${m}`;
  const definitions = (spec.types ?? RELATIONSHIP_TYPE_NAMES).map((type) => RELATIONSHIP_TYPES[type] as RelationshipDefinition);
  const ranked = ['order', 'rank'].filter((key) => definitions.some((d) => d.properties && key in d.properties));
  const modelOrder = [
    ...(definitions.length > 1 ? ['type(r)'] : []),
    ...(ranked.length > 0 ? [`coalesce(${ranked.map((key) => `r.${key}`).join(', ')}, 0)`] : []),
  ];
  // Ties always end on the other end's name and id, then the relationship's own key, so that pages never overlap.
  const leading =
    spec.orderBy === 'NAME'
      ? []
      : spec.orderBy === 'DATE'
        ? ["coalesce(r.validFromDay, r.validToDay, '9999-12-31')"]
        : spec.orderBy === 'DATE_DESC'
          ? ["coalesce(r.validFromDay, r.validToDay, '0000-01-01') DESC"]
          : modelOrder;
  const sortKeys = [...leading, 'mName', 'mId', 'type(r)', 'coalesce(r.seedKey, elementId(r))'];
  // The other end's values in the order of spec.endKeys; its id and name were read for the order already.
  const other = spec.endKeys ? ['labels(m)', propertyValues('m', spec.endKeys, { id: 'mId', name: 'mName' })] : ['null', 'null'];
  const tuple = ['startNode(r) = n', 'mId', ...relationshipParts('r', spec.keys), ...other];
  const where = `${asOfFilter('r', spec.asOf)} AND ${filterPredicate(spec.filters)}`;
  return {
    cypher:
      `UNWIND $ids AS id MATCH (n:${label(ENTITY_LABEL)} {id: id}) ` +
      `CALL (n) { MATCH ${pattern} WHERE ${where} ` +
      `WITH r, m, m.id AS mId, m.name AS mName ORDER BY ${sortKeys.join(', ')} SKIP $skip LIMIT $first + 1 RETURN collect([${tuple.join(', ')}]) AS rels } ` +
      (spec.count ? `RETURN id, rels, COUNT { MATCH ${pattern} WHERE ${where} } AS total` : 'RETURN id, rels, null AS total'),
    params: {
      ids: [...ids],
      skip: int(spec.skip),
      first: int(spec.first),
      ...(spec.asOf ? asOfParams(spec.asOf) : {}),
      ...filterParams(spec.filters),
    },
  };
}
