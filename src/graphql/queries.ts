import { distance } from 'fastest-levenshtein';
import type { Database } from '../db/database';
import { normalizeName } from '../model/entity-resolution';
import type { EntityType } from '../model/entity-types';
import { BadUserInputError } from './errors';
import type { ResultBudget } from './budget';
import type { Loaders } from './loaders';
import { propertiesOf, relationshipFromParts, toEntity, toRelationship, type EntityRecord, type RelationshipRecord, type RelationshipRow } from './records';
import { mergeKeys } from './plan/keys';
import { coParticipants as coParticipantsQuery } from './translate/co-participants';
import { connections as connectionsQuery, type ConnectionsArgs } from './translate/connections';
import { entityExists } from './translate/entities-by-id';
import { listEntities as listEntitiesQuery, type ListEntitiesArgs } from './translate/list-entities';
import { neighbourhood as neighbourhoodQuery, type NeighbourhoodArgs, type NeighbourhoodEdge, type NeighbourhoodNode } from './translate/neighbourhood';
import { relationshipById as relationshipByIdQuery } from './translate/relationship-by-id';
import { partnersAttendance as partnersAttendanceQuery, type AttendanceTuple, type PartnersAttendanceSelection } from './translate/partners-attendance';
import { storedKeys } from './translate/projection';
import { luceneQuery, searchNames } from './translate/search';
import { statistics as statisticsQuery } from './translate/statistics';
import { timeline as timelineQuery } from './translate/timeline';

// Runs the builders of translate/ and turns their rows into the records the resolvers answer from.

type NodeRow = { labels: string[]; props: Record<string, unknown> };

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
export async function listEntities(db: Database, loaders: Loaders, args: ListEntitiesArgs): Promise<EntityPage> {
  const { page, count } = listEntitiesQuery(args);
  const [rows, [total]] = await Promise.all([db.query<{ node: NodeRow }>(page), db.query<{ total: number }>(count)]);
  loaders.budget.take(rows.length);
  return {
    items: rows.slice(0, args.first).map((row) => entityOf(loaders, row.node)),
    hasNextPage: rows.length > args.first,
    totalCount: total!.total,
  };
}

/** The most name-search hits ranked for one query; a query matching more is refused, never cut. */
export const NAME_SEARCH_LIMIT = 1_000;

/**
 * Full-text search over names and aliases, every hit ranked by closeness to its best spelling (then full-text score);
 * falls back from all-words to any-word when nothing matches. The caller pages the ranked list.
 */
