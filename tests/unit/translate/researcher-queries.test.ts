import { coParticipants } from '../../../src/graphql/translate/co-participants';
import { connections } from '../../../src/graphql/translate/connections';
import { documentTexts, entitiesById, entityExists } from '../../../src/graphql/translate/entities-by-id';
import { listEntities } from '../../../src/graphql/translate/list-entities';
import { neighbourhood } from '../../../src/graphql/translate/neighbourhood';
import { partnersAttendance } from '../../../src/graphql/translate/partners-attendance';
import { luceneQuery, searchNames } from '../../../src/graphql/translate/search';
import { statistics } from '../../../src/graphql/translate/statistics';
import { timeline } from '../../../src/graphql/translate/timeline';

// The researcher queries' Cypher, checked without a database: what a client sends stays in the parameters, and the
// statements read only what the selection asked for.

const HOSTILE = "x'}) DETACH DELETE n //";

describe('every researcher query keeps client values in parameters', () => {
  const built = {
    entitiesById: entitiesById([HOSTILE]),
    documentTexts: documentTexts([HOSTILE]),
    entityExists: entityExists(HOSTILE),
    listEntities: listEntities({ label: 'Organization', country: HOSTILE, name: HOSTILE, first: 5, after: { name: HOSTILE, id: HOSTILE } }).page,
    searchNames: searchNames({ lucene: HOSTILE, labels: ['Organization'], first: 5, keys: ['id', 'name'] }),
    partnersAttendance: partnersAttendance(HOSTILE, '2019', { partner: ['id'], partnership: ['kind'], attendance: ['validFromDay'], event: ['name'] }),
    coParticipants: coParticipants(HOSTILE, 0, 5, { actor: ['id'], event: ['id'] }),
    connections: connections({ fromId: HOSTILE, toId: HOSTILE, maxHops: 4, skip: 0, first: 5, via: null, nodeKeys: ['id'], relationshipKeys: [] }),
    neighbourhood: neighbourhood({ id: HOSTILE, depth: 2, types: null, asOf: null, limit: 50, centreKeys: ['id'], edgeKeys: [] }),
    timeline: timeline({ id: HOSTILE, from: '2019', to: null }),
  };
  it.each(Object.entries(built))('%s', (_name, query) => {
    expect(query.cypher).not.toContain('DETACH DELETE');
    expect(JSON.stringify(query.params)).toContain('DETACH DELETE');
  });
});

describe('list and search', () => {
  it('lists by label with a keyset cursor and asks for one row more than the page', () => {
    const { page, count } = listEntities({ label: 'Event', country: null, name: 'Week', first: 5, after: null });
    expect(page.cypher).toMatch(/^MATCH \(n:Event\) WHERE /);
    expect(page.cypher).toContain('ORDER BY n.name, n.id LIMIT $limit');
    expect(page.params).toMatchObject({ name: 'week', country: null, afterName: null, limit: expect.objectContaining({ low: 6 }) });
    expect(count.cypher).toMatch(/RETURN count\(n\) AS total$/);
    expect(count.cypher).toContain('[:LOCATED_IN|HELD_IN|IMPLEMENTED_IN|PART_OF|MEMBER_OF*1..3]');
  });

  it('turns text into a Lucene query that tolerates one edit in longer words', () => {
    expect(luceneQuery('Unesko  HQ', 'AND')).toBe('(unesko^3 OR unesko*^2 OR unesko~1) AND (hq^3 OR hq*)');
    expect(luceneQuery('  ', 'OR')).toBeNull();
  });

  it('cuts search hits before projecting only the selected properties', () => {
    const { cypher } = searchNames({ lucene: 'x', labels: null, first: 3, keys: ['aliases', 'id', 'name'] });
    expect(cypher).toBe(
      "CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score " +
        'WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels) ' +
        'WITH node AS hit, score ORDER BY score DESC, hit.name LIMIT $first ' +
        'RETURN {labels: labels(hit), props: hit {.aliases, .id, .name}} AS node, score ORDER BY score DESC, hit.name',
    );
  });
});

