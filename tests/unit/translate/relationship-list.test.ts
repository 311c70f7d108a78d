import { expandTuple, fixedTupleParts, NO_FILTERS, relationshipList, type RelationshipSpec } from '../../../src/graphql/translate/relationship-list';

// Checks the generated Cypher without a database, in the manner of @neo4j/graphql's TCK tests.

const spec = (over: Partial<RelationshipSpec> = {}): RelationshipSpec => ({
  types: ['PARTNER_OF'],
  direction: 'BOTH',
  asOf: null,
  filters: NO_FILTERS,
  orderBy: 'DEFAULT',
  skip: 0,
  first: 20,
  count: false,
  keys: ['kind'],
  endKeys: ['id', 'name'],
  ...over,
});

describe('relationshipList', () => {
  it('builds one statement per spec, every value a parameter', () => {
    const { cypher, params } = relationshipList(spec(), ['org:ichei', 'org:unesco']);
    expect(cypher).toBe(
      'UNWIND $ids AS id MATCH (n:Entity {id: id}) ' +
        'CALL (n) { MATCH (n)-[r:PARTNER_OF]-(m) WHERE true AND true ' +
        'WITH r, m, m.id AS mId, m.name AS mName ORDER BY mName, mId, coalesce(r.seedKey, elementId(r)) SKIP $skip LIMIT $first + 1 ' +
        'RETURN collect([startNode(r) = n, mId, [r_map IN [r {.kind}] | [r_map.kind]][0], [mId, mName]]) AS rels } ' +
        'RETURN id, rels, null AS total',
    );
    expect(params).toEqual({ ids: ['org:ichei', 'org:unesco'], skip: expect.objectContaining({ low: 0 }), first: expect.objectContaining({ low: 20 }) });
  });

  it('follows the direction, sorts by type and stated order when several types are asked for, and reads the id only when selected', () => {
    const { cypher } = relationshipList(spec({ types: ['HAS_THEME', 'AIMS_AT'], direction: 'OUTGOING', keys: ['seedKey', 'order'], endKeys: null }), ['x']);
    expect(cypher).toContain('MATCH (n)-[r:HAS_THEME|AIMS_AT]->(m)');
    expect(cypher).toContain('ORDER BY type(r), coalesce(r.order, 0), mName, mId, type(r)');
    expect(cypher).toContain('collect([mId, type(r), coalesce(r.seedKey, elementId(r)), [r_map IN [r {.order}] | [r_map.order]][0]])');
  });

  it('leaves out of each row what the spec fixes, and expandTuple puts it back', () => {
    // One type, one direction, the model's one label at the other end (PARTNER_OF joins organizations), no properties.
    const fixedSpec = spec({ direction: 'OUTGOING', keys: [] });
    expect(relationshipList(fixedSpec, ['x']).cypher).toContain('RETURN collect([mId, [mId, mName]]) AS rels');
    const fixed = fixedTupleParts(fixedSpec);
    expect(expandTuple(fixed, ['org:b', ['org:b', 'B'], 'child page'])).toEqual({
      tuple: [true, 'org:b', 'PARTNER_OF', null, [], ['Organization'], ['org:b', 'B']],
      rest: ['child page'],
    });
    // Several types or ends of several kinds: each row says which.
    const open = spec({ types: ['PARTICIPATED_IN', 'ORGANIZED'], direction: 'BOTH', keys: null });
    expect(fixedTupleParts(open).size).toBe(0);
    expect(relationshipList(open, ['x']).cypher).toContain(
      'collect([startNode(r) = n, mId, type(r), coalesce(r.seedKey, elementId(r)), properties(r), labels(m), [mId, mName]])',
    );
    expect([...fixedTupleParts(spec({ endKeys: null })).keys()].sort()).toEqual([2, 3, 5, 6]);
  });

  it('narrows the other end to a label when the field is typed narrower than the relationship type', () => {
    expect(relationshipList(spec({ types: ['PART_OF'], direction: 'INCOMING', endLabel: 'Event' }), ['x']).cypher).toContain(
      'MATCH (n)<-[r:PART_OF]-(m:Event)',
    );
  });

  it('adds the asOf test and its parameters only when an asOf is given', () => {
    const { cypher, params } = relationshipList(spec({ direction: 'INCOMING', asOf: '2019-03' }), ['x']);
    expect(cypher).toContain('MATCH (n)<-[r:PARTNER_OF]-(m) WHERE ((r.validFromDay IS NULL OR r.validFromDay <= $asOfEnd)');
    expect(params).toMatchObject({ asOfStart: '2019-03-01', asOfEnd: '2019-03-31' });
  });

  it('filters with parameters, orders as asked, and counts every match only when asked', () => {
    const { cypher, params } = relationshipList(
      spec({
        filters: { ...NO_FILTERS, role: 'partner delegation', inferred: false, document: 'doc:x', from: '2019', to: '2019-03' },
        orderBy: 'DATE_DESC',
        skip: 40,
        count: true,
      }),
      ['x'],
    );
    expect(cypher).toContain(
      'WHERE true AND r.role = $role AND coalesce(r.inferred, false) = $inferred AND $document IN r.evidenceDocs ' +
        'AND coalesce(r.validToDay, r.validFromDay) >= $fromDay AND coalesce(r.validFromDay, r.validToDay) <= $toDay',
    );
    expect(cypher).toContain("ORDER BY coalesce(r.validFromDay, r.validToDay, '0000-01-01') DESC, mName");
    expect(cypher).toMatch(/RETURN id, rels, COUNT \{ MATCH \(n\)-\[r:PARTNER_OF\]-\(m\) WHERE .* \} AS total$/);
    expect(params).toMatchObject({ role: 'partner delegation', inferred: false, document: 'doc:x', fromDay: '2019-01-01', toDay: '2019-03-31' });
    expect(params).not.toHaveProperty('kind');
  });

  it('refuses a relationship type or property name outside the allow-list', () => {
    expect(() => relationshipList(spec({ types: ['PARTNER_OF]-() DETACH DELETE n //' as never] }), ['x'])).toThrow(/Not a relationship type of the model/);
    expect(() => relationshipList(spec({ keys: ['kind} RETURN 1 //'] }), ['x'])).toThrow(/Not a property name/);
  });
});