export async function search(
  db: Database,
  loaders: Loaders,
  args: { text: string; labels: EntityType[] | null; keys: string[] },
): Promise<{ entity: EntityRecord; score: number }[]> {
  // Re-ranking reads every spelling, whatever the query selected.
  const keys = mergeKeys(args.keys, ['name', 'aliases']);
  for (const combine of ['AND', 'OR'] as const) {
    const lucene = luceneQuery(args.text, combine);
    if (!lucene) return [];
    const rows = await db.query<{ node: NodeRow; score: number }>(searchNames({ lucene, labels: args.labels, first: NAME_SEARCH_LIMIT, keys }));
    loaders.budget.take(rows.length);
    if (rows.length >= NAME_SEARCH_LIMIT) {
      throw new BadUserInputError(`Invalid argument query: it matches ${NAME_SEARCH_LIMIT} entities or more; add a word or a type to narrow it`, 'query');
    }
    if (rows.length > 0 || combine === 'OR') {
      const wanted = normalizeName(args.text);
      return (
        rows
          .map((row) => ({ entity: entityOf(loaders, row.node, keys), score: row.score, closeness: closeness(wanted, row.node.props) }))
          .sort((a, b) => b.closeness - a.closeness || b.score - a.score || String(a.entity.props.id).localeCompare(String(b.entity.props.id)))
          // The score shown is the one the order follows first, so that scores never rise down the list.
          .map(({ entity, closeness }) => ({ entity, score: closeness }))
      );
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
    best = Math.max(best, 1 - distance(wanted, candidate) / Math.max(wanted.length, candidate.length, 1));
  }
  return Math.round(best * 10) / 10;
}

export interface PartnerAttendance {
  partner: EntityRecord;
  partnership: RelationshipRecord;
  attendances: RelationshipRecord[];
}

/** An actor's partners and the events each attended, partners by name and attendances by date; null for an unknown actor. */
export async function partnersAttendance(
  db: Database,
  budget: ResultBudget,
  actorId: string,
  asOf: string | null,
  selection: PartnersAttendanceSelection,
): Promise<PartnerAttendance[] | null> {
  // Attendances are sorted by date, so that property is fetched whatever was selected.
  const attendance = mergeKeys(selection.attendance, ['validFromDay']);
  const query = partnersAttendanceQuery(actorId, asOf, { ...selection, attendance });
  const [attendanceKeys, eventKeys] = [storedKeys(attendance), selection.event ?? []];
  const rows = await db.query<{ found: boolean; partner: NodeRow | null; partnership: RelationshipRow; attendances: AttendanceTuple[] }>(query);
  budget.take(rows.reduce((n, row) => n + 2 + row.attendances.length, 0));
  if (!rows[0]!.found) return null;
  return rows
    .filter((row): row is typeof row & { partner: NodeRow } => row.partner !== null)
    .map((p) => ({
      partner: toEntity(p.partner.labels, p.partner.props),
      partnership: toRelationship(p.partnership),
      attendances: p.attendances
        .map(([type, id, values, eventId, eventLabels, eventValues]) => {
          const record = relationshipFromParts(type, id, propertiesOf(attendanceKeys, values), { from: p.partner.props.id as string, to: eventId });
          if (eventValues) record.ends = { to: toEntity(eventLabels ?? [], propertiesOf(eventKeys, eventValues)) };
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

/** One page of the actors that attended the same events as an actor, with their total; null for an unknown actor. */
export async function coParticipants(
  db: Database,
  loaders: Loaders,
  actorId: string,
  page: { skip: number; first: number },
  keys: { actor: string[]; event: string[] },
): Promise<{ items: CoParticipation[]; hasMore: boolean; total: number } | null> {
  const rows = await db.query<{ found: boolean; total: number; actor: NodeRow | null; shared: number; events: NodeRow[] }>(
    coParticipantsQuery(actorId, page.skip, page.first, keys),
  );
  loaders.budget.take(rows.reduce((n, row) => n + 1 + row.events.length, 0));
  if (!rows[0]!.found) return null;
  const items = rows
    .filter((r): r is typeof r & { actor: NodeRow } => r.actor !== null)
    .map((r) => ({
      actor: entityOf(loaders, r.actor, keys.actor),
      sharedEventCount: r.shared,
      events: r.events.map((e) => entityOf(loaders, e, keys.event)),
    }));
  return { items: items.slice(0, page.first), hasMore: items.length > page.first, total: rows[0]!.total };
}

export interface ConnectionPath {
  nodes: EntityRecord[];
  hops: { from: EntityRecord; to: EntityRecord; relationship: RelationshipRecord }[];
}

/** One page of the shortest paths between two entities, with their total; `{missing}` names an end that does not exist. */
export async function connections(
  db: Database,
  loaders: Loaders,
  args: ConnectionsArgs,
): Promise<{ items: ConnectionPath[]; hasMore: boolean; total: number } | { missing: string }> {
  const rows = await db.query<{ fromFound: boolean; toFound: boolean; total: number; paths: { nodes: NodeRow[]; rels: RelationshipRow[] }[] }>(
    connectionsQuery(args),
  );
  loaders.budget.take(rows[0]?.paths.reduce((n, path) => n + path.nodes.length + path.rels.length, 0) ?? 0);
  const row = rows[0];
  if (!row) {
    const exists = async (id: string) => (await db.query<{ found: boolean }>(entityExists(id)))[0]!.found;
    const [a, b] = await Promise.all([exists(args.fromId), exists(args.toId)]);
    if (!a) return { missing: args.fromId };
    if (!b) return { missing: args.toId };
    return { items: [], hasMore: false, total: 0 };
  }
  if (!row.fromFound) return { missing: args.fromId };
  if (!row.toFound) return { missing: args.toId };
  const items = row.paths.map((path) => {
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
  return { items: items.slice(0, args.first), hasMore: items.length > args.first, total: row.total };
}

export interface Neighbourhood {
  centre: EntityRecord;
  nodes: { entity: EntityRecord; distance: number }[];
  edges: RelationshipRecord[];
  truncated: boolean;
}

/** The neighbourhood of an entity as nodes (with their distance) and edges; null for an unknown entity. */
export async function neighbourhood(db: Database, loaders: Loaders, args: NeighbourhoodArgs): Promise<Neighbourhood | null> {
  const rows = await db.query<{ centre: NodeRow; levels: NeighbourhoodNode[][]; truncated: boolean; edges: NeighbourhoodEdge[] }>(neighbourhoodQuery(args));
  const edgeKeys = storedKeys(args.edgeKeys);
  loaders.budget.take(rows[0] ? 1 + rows[0].levels.flat().length + rows[0].edges.length : 0);
  const row = rows[0];
  if (!row) return null;
  const centre = entityOf(loaders, row.centre, args.centreKeys);
  return {
    centre,
    nodes: [
      { entity: centre, distance: 0 },
      ...row.levels.flatMap((level, i) => level.map(([labels, id, name]) => ({ entity: toEntity(labels, { id, name }), distance: i + 1 }))),
    ],
    edges: row.edges.map(([type, id, values, from, to]) => relationshipFromParts(type, id, propertiesOf(edgeKeys, values), { from, to })),
    truncated: row.truncated,
  };
}

/** One fact by its id (a Relationship's or GraphEdge's), with all its properties; null when no fact has it. */
export async function relationshipById(db: Database, loaders: Loaders, id: string): Promise<RelationshipRecord | null> {
  const rows = await db.query<{ rel: RelationshipRow }>(relationshipByIdQuery(id));
  loaders.budget.take(rows.length);
  return rows[0] ? toRelationship(rows[0].rel) : null;
}

/** An entity's dated relationships in time order, overlapping from..to when given; null when it does not exist. */
export async function timeline(
  db: Database,
  loaders: Loaders,
  args: { id: string; from: string | null; to: string | null },
): Promise<RelationshipRecord[] | null> {
  const rows = await db.query<{ found: boolean; rels: { rel: RelationshipRow; other: NodeRow }[] }>(timelineQuery(args));
  loaders.budget.take(2 * (rows[0]?.rels.length ?? 0));
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

/** Counts per label and relationship type, most frequent first. */
export async function statistics(db: Database): Promise<Statistics> {
  const [row] = await db.query<Statistics>(statisticsQuery());
  const byCount = (a: { name: string; count: number }, b: { name: string; count: number }) => b.count - a.count || a.name.localeCompare(b.name);
  return { ...row!, nodesByType: [...row!.nodesByType].sort(byCount), relationshipsByType: [...row!.relationshipsByType].sort(byCount) };
}
