import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, printSchema, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** The most bad variable values reported, as graphql-js's coercion reports. */
const MAX_VARIABLE_ERRORS = 50;

/** How many compiled documents are kept: the API's clients send a few query shapes, each compiled once. */
export const COMPILED_DOCUMENTS = 500;

/**
 * graphql-jit's error as an ordinary GraphQLError: Apollo's plugins (graphql-armor's masking) rewrite messages, and
 * the API's error formatting reads the original error's code; its locations are kept as graphql-jit found them.
 */
function plainError(error: GraphQLError, variablesRejected: boolean): GraphQLError {
  const plain = new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    extensions: { ...error.extensions, ...(variablesRejected ? { code: 'BAD_USER_INPUT' } : {}) },
  });
  if (error.locations) Object.assign(plain, { locations: error.locations });
  return plain;
}

/**
 * Apollo Server's gateway interface (its supported way to bring an executor) serving one local schema, executed by
 * graphql-jit: each operation is compiled once into a function and the function kept, keyed by the document's hash
 * and operation name. Parsing, validation, plugins and error formatting stay Apollo's.
 */
export function compiledExecution(schema: GraphQLSchema, maxDocuments = COMPILED_DOCUMENTS): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery>({ max: maxDocuments });
  const executor: GatewayExecutor = async (request) => {
    const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(request.schema, request.document, request.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      compiled.set(key, query);
    }
    const result = await query.query(undefined, request.context, request.request.variables ?? {});
    if (!result.errors) return result;
    // No data at all: the variables did not coerce, a client's mistake (graphql-js's execute, which Apollo calls
    // otherwise, reports these as BAD_USER_INPUT).
    const variablesRejected = !('data' in result);
    const errors = result.errors.map((error) => plainError(error, variablesRejected));
    // graphql-js stops at 50 bad variable values; graphql-jit lists them all, which a client could use to make a
    // small request answer with megabytes. The same cap, and the same closing error, as graphql-js.
    if (variablesRejected && errors.length > MAX_VARIABLE_ERRORS) {
      return {
        errors: [...errors.slice(0, MAX_VARIABLE_ERRORS), new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.')],
      };
    }
    return { ...result, errors };
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
