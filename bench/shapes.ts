import { int } from 'neo4j-driver';
import type { Params } from '../src/db/database';
import { RELATIONSHIP_TYPE_NAMES } from '../src/model/relationship-types';
import { luceneQuery } from '../src/graphql/translate/search';
import type { GeneratedSeed } from './generate';

/** One researcher query, as GraphQL for the API and as the equivalent hand-written Cypher. */
export interface Shape {
  name: string;
  graphql: string;
  cypher: string;
  params: Params;
  /** Why the hand-written query is the best Cypher for the question (checked with PROFILE; see bench/README.md). */
  why: string;
  /**
   * The data both answers hold, in one comparable form: `api` from the API's `data`, `raw` from the hand-written
   * query's rows. The benchmark stops if the two differ, since a ratio between different answers says nothing.
   */
  sameData: { api: (data: any) => unknown; raw: (rows: any[]) => unknown };
  /** When set, the API's items (a list) need only be among the hand-written ones: see search. */
  apiAmongRaw?: true;
}

// The types a neighbourhood follows: every one but MENTIONS (every entity is one hop from its documents), as the API.
const FOLLOWED = RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'MENTIONS').join('|');

/**
 * The hand-written neighbourhood: each level expanded from the one before (the work grows with the nodes, not with
 * the paths), cut at $limit distinct new entities inside its own subquery so that the expansion stops there, then
 * the relationships among the kept entities read from one side only.
 */
function neighbourhoodCypher(depth: 2 | 3): string {
  const level = (n: number) => {
    const before = Array.from({ length: n - 1 }, (_, i) => `l${i + 1}`);
    const from = n === 1 ? 'MATCH (c)' : `UNWIND l${n - 1} AS f MATCH (f)`;
    const unseen = ['x <> c', ...before.map((l) => `NOT x IN ${l}`)].join(' AND ');
    return `CALL (c${before.map((l) => `, ${l}`).join('')}) { ${from}-[:${FOLLOWED}]-(x) WHERE ${unseen} WITH DISTINCT x LIMIT $limit RETURN collect(x) AS l${n} } `;
  };
  const levels = Array.from({ length: depth }, (_, i) => `[x IN l${i + 1} | [x, ${i + 1}]]`);
  return (
    'MATCH (c:Entity {id: $id}) ' +
    Array.from({ length: depth }, (_, i) => level(i + 1)).join('') +
    // Each kept entity with its distance, as the API answers it.
    `WITH ([[c, 0]] + ${levels.join(' + ')})[0..$limit + 1] AS placed ` +
    'WITH placed, [p IN placed | p[0]] AS kept ' +
    `CALL (kept) { UNWIND kept AS x MATCH (x)-[r:${FOLLOWED}]->(y) WHERE y IN kept RETURN collect([coalesce(r.seedKey, elementId(r)), type(r), x.id, y.id]) AS edges } ` +
    'RETURN [p IN placed | [p[0].id, labels(p[0]), p[0].name, p[1]]] AS nodes, edges'
  );
}

const sorted = (values: string[]) => [...values].sort();
const neighbourhoodData = {
  api: (d: any) => ({
    nodes: sorted(d.neighbourhood.nodes.map((n: any) => [n.id, n.name, n.distance].join(' '))),
    edges: sorted(d.neighbourhood.edges.map((e: any) => [e.id, e.type, e.source, e.target].join(' '))),
  }),
  raw: (rows: any[]) => ({
    nodes: sorted(rows[0].nodes.map(([id, , name, distance]: unknown[]) => [id, name, distance].join(' '))),
    edges: sorted(rows[0].edges.map((e: string[]) => e.join(' '))),
  }),
};

