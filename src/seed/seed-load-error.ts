/** Raised when the database refuses a load as a whole; the load is one transaction, so nothing was written. */
export class SeedLoadError extends Error {
  override readonly name = 'SeedLoadError';
}

// Neo4j's codes for a transaction that outgrew its own memory limit or the server's limit for all transactions.
const TRANSACTION_MEMORY_CODES = new Set(['Neo.ClientError.General.TransactionOutOfMemoryError', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError']);

const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.ClientError.Transaction.TransactionTimedOut']);

/**
 * Turns a load the database refused as a whole, for lack of transaction memory or time, into a SeedLoadError that
 * says what to change; other errors pass through.
 */
export function explainLoadFailure(error: unknown, load: { nodes: number; relationships: number; timeoutMs: number }): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const reason = error instanceof Error ? error.message.trim() : code;
  const what = `Loading ${load.nodes} nodes and ${load.relationships} relationships`;
  if (TIMEOUT_CODES.has(code)) {
    return new SeedLoadError(
      `${what} did not finish within ${load.timeoutMs} ms (${reason}). Nothing was written: a load is one transaction, so ` +
        'the graph is as it was. Raise NEO4J_LOAD_TIMEOUT_MS and load again.',
    );
  }
  if (!TRANSACTION_MEMORY_CODES.has(code)) return error;
  return new SeedLoadError(
    `${what} needs more transaction memory than the Neo4j server allows ` +
      `(${reason}). Nothing was written: a load is one transaction, so the graph is as it was. Give the server more memory and load ` +
      'again: NEO4J_HEAP for the server this project starts (dbms.memory.transaction.total.max defaults to 70% of the heap), ' +
      'or raise db.memory.transaction.max and dbms.memory.transaction.total.max on your own server.',
  );
}
