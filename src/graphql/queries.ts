import { distance } from 'fastest-levenshtein';
import { int } from 'neo4j-driver';
import type { Database } from '../db/database';
import { NAME_INDEX } from '../db/graph-schema';
import { normalizeName } from '../model/entity-resolution';
import { ENTITY_LABEL, ENTITY_TYPES, type EntityType } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model/relationship-types';
import { asOfFilter, dayRange } from './args';
import type { Loaders } from './loaders';
import { mergeKeys } from './selection';
import { NODE_PROJECTION, REL_PARTS, REL_PROJECTION, relationshipFromParts, toEntity, toRelationship, type EntityRecord, type RelationshipRecord } from './records';

type NodeRow = { labels: string[]; props: Record<string, unknown> };
type RelRow = Parameters<typeof toRelationship>[0];

/** Relationship types that describe where something is, for the `country` filter. */
const GEOGRAPHIC: RelationshipType[] = ['LOCATED_IN', 'HELD_IN', 'IMPLEMENTED_IN', 'PART_OF', 'MEMBER_OF'];
/** Relationship types that mean an actor was at an event. */
const ATTENDANCE: RelationshipType[] = ['PARTICIPATED_IN', 'SPOKE_AT'];
/** Left out of paths and neighbourhoods unless asked for: every entity is one hop from its documents. */
export const BOOKKEEPING: RelationshipType[] = ['MENTIONS', 'HAS_FIGURE'];

/** An EntityRecord from a query's row; complete ones (fetched without `keys`) also prime the entity loader. */
function entityOf(loaders: Loaders, node: NodeRow, keys: string[] | null = null): EntityRecord {
  const record = toEntity(node.labels, node.props);
  if (!keys) loaders.entity.prime(record.props.id, record);
  return record;
}

export interface EntityPage {
  items: EntityRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Entities by type, country and name, sorted by name then id, with a keyset cursor. */
export async function listEntities(
  db: Database,
  loaders: Loaders,
  args: { label: EntityType | null; country: string | null; name: string | null; first: number; after: { name: string; id: string } | null },
): Promise<EntityPage> {
  const label = args.label ?? ENTITY_LABEL;
  const where =
    `($name IS NULL OR n.searchKey CONTAINS $name) AND ($country IS NULL OR n.id = $country OR ` +
    `EXISTS { MATCH (n)-[:${GEOGRAPHIC.join('|')}*1..3]->(c:${ENTITY_LABEL} {id: $country}) })`;
  const params = { name: args.name ? normalizeName(args.name) : null, country: args.country };
  const [rows, [count]] = await Promise.all([
    db.read<{ node: NodeRow }>(
      `MATCH (n:${label}) WHERE ${where} AND ($afterName IS NULL OR n.name > $afterName OR (n.name = $afterName AND n.id > $afterId)) ` +
        `RETURN ${NODE_PROJECTION('n')} AS node ORDER BY n.name, n.id LIMIT $limit`,
      { ...params, afterName: args.after?.name ?? null, afterId: args.after?.id ?? null, limit: int(args.first + 1) },
    ),
    db.read<{ total: number }>(`MATCH (n:${label}) WHERE ${where} RETURN count(n) AS total`, params),
  ]);
  return {
    items: rows.slice(0, args.first).map((row) => entityOf(loaders, row.node)),
    hasNextPage: rows.length > args.first,
    totalCount: count!.total,
  };
}

/** Turns free text into a Lucene query: every word must match, exactly, as a prefix, or within one edit. */
export function luceneQuery(text: string, combine: 'AND' | 'OR'): string | null {
  const words = normalizeName(text).split(' ').filter(Boolean).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => (w.length >= 4 ? `(${w}^3 OR ${w}*^2 OR ${w}~1)` : `(${w}^3 OR ${w}*)`)).join(` ${combine} `);
}

