import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import { compiledExecution } from '../../src/graphql/compiled-executor';

// The API executes with graphql-jit behind Apollo's gateway interface; what it must keep of graphql-js's behaviour.

const schema = makeExecutableSchema({
  typeDefs: 'enum Kind { A B } type Item { id: ID! label: String } type Query { items(kinds: [Kind!]): [Item!]! fails: String }',
  resolvers: {
    Query: {
      items: (_root: unknown, args: { kinds: string[] | null }, ctx: { calls: number }) => {
        ctx.calls++;
        // As the API's records: a field without a resolver is its source's own property.
        return (args.kinds ?? ['A']).map((kind, i) => ({ id: `${kind}${i}`, label: `item ${i}` }));
      },
      fails: () => {
        throw Object.assign(new Error('no such thing'), { extensions: { code: 'BAD_USER_INPUT' } });
      },
    },
  },
});

async function executorOf(): Promise<GatewayExecutor> {
  const gateway = compiledExecution(schema);
  let apiSchema: unknown;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: s }) => (apiSchema = s));
  expect(apiSchema).toBe(schema);
  return (await gateway.load({ apollo: {} })).executor!;
}

const request = (query: string, variables: Record<string, unknown>, context: { calls: number }, operationName?: string) =>
  ({
    document: parse(query),
    queryHash: query,
    operationName: null,
    request: { query, variables, operationName },
    context,
    schema,
  }) as unknown as GatewayGraphQLRequestContext;

describe('compiled execution', () => {
  it('answers as graphql-js does, reading fields from their sources, for every request of a cached document', async () => {
    const execute = await executorOf();
    const context = { calls: 0 };
    const query = 'query($k: [Kind!]) { items(kinds: $k) { id label } }';
    const first = await execute(request(query, { k: ['A', 'B'] }, context));
    const second = await execute(request(query, { k: ['B'] }, context));
    expect(first).toEqual({
      data: {
        items: [
          { id: 'A0', label: 'item 0' },
          { id: 'B1', label: 'item 1' },
        ],
      },
    });
    expect(second).toEqual({ data: { items: [{ id: 'B0', label: 'item 0' }] } });
    expect(context.calls).toBe(2);
  });

  it('gives errors Apollo can reshape, with their path, locations and original error', async () => {
    const execute = await executorOf();
    const { errors } = await execute(request('{ fails }', {}, { calls: 0 }));
    const error = errors![0]!;
    expect(Object.isFrozen(error)).toBe(false);
    expect(() => Object.assign(error, { message: 'masked' })).not.toThrow();
    expect(error.path).toEqual(['fails']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
    expect((error.originalError as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports bad variables as the client’s, at most 50 of them, as graphql-js does', async () => {
    const execute = await executorOf();
    const result = await execute(request('query($k: [Kind!]) { items(kinds: $k) { id } }', { k: Array(100).fill('NOPE') }, { calls: 0 }));
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(51);
    expect(result.errors!.slice(0, 50).every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    expect(result.errors![50]!.message).toBe('Too many errors processing variables, error limit reached. Execution aborted.');
  });

  it.each([
    [
      'names an operation the document lacks',
      'query A { items { id } } query B { items { id } }',
      'Nope',
      /no operation named "Nope": set operationName to one of its operations \(A, B\)/,
    ],
    [
      'names one when the only operation is anonymous',
      '{ items { id } }',
      'Nope',
      /no operation named "Nope": its one operation has no name\. Leave operationName out/,
    ],
    [
      'names none of several',
      'query A { items { id } } query B { items { id } }',
      undefined,
      /2 operations \(A, B\) and the request names none: set operationName/,
    ],
  ])('refuses a request that %s, running nothing, even once the document is compiled', async (_name, query, operationName, message) => {
    const execute = await executorOf();
    const context = { calls: 0 };
    // The document compiled for the operation Apollo resolved (or, as Apollo passes it, null) must not answer instead.
    if (operationName) await execute(request(query, {}, context, query.startsWith('{') ? undefined : 'A'));
    const calls = context.calls;
    const result = await execute(request(query, {}, context, operationName));
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toMatch(message);
    expect(result.errors![0]!.extensions).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(context.calls).toBe(calls);
  });

  it('lists at most ten operation names and repeats at most 100 characters of the name asked for', async () => {
    const execute = await executorOf();
    const query = Array.from({ length: 12 }, (_, i) => `query Q${i} { items { id } }`).join(' ');
    const { errors } = await execute(request(query, {}, { calls: 0 }, 'x'.repeat(5_000)));
    expect(errors![0]!.message).toMatch(/"x{100}\.\.\.".*\(Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9 and 2 more\)/);
  });
});