/** The partners of an actor and the events each attended, with the evidence of both. */
function partnersAttendanceShape(actor: string): Shape {
  return {
    name: 'partners attendance',
    graphql: `{ partnersAttendance(actorId: "${actor}") { partner { id name } partnership { kind evidence { quote } } attendances { role to { id name } evidence { quote } } } }`,
    cypher:
      'MATCH (a:Entity {id: $id})-[p:PARTNER_OF]-(partner) ' +
      'OPTIONAL MATCH (partner)-[att:PARTICIPATED_IN|SPOKE_AT]->(e) ' +
      // Each attendance's properties read as one map projection, sent as a list (no keys to decode).
      'WITH partner, p, att {.role, .evidenceQuotes} AS am, e {.id, .name} AS em ' +
      'RETURN partner.id, partner.name, p.kind, p.evidenceQuotes, collect([am.role, em.id, em.name, am.evidenceQuotes]) AS attendances',
    params: { id: actor },
    why: "an index seek on the actor, its partnerships expanded by type, and each partner's attendances expanded by type once; only the returned properties are read, each element's as one map projection, and the attendances go over the wire as lists (the driver decodes a key string per map entry)",
    sameData: {
      api: (d: any) =>
        sorted(
          d.partnersAttendance.map((p: any) =>
            JSON.stringify([
              p.partner.id,
              p.partner.name,
              p.partnership.kind,
              p.partnership.evidence.map((e: any) => e.quote),
              sorted(p.attendances.map((a: any) => JSON.stringify([a.role, a.to.id, a.to.name, a.evidence.map((e: any) => e.quote)]))),
            ]),
          ),
        ),
      raw: (rows: any[]) =>
        sorted(
          rows.map((r) =>
            JSON.stringify([
              r['partner.id'],
              r['partner.name'],
              r['p.kind'],
              r['p.evidenceQuotes'] ?? [],
              sorted(r.attendances.filter((a: any) => a[1] !== null).map(([role, id, name, quotes]: any) => JSON.stringify([role, id, name, quotes ?? []]))),
            ]),
          ),
        ),
    },
  };
}

/** The actors who attended the most of an actor's events. */
function coParticipationShape(actor: string): Shape {
  return {
    name: 'co-participation',
    graphql: `{ coParticipants(actorId: "${actor}", first: 20) { nodes { actor { id name } sharedEventCount events { id } } } }`,
    cypher:
      'MATCH (a:Entity {id: $id})-[:PARTICIPATED_IN|SPOKE_AT]->(:Event)-[:PART_OF*0..3]->(root:Event) WHERE NOT (root)-[:PART_OF]->(:Event) ' +
      'WITH a, collect(DISTINCT root) AS roots UNWIND roots AS root ' +
      'MATCH (root)<-[:PART_OF*0..3]-(:Event)<-[:PARTICIPATED_IN|SPOKE_AT]-(other) WHERE other <> a ' +
      // Ties broken by name, as the API does, so that both return the same twenty actors.
      'WITH other, collect(DISTINCT root.id) AS events RETURN other.id, other.name, size(events) AS shared, events ORDER BY shared DESC, other.name LIMIT 20',
    params: { id: actor },
    why: "the actor's events climbed to their top-level event once each (collected before going down again), then every attendee of those trees counted once per shared event; ranked and cut in the database",
    sameData: {
      api: (d: any) => d.coParticipants.nodes.map((n: any) => [n.actor.id, n.sharedEventCount, sorted(n.events.map((e: any) => e.id))]),
      raw: (rows: any[]) => rows.map((r) => [r['other.id'], r.shared, sorted(r.events)]),
    },
  };
}

/** The entities within `depth` hops of an entity, up to 200, and the relationships among them. */
function neighbourhoodShape(depth: 2 | 3, id: string): Shape {
  return {
    name: `neighbourhood depth ${depth}`,
    graphql: `{ neighbourhood(id: "${id}", depth: ${depth}, limit: 200) { nodes { id type name distance } edges { id type source target } } }`,
    cypher: neighbourhoodCypher(depth),
    params: { id, limit: int(200) },
    why:
      depth === 2
        ? 'each level expanded from the previous one by type and cut at the limit inside its subquery (the expansion stops there), the relationships among the kept entities read from their start nodes only'
        : 'as at depth 2, one level more',
    sameData: neighbourhoodData,
  };
}

/** The first five shortest connections between two entities, with each hop's evidence. */
function connectionPathShape(from: string, to: string): Shape {
  return {
    name: 'connection path',
    graphql: `{ connections(fromId: "${from}", toId: "${to}", maxHops: 4, first: 5) { nodes { length hops { from { id } to { id } relationship { type evidence { quote } } } } } }`,
    cypher:
      'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) ' +
      `MATCH p = allShortestPaths((a)-[:${RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'MENTIONS' && t !== 'HAS_FIGURE').join('|')}*..4]-(b)) ` +
      // The first five in a stable order, as the API pages them: every shortest path is found before five are kept.
      "WITH p ORDER BY reduce(k = '', x IN nodes(p) | k + x.id + '|') + reduce(k = '', r IN relationships(p) | k + type(r) + coalesce(r.seedKey, elementId(r)) + '|') " +
      'RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | {type: type(r), quotes: r.evidenceQuotes}] AS hops LIMIT 5',
    params: { from, to },
    why: "a bidirectional shortest-path search between two index seeks, over the allowed types only (a filter on the path afterwards would search the documents' MENTIONS too), sorted by a key of ids so that the first five are always the same",
    sameData: {
      api: (d: any) =>
        d.connections.nodes.map((p: any) => [
          [p.hops[0].from.id, ...p.hops.map((h: any) => h.to.id)],
          p.hops.map((h: any) => [h.relationship.type, h.relationship.evidence.map((e: any) => e.quote)]),
        ]),
      raw: (rows: any[]) => rows.map((r) => [r.ids, r.hops.map((h: any) => [h.type, h.quotes ?? []])]),
    },
  };
}