/** Full-text search over names and aliases; falls back from all-words to any-word when nothing matches. */
export async function search(
  db: Database,
  loaders: Loaders,
  args: { text: string; labels: EntityType[] | null; first: number; keys: string[] },
): Promise<{ entity: EntityRecord; score: number }[]> {
  // Re-ranking reads every spelling, whatever the query selected.
  const keys = mergeKeys(args.keys, ['name', 'aliases']);
  for (const combine of ['AND', 'OR'] as const) {
    const query = luceneQuery(args.text, combine);
    if (!query) return [];
    // Sorted and cut before the projection, so that only the kept hits' properties and labels are read.
    const rows = await db.read<{ node: NodeRow; score: number }>(
      `CALL db.index.fulltext.queryNodes('${NAME_INDEX}', $query) YIELD node, score ` +
        'WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels) ' +
        'WITH node AS hit, score ORDER BY score DESC, hit.name LIMIT $first ' +
        `RETURN ${NODE_PROJECTION('hit', keys)} AS node, score ORDER BY score DESC, hit.name`,
      { query, labels: args.labels, first: int(args.first) },
    );
    if (rows.length > 0 || combine === 'OR') {
      const wanted = normalizeName(args.text);
      return rows
        .map((row) => ({ entity: entityOf(loaders, row.node, keys), score: row.score, closeness: closeness(wanted, row.node.props) }))
        .sort((a, b) => b.closeness - a.closeness || b.score - a.score)
        .map(({ entity, score }) => ({ entity, score }));
    }
  }
  return [];
}

/**
 * How close the query is to the entity's best-matching spelling, in tenths (1 = identical), so that "unesko" ranks
 * UNESCO above "UNESCO Headquarters" although Lucene scores the longer name higher.
 */
function closeness(wanted: string, props: Record<string, unknown>): number {
  const spellings = [props.name, ...((props.aliases as unknown[] | undefined) ?? [])].filter((s): s is string => typeof s === 'string');
  let best = 0;
  for (const spelling of spellings) {
    const candidate = normalizeName(spelling);
    const similarity = 1 - distance(wanted, candidate) / Math.max(wanted.length, candidate.length, 1);
    best = Math.max(best, similarity);
  }
  return Math.round(best * 10) / 10;
}

/** Whether an entity exists, for queries that must tell "unknown id" from "no results". */
async function exists(db: Database, id: string): Promise<boolean> {
  const [row] = await db.read<{ found: boolean }>(`RETURN EXISTS { (:${ENTITY_LABEL} {id: $id}) } AS found`, { id });
  return row!.found;
}

/** An attendance as partnersAttendance's query returns it (see REL_PARTS). */
type AttendanceTuple = [type: string, id: string | null, props: Record<string, unknown>, eventId: string, eventLabels: string[] | null, eventProps: Record<string, unknown> | null];

export interface PartnerAttendance {
  partner: EntityRecord;
  partnership: RelationshipRecord;
  attendances: RelationshipRecord[];
}

/** What a partnersAttendance query selects: stored properties per part, and whether the events are wanted. */
export interface PartnersAttendanceSelection {
  partner: string[];
  partnership: string[];
  attendance: string[];
  /** The events' properties, or null when the query does not select them. */
  event: string[] | null;
}

/**
 * An actor's partners and the events each attended, in one query that fetches only the selected properties; null
 * when the actor does not exist.
 */
