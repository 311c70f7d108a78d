import { Neo4jError } from 'neo4j-driver';

/** What went wrong with a database call, as far as a caller needs to know to answer or advise. */
export type DriverErrorKind = 'unavailable' | 'timeout' | 'out_of_memory' | 'client_error' | 'server_error';

// Transaction time limits: the one a query sets, the server's own, and the lock wait a timed-out query is stopped in.
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);
// A transaction that outgrew its own memory limit or the server's limit for all transactions.
const MEMORY_CODES = new Set(['Neo.ClientError.General.TransactionOutOfMemoryError', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError']);
// The driver's codes for a server it cannot reach, and 'N/A' for the errors it raises itself before any server
// answered (a connection pool that gave up waiting, with the database saturated or gone).
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'N/A']);

/**
 * Classifies a neo4j-driver error by the driver's own properties (`code`, `retryable`), never by its message; returns
 * undefined for anything that is not a Neo4jError.
 */
export function classifyDriverError(error: unknown): DriverErrorKind | undefined {
  if (!(error instanceof Neo4jError)) return undefined;
  const code = error.code;
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (MEMORY_CODES.has(code)) return 'out_of_memory';
  // Retryable errors are transient by definition: the database is restarting, busy or briefly out of reach.
  if (UNAVAILABLE_CODES.has(code) || error.retryable) return 'unavailable';
  if (code.startsWith('Neo.ClientError.')) return 'client_error';
  return 'server_error';
}

/** A driver error meaning "the database cannot be reached", for waits the project itself gives up on. */
export function unavailableError(message: string): Neo4jError {
  return new Neo4jError(message, 'ServiceUnavailable', '08000', 'error: connection exception');
}