/** A full-text search for a mistyped name. */
function searchShape(text: string): Shape {
  return {
    name: 'search',
    graphql: `{ search(query: "${text}", first: 10) { nodes { score entity { id name type } } } }`,
    // The same Lucene query and order as the API (exact, prefix and one-edit terms per word), so that both find the same
    // entities; the aliases come along because the API's order depends on them (it re-ranks by the closest spelling).
    cypher:
      "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node.id, node.name, node.aliases, labels(node), score ORDER BY score DESC, node.name LIMIT 1000",
    params: { q: luceneQuery(text, 'AND')! },
    why: 'one full-text index query returning the hits the API ranks (up to 1,000, with the spellings its ranking reads): the API orders them by closeness to the best spelling, an edit distance Cypher cannot compute without a plugin, so the first ten are chosen by the client',
    sameData: {
      api: (d: any) => d.search.nodes.map((n: any) => n.entity.id),
      raw: (rows: any[]) => rows.map((r) => r['node.id']),
    },
    apiAmongRaw: true,
  };
}

/** The researcher queries the benchmark measures, aimed at the generated graph's probes. */
export function shapes(probes: GeneratedSeed['probes']): Shape[] {
  const { hub, other, searchText } = probes;
  return [
    partnersAttendanceShape(probes.partners ?? hub),
    coParticipationShape(other),
    neighbourhoodShape(2, other),
    neighbourhoodShape(3, other),
    connectionPathShape(hub, other),
    searchShape(searchText),
  ];
}

/**
 * The nested query compared with the Neo4j GraphQL Library: an organization, its first 100 partners by name and the
 * first 200 events each attended, by name. The API pages relationship lists (first), so the peer and the hand-written
 * query are given the same page sizes and order, and all three return the same data.
 */
export function peerShape(hub: string): Shape & { peer: string; peerData: (data: any) => unknown } {
  const api = (d: any) => d.entity.relationships.nodes.map((r: any) => [r.to.id, r.to.name, r.to.participations.nodes.map((p: any) => [p.to.id, p.to.name])]);
  return {
    name: 'nested (vs @neo4j/graphql)',
    graphql: `{ entity(id: "${hub}") { id name relationships(types: [PARTNER_OF], direction: OUTGOING, first: 100) { nodes { to { id name ... on Organization { participations(first: 200) { nodes { to { id name } } } } } } } } }`,
    peer:
      `{ organizations(where: { id: { eq: "${hub}" } }) { id name ` +
      'partners(limit: 100, sort: [{ name: ASC }, { id: ASC }]) { id name participations(limit: 200, sort: [{ name: ASC }, { id: ASC }]) { id name } } } }',
    cypher:
      // The unique index is on :Entity(id): matching :Organization {id} instead scanned every organization (833 rows at 10k).
      'MATCH (o:Entity {id: $id}) WHERE o:Organization OPTIONAL MATCH (o)-[:PARTNER_OF]->(p:Organization) WITH o, p ORDER BY p.name, p.id LIMIT 100 ' +
      'CALL (p) { OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e) WITH e ORDER BY e.name, e.id LIMIT 200 RETURN collect([e.id, e.name]) AS events } ' +
      'RETURN o.id, o.name, collect([p.id, p.name, events]) AS partners',
    params: { id: hub },
    why: "an index seek on the organization (its label tested after the seek), partners sorted and cut before their events are read, each partner's events sorted and cut in a subquery of their own, sent as lists",
    sameData: {
      api,
      raw: (rows: any[]) =>
        rows[0].partners.filter(([id]: any) => id !== null).map(([id, name, events]: any) => [id, name, events.filter(([eventId]: any) => eventId !== null)]),
    },
    peerData: (d: any) => d.organizations[0].partners.map((p: any) => [p.id, p.name, p.participations.map((e: any) => [e.id, e.name])]),
  };
}
