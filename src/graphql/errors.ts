import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The error codes of the API: its public contract with clients. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

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

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** Maps a database driver error to the API's code, or undefined when it is not a database error. */
export function databaseErrorCode(error: unknown): ErrorCode | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  // The driver's pool gives up waiting for a connection when the database is saturated.
  if (/Connection acquisition timed out/.test(String((error as { message?: unknown }).message))) return ErrorCode.DATABASE_UNAVAILABLE;
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General')) return ErrorCode.DATABASE_UNAVAILABLE;
  if (TIMEOUT_CODES.has(code)) return ErrorCode.DATABASE_TIMEOUT;
  if (code.startsWith('Neo.') || code === 'ProtocolError') return ErrorCode.INTERNAL_SERVER_ERROR;
  return undefined;
}

/**
 * Shapes every error a client sees: our own codes pass through, database failures get a clear code, anything else
 * becomes a generic internal error. Stack traces and driver internals never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const dbCode = databaseErrorCode(original);
  if (dbCode === ErrorCode.DATABASE_UNAVAILABLE) {
    return { ...strip(formatted), message: 'The database is unavailable; try again shortly.', extensions: { code: dbCode } };
  }
  if (dbCode === ErrorCode.DATABASE_TIMEOUT) {
    return { ...strip(formatted), message: 'The database query took too long and was stopped; narrow the query.', extensions: { code: dbCode } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[api] internal error:', original);
  return { ...strip(formatted), message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function strip(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
}
