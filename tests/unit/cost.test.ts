import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse } from 'graphql';
import { queryCost } from '../../src/graphql/cost';
import { QUERY_LIMITS } from '../../src/graphql/limits';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { PROJECT_ROOT } from '../../src/project-root';

const schema = buildASTSchema(loadTypeDefs());
const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(query), undefined, variables);

describe('queryCost', () => {
  it('counts default list sizes, multiplied down the nesting', () => {
    // relationships returns up to 100 by default; five levels of it are 100 + 100^2 + ... + 100^5.
    const abusive =
      '{ entity(id: "x") { relationships { id to { relationships { id to { relationships { id to { relationships { id to { relationships { id to { id } } } } } } } } } } } }';
    // Each level's relationships and their `to` ends: 1 + 2 * (100 + 100^2 + 100^3 + 100^4 + 100^5).
    expect(cost(abusive)).toBe(1 + 2 * (100 + 100 ** 2 + 100 ** 3 + 100 ** 4 + 100 ** 5));
    expect(cost(abusive)).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('reads sizes from variables and from their defaults alike', () => {
    const query = 'query($f: Int) { entity(id: "x") { relationships(first: $f) { to { relationships(first: $f) { id } } } } }';
    expect(cost(query, { f: 10 })).toBe(1 + 10 + 10 + 100);
    expect(cost(query, {})).toBe(cost('{ entity(id: "x") { relationships { to { relationships { id } } } } }'));
    expect(cost(query, { f: 100 })).toBe(cost('{ entity(id: "x") { relationships(first: 100) { to { relationships(first: 100) { id } } } } }'));
  });

  it('never costs more for asking less', () => {
    const fewer = '{ entities(first: 20) { edges { node { id relationships(first: 20) { type to { id } evidence { quote } } } } } }';
    const defaults = '{ entities(first: 20) { edges { node { id relationships { type to { id } evidence { quote } } } } } }';
    expect(cost(fewer)).toBeLessThan(cost(defaults));
    // A connection's edges take the connection's page size.
    expect(cost('{ entities(first: 7) { edges { node { id } } } }')).toBe(1 + 7 + 7);
  });

  it('follows fragments and inline fragments', () => {
    const spread = 'query { entity(id: "x") { ...F } } fragment F on Entity { ... on Organization { partners { to { id } } } }';
    expect(cost(spread)).toBe(1 + 200 + 200);
  });

  it('lets every README example through', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n# Example: [\w-]+\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) expect(cost(example)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });
});