export async function partnersAttendance(
  db: Database,
  actorId: string,
  asOf: string | null,
  selection: PartnersAttendanceSelection,
): Promise<PartnerAttendance[] | null> {
  // Attendances are sorted by date, so that property is fetched whatever was selected.
  const attendanceKeys = mergeKeys(selection.attendance, ['validFromDay']);
  const event = selection.event ? ['labels(e)', `e {${selection.event.map((k) => `.${k}`).join(', ')}}`] : ['null', 'null'];
  // One row per partner rather than one row holding every partner (the driver decodes a very large record slowly), and
  // each attendance as a list of [type, id, properties, event's id, labels, properties] rather than as maps.
  const rows = await db.read<{ found: boolean; partner: NodeRow | null; partnership: RelRow; attendances: AttendanceTuple[] }>(
    `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $id}) ` +
      `OPTIONAL MATCH (a)-[p:PARTNER_OF]-(partner) WHERE ${asOfFilter('p', asOf)} ` +
      // The model allows partnerships between organizations only.
      `RETURN a IS NOT NULL AS found, CASE WHEN partner IS NULL THEN null ELSE ${NODE_PROJECTION('partner', selection.partner, 'Organization')} END AS partner, ` +
      `CASE WHEN p IS NULL THEN null ELSE ${REL_PROJECTION('p', selection.partnership)} END AS partnership, ` +
      `[(partner)-[att:${ATTENDANCE.join('|')}]->(e) WHERE ${asOfFilter('att', asOf)} | ` +
      `[${[...REL_PARTS('att', attendanceKeys), 'e.id', ...event].join(', ')}]] AS attendances`,
    { id: actorId, ...dayRange(asOf) },
  );
  if (!rows[0]!.found) return null;
  return rows
    .filter((row): row is typeof row & { partner: NodeRow } => row.partner !== null)
    .map((p) => ({
      partner: toEntity(p.partner.labels, p.partner.props),
      partnership: toRelationship(p.partnership),
      attendances: p.attendances
        .map(([type, id, props, eventId, eventLabels, eventProps]) => {
          const record = relationshipFromParts(type, id, props, { from: p.partner.props.id as string, to: eventId });
          if (eventProps) record.ends = { to: toEntity(eventLabels ?? [], eventProps) };
          return record;
        })
        .sort((x, y) => String(x.props.validFromDay ?? '').localeCompare(String(y.props.validFromDay ?? '')) || x.toId.localeCompare(y.toId)),
    }))
    .sort((x, y) => String(x.partner.props.name).localeCompare(String(y.partner.props.name)));
}

export interface CoParticipation {
  actor: EntityRecord;
  sharedEventCount: number;
  events: EntityRecord[];
}

/**
 * Actors that attended the same events as an actor; sub-events count towards the event they belong to. `keys` are
 * the properties to fetch of the actors and of the events.
 */
export async function coParticipants(
  db: Database,
  loaders: Loaders,
  actorId: string,
  first: number,
  keys: { actor: string[]; event: string[] },
): Promise<CoParticipation[] | null> {
  const rows = await db.read<{ found: boolean; actor: NodeRow | null; shared: number; events: NodeRow[] }>(
    `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $id}) ` +
      'OPTIONAL CALL (a) { ' +
      `MATCH (a)-[:${ATTENDANCE.join('|')}]->(e:Event) ` +
      'MATCH (e)-[:PART_OF*0..3]->(root:Event) WHERE NOT (root)-[:PART_OF]->(:Event) ' +
      'WITH a, collect(DISTINCT root) AS roots UNWIND roots AS root ' +
      `MATCH (root)<-[:PART_OF*0..3]-(e2:Event)<-[:${ATTENDANCE.join('|')}]-(other) WHERE other <> a ` +
      'WITH other, collect(DISTINCT root) AS events ' +
      'RETURN other, events ORDER BY size(events) DESC, other.name LIMIT $first } ' +
      `RETURN a IS NOT NULL AS found, CASE WHEN other IS NULL THEN null ELSE ${NODE_PROJECTION('other', keys.actor)} END AS actor, ` +
      `size(events) AS shared, [e IN events | ${NODE_PROJECTION('e', keys.event, 'Event')}] AS events`,
    { id: actorId, first: int(first) },
  );
  if (!rows[0]!.found) return null;
  return rows
    .filter((r): r is typeof r & { actor: NodeRow } => r.actor !== null)
    .map((r) => ({
      actor: entityOf(loaders, r.actor, keys.actor),
      sharedEventCount: r.shared,
      events: r.events.map((e) => entityOf(loaders, e, keys.event)),
    }));
}

export interface ConnectionPath {
  nodes: EntityRecord[];
  hops: { from: EntityRecord; to: EntityRecord; relationship: RelationshipRecord }[];
}

