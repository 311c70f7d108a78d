import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { getOperationAST, GraphQLError, Kind, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from './errors';

/** The most bad variable values reported, as graphql-js's coercion reports. */
const MAX_VARIABLE_ERRORS = 50;

/** How many compiled documents are kept: the API's clients send a few query shapes, each compiled once. */
export const COMPILED_DOCUMENTS = 500;

/** How many of a document's operation names an error lists, and how much of a client's operationName it repeats. */
const NAMES_LISTED = 10;
const NAME_ECHOED = 100;

/**
 * Why the request's operationName (the client's, not the one Apollo resolved) picks no operation of the document,
 * naming the operations to choose from; undefined when it picks one.
 */
function operationProblem(document: DocumentNode, operationName: string | null | undefined): GraphQLError | undefined {
  if (getOperationAST(document, operationName)) return undefined;
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
  const listed = names.slice(0, NAMES_LISTED).join(', ') + (names.length > NAMES_LISTED ? ` and ${names.length - NAMES_LISTED} more` : '');
  const asked = JSON.stringify(operationName && operationName.length > NAME_ECHOED ? `${operationName.slice(0, NAME_ECHOED)}...` : operationName);
  const message =
    names.length === 0
      ? 'The document has no operation to run: send a query operation.'
      : !operationName
        ? `The document has ${names.length} operations (${listed}) and the request names none: set operationName to the one to run.`
        : names.length === 1 && names[0] === '(anonymous)'
          ? `The document has no operation named ${asked}: its one operation has no name. Leave operationName out, or give the operation that name.`
          : `The document has no operation named ${asked}: set operationName to one of its operations (${listed}).`;
  return new GraphQLError(message, { extensions: { code: ErrorCode.OPERATION_RESOLUTION_FAILURE } });
}

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
    // Apollo passes the operation name it resolved, null for a name the document lacks; compiling with that would run
    // the document's only operation instead of refusing the request.
    const problem = operationProblem(request.document, request.request.operationName);
    if (problem) return { errors: [problem] };
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
