import { buildASTSchema, parse } from 'graphql';
import { queryCost } from '../../src/graphql/cost';
import { QUERY_LIMITS } from '../../src/graphql/limits';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { handbookExamples } from '../../src/workbench/handbook';

const schema = buildASTSchema(loadTypeDefs());
const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(query), undefined, variables);

describe('queryCost', () => {
  it('counts default list sizes, multiplied down the nesting', () => {
    // A relationship connection pages 20 by default; five levels of its nodes and their `to` ends.
    const level = (inner: string) => `relationships { nodes { id to { ${inner} } } }`;
    const abusive = `{ entity(id: "x") { ${level(level(level(level(level('id')))))} } }`;
    // Per level L: the connection object (20^(L-1)), its nodes and their ends (20^L each).
    const expected = 1 + [1, 2, 3, 4, 5].reduce((sum, l) => sum + 20 ** (l - 1) + 2 * 20 ** l, 0);
    expect(cost(abusive)).toBe(expected);
    expect(cost(abusive)).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('reads sizes from variables and from their defaults alike', () => {
    const query = 'query($f: Int) { entity(id: "x") { relationships(first: $f) { nodes { to { relationships(first: $f) { nodes { id } } } } } } }';
    expect(cost(query, { f: 10 })).toBe(1 + 1 + 10 + 10 + 10 + 100);
    expect(cost(query, {})).toBe(cost('{ entity(id: "x") { relationships { nodes { to { relationships { nodes { id } } } } } } }'));
    expect(cost(query, { f: 100 })).toBe(
      cost('{ entity(id: "x") { relationships(first: 100) { nodes { to { relationships(first: 100) { nodes { id } } } } } } }'),
    );
  });

  it('never costs more for asking less', () => {
    const fewer = '{ entities(first: 20) { edges { node { id relationships(first: 5) { nodes { type to { id } evidence { quote } } } } } } }';
    const defaults = '{ entities(first: 20) { edges { node { id relationships { nodes { type to { id } evidence { quote } } } } } } }';
    expect(cost(fewer)).toBeLessThan(cost(defaults));
    // A connection's edges (and nodes) take the connection's page size.
    expect(cost('{ entities(first: 7) { edges { node { id } } } }')).toBe(1 + 7 + 7);
    expect(cost('{ entity(id: "x") { relationships(first: 7) { edges { node { id } } nodes { id } } } }')).toBe(1 + 1 + 7 + 7 + 7);
  });

  it('follows fragments and inline fragments', () => {
    const spread = 'query { entity(id: "x") { ...F } } fragment F on Entity { ... on Organization { partners { nodes { to { id } } } } }';
    expect(cost(spread)).toBe(1 + 1 + 20 + 20);
  });

  it('lets every example of the handbook through', () => {
    const examples = handbookExamples();
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) expect(cost(example.query, example.variables)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });
});
