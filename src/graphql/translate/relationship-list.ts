import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL, type EntityType } from '../../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES, type RelationshipDefinition, type RelationshipType } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { earliestDay, latestDay } from '../../model/partial-date';
import { asOfFilter, asOfParams } from '../../model/as-of';
import { propertyValues, relationshipParts, storedKeys } from './projection';

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
  /** Relationship properties to fetch (see plan/keys.ts); null for all of them. */
  keys: string[] | null;
  /** Properties of the other ends to fetch with them (see plan/keys.ts), or null when the query does not select them. */
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

/**
 * The elements of a RelationshipTuple that a spec fixes, by index: the direction when the field has one, the type when
 * it follows one, no id or properties when none are selected, the other end's label when the model allows only one
 * there, nothing of the other end when it is not selected. A statement leaves them out of its rows (the driver decodes
 * and the database reads less: a quarter of the nested query's database hits), and expandTuple puts them back.
 */
export function fixedTupleParts(spec: RelationshipSpec): ReadonlyMap<number, unknown> {
  const fixed = new Map<number, unknown>();
  if (spec.direction !== 'BOTH') fixed.set(0, spec.direction === 'OUTGOING');
  if (spec.types?.length === 1) fixed.set(2, spec.types[0]);
  if (spec.keys && !spec.keys.includes('seedKey')) fixed.set(3, null);
  if (spec.keys && storedKeys(spec.keys).length === 0) fixed.set(4, []);
  if (!spec.endKeys) {
    fixed.set(5, null);
    fixed.set(6, null);
  } else {
    const label = otherEndLabel(spec);
    if (label) fixed.set(5, [label]);
  }
  return fixed;
}

/** The one label the other end of a spec's relationships can have, by the field or the model; null when several. */
function otherEndLabel(spec: RelationshipSpec): EntityType | null {
  if (spec.endLabel) return spec.endLabel;
  if (!spec.types) return null;
  const sides = spec.direction === 'OUTGOING' ? (['to'] as const) : spec.direction === 'INCOMING' ? (['from'] as const) : (['from', 'to'] as const);
  const labels = new Set(spec.types.flatMap((type) => sides.flatMap((side) => (RELATIONSHIP_TYPES[type] as RelationshipDefinition)[side])));
  return labels.size === 1 ? [...labels][0]! : null;
}

/** A whole RelationshipTuple from a row that carries only the parts `fixed` leaves out; what follows them comes back as `rest`. */
export function expandTuple(fixed: ReadonlyMap<number, unknown>, row: readonly unknown[]): { tuple: RelationshipTuple; rest: unknown[] } {
  const tuple: unknown[] = [];
  let read = 0;
  for (let i = 0; i < TUPLE_LENGTH; i++) tuple.push(fixed.has(i) ? fixed.get(i) : row[read++]);
  return { tuple: tuple as RelationshipTuple, rest: row.slice(read) };
}

const TUPLE_LENGTH = 7;

/** One row per entity of relationshipList: a page of relationships (one more than asked when more follow, each holding the parts fixedTupleParts leaves out), and the total. */
export interface RelationshipListRow {
  id: string;
  rels: unknown[][];
  total: number | null;
}

/** The filter predicate on relationship `r` for the filters given (each a parameter named with `p`; property names are the model's). */
function filterPredicate(filters: RelationshipFilters, r = 'r', p = ''): string {
  const parts: string[] = [];
  for (const key of ['role', 'kind', 'title'] as const) if (filters[key] !== null) parts.push(`${r}.${key} = $${p}${key}`);
  if (filters.inferred !== null) parts.push(`coalesce(${r}.inferred, false) = $${p}inferred`);
  if (filters.document !== null) parts.push(`$${p}document IN ${r}.evidenceDocs`);
  if (filters.from !== null) parts.push(`coalesce(${r}.validToDay, ${r}.validFromDay) >= $${p}fromDay`);
  if (filters.to !== null) parts.push(`coalesce(${r}.validFromDay, ${r}.validToDay) <= $${p}toDay`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/** The parameters of one page's spec, each name prefixed with `p`. */
function pageParams(spec: RelationshipSpec, p = ''): Record<string, unknown> {
  const filters = spec.filters;
  const params: Record<string, unknown> = {
    skip: int(spec.skip),
    first: int(spec.first),
    ...(spec.asOf ? asOfParams(spec.asOf) : {}),
    ...Object.fromEntries((['role', 'kind', 'title', 'inferred', 'document'] as const).filter((k) => filters[k] !== null).map((k) => [k, filters[k]])),
    ...(filters.from !== null ? { fromDay: earliestDay(filters.from) } : {}),
    ...(filters.to !== null ? { toDay: latestDay(filters.to) } : {}),
  };
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [p + key, value]));
}

/**
 * The variable and parameter names of one page in a statement: `n` the entity whose relationships are listed, `r` and
 * `m` each relationship and its other end; a statement holding several pages gives each its own suffix.
 */