describe('researcher queries', () => {
  it('partners attendance: partners are Organizations by the model, events are read only when selected', () => {
    const withEvents = partnersAttendance('org:ichei', null, {
      partner: ['id', 'name'],
      partnership: ['kind'],
      attendance: ['role', 'validFromDay'],
      event: ['id', 'name'],
    });
    expect(withEvents.cypher).toContain("{labels: ['Organization'], props: partner {.id, .name}}");
    expect(withEvents.cypher).toContain(
      // Values as lists (no map keys for the driver to decode), in the order of the selection's keys, read as one map.
      'COLLECT { MATCH (partner)-[att:PARTICIPATED_IN|SPOKE_AT]->(e) WHERE true WITH [type(att), null, [att_map IN [att {.role, .validFromDay}] | [att_map.role, att_map.validFromDay]][0], e.id, labels(e), [e_map IN [e {.id, .name}] | [e_map.id, e_map.name]][0]] AS t',
    );
    // Pre-sorted as the caller sorts, by the values the tuples already hold.
    expect(withEvents.cypher).toContain("ORDER BY coalesce(t[2][1], ''), t[3] RETURN t } AS attendances");
    expect(withEvents.cypher).toContain('WITH a, p, partner ORDER BY partner.name RETURN');
    expect(withEvents.params).toEqual({ id: 'org:ichei' });
    const withoutEvents = partnersAttendance('org:ichei', '2019-03-04', { partner: ['id'], partnership: [], attendance: ['validFromDay'], event: null });
    expect(withoutEvents.cypher).toContain(
      "[type(att), null, [att_map IN [att {.validFromDay}] | [att_map.validFromDay]][0], e.id, null, null] AS t ORDER BY coalesce(t[2][0], '')",
    );
    expect(() => partnersAttendance('org:ichei', null, { partner: ['id'], partnership: [], attendance: ['role'], event: null })).toThrow(/validFromDay/);
    expect(withoutEvents.params).toEqual({ id: 'org:ichei', asOfStart: '2019-03-04', asOfEnd: '2019-03-04' });
  });

  it('co-participation rolls sub-events up to their root event', () => {
    const { cypher, params } = coParticipants('org:ichei', 40, 20, { actor: ['id', 'name'], event: ['id'] });
    expect(cypher).toContain('MATCH (e)-[:PART_OF*0..3]->(root:Event) WHERE NOT (root)-[:PART_OF]->(:Event)');
    expect(cypher).toContain("[e IN coalesce(events, []) | {labels: ['Event'], props: e {.id}}]");
    // A page of the ordered list, one more than asked to tell whether more follow, and the total.
    expect(cypher).toContain('everyone[$skip..($skip + $first + 1)]');
    expect(cypher).toContain('size(everyone) AS total');
    expect(params).toMatchObject({ skip: expect.objectContaining({ low: 40 }), first: expect.objectContaining({ low: 20 }) });
  });

  it('connections leave out the bookkeeping types unless asked, and splice maxHops only as an integer', () => {
    const { cypher } = connections({ fromId: 'a', toId: 'b', maxHops: 4, skip: 0, first: 5, via: null, nodeKeys: ['id'], relationshipKeys: ['seedKey'] });
    expect(cypher).toContain('allShortestPaths((a)-[:');
    expect(cypher).toContain('*..4]-(b))');
    expect(cypher).not.toMatch(/MENTIONS|HAS_FIGURE/);
    const via = connections({ fromId: 'a', toId: 'b', maxHops: 2.9, skip: 0, first: 5, via: ['MENTIONS'], nodeKeys: ['id'], relationshipKeys: [] });
    expect(via.cypher).toContain('[:MENTIONS*..2]');
    expect(() => connections({ fromId: 'a', toId: 'b', maxHops: Number.NaN, skip: 0, first: 5, via: null, nodeKeys: [], relationshipKeys: [] })).toThrow(
      /maxHops/,
    );
  });

  it('neighbourhoods expand one level per CALL, and refuse depths the API does not allow', () => {
    const { cypher } = neighbourhood({ id: 'org:ichei', depth: 3, types: ['PARTNER_OF'], asOf: null, limit: 10, centreKeys: ['id'], edgeKeys: ['seedKey'] });
    expect(cypher.match(/CALL \(frontier, seen\)/g)).toHaveLength(3);
    expect(cypher).toContain('MATCH (f)-[r:PARTNER_OF]-(x) WHERE NOT x IN seen AND true');
    // Each relationship once, from its start node, and entities and edges as lists (no map keys to decode).
    expect(cypher).toContain('RETURN collect([type(r), coalesce(r.seedKey, elementId(r)), [], x.id, y.id]) AS edges');
    expect(cypher).toContain('[l IN levels | [x IN l WHERE x IN kept | [labels(x), x.id, x.name]]] AS levels');
    expect(() => neighbourhood({ id: 'x', depth: 4, types: null, asOf: null, limit: 10, centreKeys: [], edgeKeys: [] })).toThrow(/depth/);
    // asOf keeps the facts valid at the date, at every level and among the edges drawn.
    const dated = neighbourhood({ id: 'x', depth: 2, types: null, asOf: '2019-03', limit: 10, centreKeys: [], edgeKeys: [] });
    expect(dated.cypher.match(/r\.validFromDay <= \$asOfEnd/g)).toHaveLength(3);
    expect(dated.params).toMatchObject({ asOfStart: '2019-03-01', asOfEnd: '2019-03-31' });
  });

  it('timelines compare whole days from partial dates', () => {
    expect(timeline({ id: 'x', from: '2019', to: '2019-02' }).params).toEqual({ id: 'x', from: '2019-01-01', to: '2019-02-28' });
  });

  it('statistics count every label and relationship type of the model from the count store', () => {
    const { cypher } = statistics();
    expect(cypher).toContain("{name: 'RegionalBloc', count: COUNT { (:RegionalBloc) }}");
    expect(cypher).toContain("{name: 'HAS_FIGURE', count: COUNT { ()-[:HAS_FIGURE]->() }}");
  });

  it('documents are read without their text, which has a query of its own', () => {
    expect(entitiesById(['doc:x']).cypher).toContain('CASE WHEN n:Document THEN n {.id, .file, .title, .name, .kind, .published');
    expect(entitiesById(['doc:x']).cypher).not.toContain('.text');
    expect(documentTexts(['doc:x']).cypher).toBe('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d.text AS text');
  });
});
