import { classifyDriverError } from '../db/driver-errors';
import { AppError, ExitCode } from '../errors/app-error';

/** Raised when the database refuses a load as a whole, or another load is in the way; the message says what was written. */
export class SeedLoadError extends AppError {
  override readonly name = 'SeedLoadError';
  readonly code = 'SEED_LOAD_FAILED';
  readonly exitCode = ExitCode.TEMPORARY;
}

/**
 * Turns a load the database refused as a whole, for lack of transaction memory or time, into a SeedLoadError that
 * says what to change; other errors pass through.
 */
export function explainLoadFailure(error: unknown, load: { nodes: number; relationships: number; timeoutMs: number }): unknown {
  const kind = classifyDriverError(error);
  if (kind !== 'timeout' && kind !== 'out_of_memory') return error;
  const reason = (error as Error).message.trim();
  const what = `Loading ${load.nodes} nodes and ${load.relationships} relationships`;
  if (kind === 'timeout') {
    return new SeedLoadError(
      `${what} did not finish within ${load.timeoutMs} ms (${reason}). Nothing was written: a load is one transaction, so ` +
        'the graph is as it was.',
      'Raise NEO4J_LOAD_TIMEOUT_MS and load again.',
    );
  }
  return new SeedLoadError(
    `${what} needs more transaction memory than the Neo4j server allows ` +
      `(${reason}). Nothing was written: a load is one transaction, so the graph is as it was.`,
    'Give the server more memory and load again: NEO4J_HEAP for the server this project starts ' +
      '(dbms.memory.transaction.total.max defaults to 70% of the heap), or raise db.memory.transaction.max and ' +
      'dbms.memory.transaction.total.max on your own server.',
  );
}