export interface PageNames {
  n: string;
  r: string;
  m: string;
  mId: string;
  mName: string;
  /** The prefix of the page's parameters. */
  p: string;
}

/** The names of a statement of one page. */
const SINGLE_PAGE: PageNames = { n: 'n', r: 'r', m: 'm', mId: 'mId', mName: 'mName', p: '' };

/** The Cypher pieces of one page: the MATCH up to its ORDER BY, SKIP and LIMIT, the tuple of each row, the count. */
export interface PageCypher {
  /** Rows `r`, `m`, `mId`, `mName` of the page in order, one more than asked when more follow. */
  rows: string;
  /** The parts of a row's RelationshipTuple that the spec does not fix (fixedTupleParts), as expressions. */
  tuple: string[];
  /** The count of every match, as an expression. */
  count: string;
  params: Record<string, unknown>;
}

/**
 * One page of the relationships of the entity bound to `v.n` that `spec` asks for: by default relationships are sorted by
 * type, then by their stated order or rank where the model has one, then by the other end's name and id, which are read
 * once for both the sorting and the answer.
 */
export function pageCypher(spec: RelationshipSpec, v: PageNames = SINGLE_PAGE): PageCypher {
  const { n, r, m, mId, mName, p } = v;
  const types = spec.types && spec.types.length > 0 ? `:${typeAlternatives(spec.types)}` : '';
  const end = spec.endLabel ? `(${m}:${label(spec.endLabel)})` : `(${m})`;
  const pattern =
    spec.direction === 'OUTGOING'
      ? `(${n})-[${r}${types}]->${end}`
      : spec.direction === 'INCOMING'
        ? `(${n})<-[${r}${types}]-${end}`
        : `(${n})-[${r}${types}]-${end}`;
  const definitions = (spec.types ?? RELATIONSHIP_TYPE_NAMES).map((type) => RELATIONSHIP_TYPES[type] as RelationshipDefinition);
  const ranked = ['order', 'rank'].filter((key) => definitions.some((d) => d.properties && key in d.properties));
  const modelOrder = [
    ...(definitions.length > 1 ? [`type(${r})`] : []),
    ...(ranked.length > 0 ? [`coalesce(${ranked.map((key) => `${r}.${key}`).join(', ')}, 0)`] : []),
  ];
  // Ties always end on the other end's name and id, then the relationship's own key, so that pages never overlap.
  const leading =
    spec.orderBy === 'NAME'
      ? []
      : spec.orderBy === 'DATE'
        ? [`coalesce(${r}.validFromDay, ${r}.validToDay, '9999-12-31')`]
        : spec.orderBy === 'DATE_DESC'
          ? [`coalesce(${r}.validFromDay, ${r}.validToDay, '0000-01-01') DESC`]
          : modelOrder;
  const singleType = spec.types?.length === 1;
  const sortKeys = [...leading, mName, mId, ...(singleType ? [] : [`type(${r})`]), `coalesce(${r}.seedKey, elementId(${r}))`];
  // The other end's values in the order of spec.endKeys; its id and name were read for the order already.
  const other = spec.endKeys ? [`labels(${m})`, propertyValues(m, spec.endKeys, { id: mId, name: mName })] : ['null', 'null'];
  const fixed = fixedTupleParts(spec);
  const where = `${asOfFilter(r, spec.asOf, p)} AND ${filterPredicate(spec.filters, r, p)}`;
  return {
    rows:
      `MATCH ${pattern} WHERE ${where} ` +
      `WITH ${r}, ${m}, ${m}.id AS ${mId}, ${m}.name AS ${mName} ORDER BY ${sortKeys.join(', ')} SKIP $${p}skip LIMIT $${p}first + 1`,
    tuple: [`startNode(${r}) = ${n}`, mId, ...relationshipParts(r, spec.keys), ...other].filter((_, i) => !fixed.has(i)),
    count: `COUNT { MATCH ${pattern} WHERE ${where} }`,
    params: pageParams(spec, p),
  };
}

/**
 * The relationships of the entities `ids` that one spec asks for: one row per entity, one page of its relationships as a
 * list of tuples (the driver decodes a list of small lists several times faster than as many rows of maps), one more
 * than asked when more follow, and the count of all matches when asked (see pageCypher for the order).
 */
export function relationshipList(spec: RelationshipSpec, ids: readonly string[]): CypherQuery {
  const page = pageCypher(spec);
  return {
    cypher:
      `UNWIND $ids AS id MATCH (n:${label(ENTITY_LABEL)} {id: id}) ` +
      `CALL (n) { ${page.rows} RETURN collect([${page.tuple.join(', ')}]) AS rels } ` +
      `RETURN id, rels, ${spec.count ? page.count : 'null'} AS total`,
    params: { ids: [...ids], ...page.params },
  };
}
