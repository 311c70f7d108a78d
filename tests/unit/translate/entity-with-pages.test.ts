import { entityWithPages, type PagePlan } from '../../../src/graphql/translate/entity-with-pages';
import { NO_FILTERS, relationshipList, type RelationshipSpec } from '../../../src/graphql/translate/relationship-list';

// Checks the generated Cypher without a database, in the manner of @neo4j/graphql's TCK tests.

const spec = (over: Partial<RelationshipSpec> = {}): RelationshipSpec => ({
  types: ['PARTNER_OF'],
  direction: 'OUTGOING',
  asOf: null,
  filters: NO_FILTERS,
  orderBy: 'NAME',
  skip: 0,
  first: 100,
  count: false,
  keys: [],
  endKeys: ['id', 'name'],
  ...over,
});

describe('entityWithPages', () => {
  const participations: PagePlan = {
    spec: spec({ types: ['PARTICIPATED_IN'], first: 200, asOf: '2019', filters: { ...NO_FILTERS, role: 'speaker' }, count: true }),
    labels: ['Organization', 'Person'],
    children: [],
  };
  const partners: PagePlan = { spec: spec(), labels: null, children: [participations] };

  it('reads the entity and each page in one statement, a page of the other ends nested in each relationship', () => {
    // Each row carries what its spec leaves open (fixedTupleParts), then the pages of its other end.
    const { cypher } = entityWithPages('org:ichei', [partners]);
    expect(cypher).toBe(
      'MATCH (n:Entity {id: $id}) RETURN {labels: labels(n), props: CASE WHEN n:Document THEN n {.' +
        cypher.split('THEN n {.')[1]!.split('}')[0] +
        '} ELSE properties(n) END} AS node, [' +
        '[COLLECT { MATCH (n)-[r0:PARTNER_OF]->(m0) WHERE true AND true ' +
        'WITH r0, m0, m0.id AS mId0, m0.name AS mName0 ORDER BY mName0, mId0, coalesce(r0.seedKey, elementId(r0)) SKIP $p0_skip LIMIT $p0_first + 1 ' +
        'RETURN [mId0, [mId0, mName0], ' +
        'CASE WHEN m0:Organization OR m0:Person THEN [COLLECT { MATCH (m0)-[r1:PARTICIPATED_IN]->(m1) ' +
        'WHERE ((r1.validFromDay IS NULL OR r1.validFromDay <= $p1_asOfEnd) AND (r1.validToDay IS NULL OR r1.validToDay >= $p1_asOfStart)) AND r1.role = $p1_role ' +
        'WITH r1, m1, m1.id AS mId1, m1.name AS mName1 ORDER BY mName1, mId1, coalesce(r1.seedKey, elementId(r1)) SKIP $p1_skip LIMIT $p1_first + 1 ' +
        'RETURN [mId1, labels(m1), [mId1, mName1]] }, ' +
        'COUNT { MATCH (m0)-[r1:PARTICIPATED_IN]->(m1) WHERE ((r1.validFromDay IS NULL OR r1.validFromDay <= $p1_asOfEnd) AND (r1.validToDay IS NULL OR r1.validToDay >= $p1_asOfStart)) AND r1.role = $p1_role }] END] }, null]' +
        '] AS pages',
    );
  });

  it('gives every page its own parameters, every value a parameter', () => {
    const { params } = entityWithPages('org:ichei', [partners, { ...participations, children: [] }]);
    expect(Object.keys(params).sort()).toEqual(
      [
        'id',
        'p0_first',
        'p0_skip',
        'p1_asOfEnd',
        'p1_asOfStart',
        'p1_first',
        'p1_role',
        'p1_skip',
        'p2_asOfEnd',
        'p2_asOfStart',
        'p2_first',
        'p2_role',
        'p2_skip',
      ].sort(),
    );
    expect(params).toMatchObject({ id: 'org:ichei', p1_role: 'speaker', p1_asOfStart: '2019-01-01', p1_asOfEnd: '2019-12-31' });
    expect(params.p1_first).toEqual(expect.objectContaining({ low: 200 }));
  });

  it('sorts and cuts each page as relationshipList does, so that both give the same page', () => {
    const page = spec({ orderBy: 'DEFAULT', types: ['HAS_THEME', 'AIMS_AT'], keys: ['seedKey', 'order'] });
    const single = relationshipList(page, ['x']).cypher;
    const nested = entityWithPages('x', [{ spec: page, labels: null, children: [] }]).cypher;
    const orderOf = (cypher: string) => cypher.split(' ORDER BY ')[1]!.split(' SKIP ')[0]!.replace(/\d/g, '');
    expect(orderOf(nested)).toBe(orderOf(single));
  });

  it('refuses a label outside the allow-list', () => {
    expect(() => entityWithPages('x', [{ ...partners, labels: ['Organization) DETACH DELETE n //' as never] }])).toThrow(/Not a label of the model/);
  });
});
