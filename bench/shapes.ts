import type { Params } from '../src/db/database';
import { luceneQuery } from '../src/graphql/translate/search';
import type { GeneratedSeed } from './generate';

/** One researcher query, as GraphQL for the API and as the equivalent hand-written Cypher. */
export interface Shape {
  name: string;
  graphql: string;
  cypher: string;
  params: Params;
}

/** The researcher queries the benchmark measures, aimed at the generated graph's probes. */
export function shapes(probes: GeneratedSeed['probes']): Shape[] {
  const { hub, other, searchText } = probes;
  return [
    {
      name: 'partners attendance',
      graphql: `{ partnersAttendance(actorId: "${hub}") { partner { id name } partnership { kind evidence { quote } } attendances { role to { id name } evidence { quote } } } }`,
      cypher:
        'MATCH (a:Entity {id: $id})-[p:PARTNER_OF]-(partner) ' +
        'OPTIONAL MATCH (partner)-[att:PARTICIPATED_IN|SPOKE_AT]->(e) ' +
        'RETURN partner.id, partner.name, p.kind, p.evidenceQuotes, collect({role: att.role, id: e.id, name: e.name, quotes: att.evidenceQuotes}) AS attendances',
      params: { id: hub },
    },
    {
      name: 'co-participation',
      graphql: `{ coParticipants(actorId: "${other}", first: 20) { nodes { actor { id name } sharedEventCount events { id } } } }`,
      cypher:
        'MATCH (a:Entity {id: $id})-[:PARTICIPATED_IN|SPOKE_AT]->(:Event)-[:PART_OF*0..3]->(root:Event) WHERE NOT (root)-[:PART_OF]->(:Event) ' +
        'WITH a, collect(DISTINCT root) AS roots UNWIND roots AS root ' +
        'MATCH (root)<-[:PART_OF*0..3]-(:Event)<-[:PARTICIPATED_IN|SPOKE_AT]-(other) WHERE other <> a ' +
        // Ties broken by name, as the API does, so that both return the same twenty actors.
        'WITH other, collect(DISTINCT root.id) AS events RETURN other.id, other.name, size(events) AS shared, events ORDER BY shared DESC, other.name LIMIT 20',
      params: { id: other },
    },
    {
      name: 'neighbourhood depth 2',
      graphql: `{ neighbourhood(id: "${other}", depth: 2, limit: 200) { nodes { id type name distance } edges { id type source target } } }`,
      cypher:
        'MATCH (c:Entity {id: $id})-[r1]-(n1) WHERE type(r1) <> "MENTIONS" WITH c, collect(DISTINCT n1)[0..200] AS l1 ' +
        'UNWIND l1 AS n1 OPTIONAL MATCH (n1)-[r2]-(n2) WHERE type(r2) <> "MENTIONS" AND n2 <> c AND NOT n2 IN l1 ' +
        'WITH c, l1, collect(DISTINCT n2)[0..200] AS l2 WITH ([c] + l1 + l2)[0..201] AS kept ' +
        'UNWIND kept AS x MATCH (x)-[r]->(y) WHERE type(r) <> "MENTIONS" AND y IN kept ' +
        'RETURN [k IN kept | k.id] AS nodes, collect(DISTINCT {type: type(r), source: x.id, target: y.id}) AS edges',
      params: { id: other },
    },
    {
      name: 'neighbourhood depth 3',
      graphql: `{ neighbourhood(id: "${other}", depth: 3, limit: 200) { nodes { id type name distance } edges { id type source target } } }`,
      cypher:
        'MATCH (c:Entity {id: $id})-[r1]-(n1) WHERE type(r1) <> "MENTIONS" WITH c, collect(DISTINCT n1)[0..200] AS l1 ' +
        'UNWIND l1 AS n1 OPTIONAL MATCH (n1)-[r2]-(n2) WHERE type(r2) <> "MENTIONS" AND n2 <> c AND NOT n2 IN l1 ' +
        'WITH c, l1, collect(DISTINCT n2)[0..200] AS l2 UNWIND (CASE WHEN l2 = [] THEN [null] ELSE l2 END) AS n2 ' +
        'OPTIONAL MATCH (n2)-[r3]-(n3) WHERE type(r3) <> "MENTIONS" AND n3 <> c AND NOT n3 IN l1 AND NOT n3 IN l2 ' +
        'WITH c, l1, l2, collect(DISTINCT n3)[0..200] AS l3 WITH ([c] + l1 + l2 + l3)[0..201] AS kept ' +
        'UNWIND kept AS x MATCH (x)-[r]->(y) WHERE type(r) <> "MENTIONS" AND y IN kept ' +
        'RETURN [k IN kept | k.id] AS nodes, collect(DISTINCT {type: type(r), source: x.id, target: y.id}) AS edges',
      params: { id: other },
    },
    {
      name: 'connection path',
      graphql: `{ connections(fromId: "${hub}", toId: "${other}", maxHops: 4, first: 5) { nodes { length hops { from { id } to { id } relationship { type evidence { quote } } } } } }`,
      cypher:
        'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) ' +
        'MATCH p = allShortestPaths((a)-[*..4]-(b)) WHERE none(r IN relationships(p) WHERE type(r) IN ["MENTIONS", "HAS_FIGURE"]) ' +
        'RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | {type: type(r), quotes: r.evidenceQuotes}] AS hops LIMIT 5',
      params: { from: hub, to: other },
    },
    {
      name: 'search',
      graphql: `{ search(query: "${searchText}", first: 10) { nodes { score entity { id name type } } } }`,
      // The same Lucene query and order as the API (exact, prefix and one-edit terms per word), so that both find the same
      // entities; the aliases come along because the API's order depends on them (it re-ranks by the closest spelling).
      cypher:
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node.id, node.name, node.aliases, labels(node), score ORDER BY score DESC, node.name LIMIT 10",
      params: { q: luceneQuery(searchText, 'AND')! },
    },
  ];
}

/**
 * The nested query compared with the Neo4j GraphQL Library: an organization, its first 100 partners by name and the
 * first 200 events each attended, by name. The API pages relationship lists (first), so the peer and the hand-written
 * query are given the same page sizes and order, and all three return the same data.
 */
export function peerShape(hub: string): { api: string; peer: string; cypher: string; params: Params } {
  return {
    api: `{ entity(id: "${hub}") { id name relationships(types: [PARTNER_OF], direction: OUTGOING, first: 100) { nodes { to { id name ... on Organization { participations(first: 200) { nodes { to { id name } } } } } } } } }`,
    peer:
      `{ organizations(where: { id: { eq: "${hub}" } }) { id name ` +
      'partners(limit: 100, sort: [{ name: ASC }, { id: ASC }]) { id name participations(limit: 200, sort: [{ name: ASC }, { id: ASC }]) { id name } } } }',
    cypher:
      'MATCH (o:Organization {id: $id}) OPTIONAL MATCH (o)-[:PARTNER_OF]->(p:Organization) WITH o, p ORDER BY p.name, p.id LIMIT 100 ' +
      'CALL (p) { OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e) WITH e ORDER BY e.name, e.id LIMIT 200 RETURN collect({id: e.id, name: e.name}) AS events } ' +
      'RETURN o.id, o.name, collect({id: p.id, name: p.name, events: events}) AS partners',
    params: { id: hub },
  };
}