/** Shortest paths between two entities over the allowed relationship types, up to maxHops (a validated integer). */
export async function connections(
  db: Database,
  loaders: Loaders,
  args: { fromId: string; toId: string; maxHops: number; first: number; via: RelationshipType[] | null; nodeKeys: string[]; relationshipKeys: string[] },
): Promise<ConnectionPath[] | { missing: string }> {
  const types = args.via ?? RELATIONSHIP_TYPE_NAMES.filter((t) => !BOOKKEEPING.includes(t));
  const hops = Math.trunc(args.maxHops);
  const rows = await db.read<{ fromFound: boolean; toFound: boolean; paths: { nodes: NodeRow[]; rels: RelRow[] }[] }>(
    `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from}) OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to}) ` +
      `CALL (a, b) { MATCH p = allShortestPaths((a)-[:${types.join('|')}*..${hops}]-(b)) WHERE a IS NOT NULL AND b IS NOT NULL ` +
      `RETURN p LIMIT $first } ` +
      `RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, ` +
      `collect({nodes: [n IN nodes(p) | ${NODE_PROJECTION('n', args.nodeKeys)}], rels: [r IN relationships(p) | ${REL_PROJECTION('r', args.relationshipKeys)}]}) AS paths`,
    { from: args.fromId, to: args.toId, first: int(args.first) },
  );
  const row = rows[0];
  if (!row) {
    const [a, b] = await Promise.all([exists(db, args.fromId), exists(db, args.toId)]);
    if (!a) return { missing: args.fromId };
    if (!b) return { missing: args.toId };
    return [];
  }
  if (!row.fromFound) return { missing: args.fromId };
  if (!row.toFound) return { missing: args.toId };
  return row.paths.map((path) => {
    const nodes = path.nodes.map((n) => entityOf(loaders, n, args.nodeKeys));
    const byId = new Map(nodes.map((n) => [n.props.id, n]));
    return {
      nodes,
      hops: path.rels.map((rel, i) => {
        const relationship = toRelationship(rel);
        relationship.ends = { from: byId.get(relationship.fromId), to: byId.get(relationship.toId) };
        return { from: nodes[i]!, to: nodes[i + 1]!, relationship };
      }),
    };
  });
}

export interface Neighbourhood {
  centre: EntityRecord;
  nodes: { entity: EntityRecord; distance: number }[];
  edges: RelationshipRecord[];
  truncated: boolean;
}

/**
 * The entities within `depth` hops (at most 3), expanded level by level so that the work grows with the number of
 * nodes rather than the number of paths, and cut at `limit` nodes.
 */
export async function neighbourhood(
  db: Database,
  loaders: Loaders,
  args: { id: string; depth: number; types: RelationshipType[] | null; limit: number; centreKeys: string[]; edgeKeys: string[] },
): Promise<Neighbourhood | null> {
  const types = (args.types ?? RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'MENTIONS')).join('|');
  let levels = '';
  for (let level = 1; level <= Math.trunc(args.depth); level++) {
    levels +=
      `CALL (frontier, seen) { UNWIND frontier AS f MATCH (f)-[:${types}]-(x) WHERE NOT x IN seen ` +
      `WITH DISTINCT x LIMIT $limit RETURN collect(x) AS next } ` +
      `WITH c, seen + next AS seen, next AS frontier, levels + [next] AS levels `;
  }
  const rows = await db.read<{ centre: NodeRow; levels: NodeRow[][]; truncated: boolean; edges: RelRow[] }>(
    `MATCH (c:${ENTITY_LABEL} {id: $id}) WITH c, [c] AS frontier, [c] AS seen, [] AS levels ` +
      levels +
      'WITH c, levels, seen[0..$limit + 1] AS kept, size(seen) > $limit + 1 AS truncated ' +
      `CALL (kept) { UNWIND kept AS x MATCH (x)-[r:${types}]->(y) WHERE y IN kept WITH collect(DISTINCT r) AS rels RETURN [r IN rels | ${REL_PROJECTION('r', args.edgeKeys)}] AS edges } ` +
      // Graph nodes show only an id, a type and a name.
      `RETURN ${NODE_PROJECTION('c', args.centreKeys)} AS centre, [l IN levels | [x IN l WHERE x IN kept | ${NODE_PROJECTION('x', ['id', 'name'])}]] AS levels, truncated, edges`,
    { id: args.id, limit: int(args.limit) },
  );
  const row = rows[0];
  if (!row) return null;
  const centre = entityOf(loaders, row.centre, args.centreKeys);
  return {
    centre,
    nodes: [{ entity: centre, distance: 0 }, ...row.levels.flatMap((level, i) => level.map((n) => ({ entity: toEntity(n.labels, n.props), distance: i + 1 })))],
    edges: row.edges.map((edge) => toRelationship(edge)),
    truncated: row.truncated,
  };
}

