import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { classifyDriverError } from '../db/driver-errors';

/**
 * Every code a client can find in `errors[].extensions.code`, from GraphQL and from the HTTP layer alike: the API's
 * public contract (the handbook's docs/querying.md lists them all; a test keeps the two in step).
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  NESTING_LIMIT_EXCEEDED = 'NESTING_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED',
  RESULT_LIMIT_EXCEEDED = 'RESULT_LIMIT_EXCEEDED',
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** An argument a client sent is wrong; the message names it. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
  }
}

/** The client asked for an id that is not in the graph. */
export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`No ${what} with id "${id}"`, { extensions: { code: ErrorCode.NOT_FOUND, id } });
  }
}

/** What a client reads for a database failure, by the driver error's kind; other kinds are internal errors. */
const DATABASE_ANSWERS = {
  unavailable: { code: ErrorCode.DATABASE_UNAVAILABLE, message: 'The database is unavailable; try again shortly.' },
  timeout: { code: ErrorCode.DATABASE_TIMEOUT, message: 'The database query took too long and was stopped; narrow the query.' },
  out_of_memory: { code: ErrorCode.QUERY_TOO_LARGE, message: 'The database ran out of memory for this query; narrow the query.' },
} as const;

/** The logger the API writes to: Apollo's logger interface, which pino's (fastify's) and the console both fit. */
export interface ApiLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Shapes every GraphQL error a client sees: our own codes pass through, database failures get a clear code, anything
 * else (including a code outside ErrorCode) becomes a generic internal error that is logged. Stack traces and driver
 * internals never leave the server.
 */
export function createFormatError(logger: Pick<ApiLogger, 'error'>) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const kind = classifyDriverError(original);
    const answer = kind && kind in DATABASE_ANSWERS ? DATABASE_ANSWERS[kind as keyof typeof DATABASE_ANSWERS] : undefined;
    if (answer) return { ...strip(formatted), message: answer.message, extensions: { code: answer.code } };
    const code = formatted.extensions?.code;
    if (!kind && typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // graphql-js and Apollo raise a few errors about the request itself without a code (too many invalid variable
    // values, for one); they come from no resolver and say nothing of the server, so they are the client's.
    if (original instanceof GraphQLError && !original.originalError && !original.path) {
      return { ...strip(formatted), extensions: { code: ErrorCode.BAD_REQUEST } };
    }
    logger.error(`internal error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return { ...strip(formatted), message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

function strip(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