/** An entity's dated relationships in time order, overlapping from..to when given; null when it does not exist. */
export async function timeline(
  db: Database,
  loaders: Loaders,
  args: { id: string; from: string | null; to: string | null },
): Promise<RelationshipRecord[] | null> {
  const rows = await db.read<{ found: boolean; rels: { rel: RelRow; other: NodeRow }[] }>(
    `OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $id}) ` +
      'RETURN a IS NOT NULL AS found, [(a)-[r]-(m) WHERE (r.validFromDay IS NOT NULL OR r.validToDay IS NOT NULL) ' +
      'AND ($from IS NULL OR coalesce(r.validToDay, r.validFromDay) >= $from) AND ($to IS NULL OR coalesce(r.validFromDay, r.validToDay) <= $to) ' +
      `| {rel: ${REL_PROJECTION('r')}, other: ${NODE_PROJECTION('m')}}] AS rels`,
    { id: args.id, from: args.from ? dayRange(args.from).asOfStart : null, to: args.to ? dayRange(args.to).asOfEnd : null },
  );
  const row = rows[0]!;
  if (!row.found) return null;
  return row.rels
    .map(({ rel, other }) => {
      entityOf(loaders, other);
      return toRelationship(rel);
    })
    .sort((x, y) => {
      const dx = String(x.props.validFromDay ?? x.props.validToDay);
      const dy = String(y.props.validFromDay ?? y.props.validToDay);
      return dx.localeCompare(dy) || x.type.localeCompare(y.type) || x.id.localeCompare(y.id);
    });
}

export interface Statistics {
  nodes: number;
  relationships: number;
  nodesByType: { name: string; count: number }[];
  relationshipsByType: { name: string; count: number }[];
  documents: number;
  inferredRelationships: number;
}

/** Counts per label and relationship type, read from Neo4j's count store (labels and types come from the model). */
export async function statistics(db: Database): Promise<Statistics> {
  const byLabel = ENTITY_TYPES.map((label) => `{name: '${label}', count: COUNT { (:${label}) }}`).join(', ');
  const byType = RELATIONSHIP_TYPE_NAMES.map((type) => `{name: '${type}', count: COUNT { ()-[:${type}]->() }}`).join(', ');
  const [row] = await db.read<Statistics>(
    `RETURN COUNT { (:${ENTITY_LABEL}) } AS nodes, COUNT { ()-[]->() } AS relationships, ` +
      'COUNT { (:Document) } AS documents, COUNT { ()-[r]->() WHERE r.inferred = true } AS inferredRelationships, ' +
      `[c IN [${byLabel}] WHERE c.count > 0] AS nodesByType, [c IN [${byType}] WHERE c.count > 0] AS relationshipsByType`,
  );
  const byCount = (a: { name: string; count: number }, b: { name: string; count: number }) => b.count - a.count || a.name.localeCompare(b.name);
  return { ...row!, nodesByType: [...row!.nodesByType].sort(byCount), relationshipsByType: [...row!.relationshipsByType].sort(byCount) };
}
