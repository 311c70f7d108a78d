import { Neo4jError } from 'neo4j-driver';
import { explainLoadFailure, SeedLoadError } from '../../src/seed/seed-load-error';

const neo4jError = (code: string, message: string) => new Neo4jError(message, code, '50N42', 'error');

describe('explainLoadFailure', () => {
  it.each([
    ['the server-wide limit', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'dbms.memory.transaction.total.max threshold reached'],
    ['the per-transaction limit', 'Neo.ClientError.General.TransactionOutOfMemoryError', 'The transaction used more memory than was allowed.'],
  ])('says that nothing was written and what to change when a load outgrows %s', (_name, code, reason) => {
    const explained = explainLoadFailure(neo4jError(code, reason), { nodes: 150_000, relationships: 3_000_000, timeoutMs: 1_800_000 });
    expect(explained).toBeInstanceOf(SeedLoadError);
    const message = (explained as Error).message;
    expect(message).toContain('Loading 150000 nodes and 3000000 relationships needs more transaction memory');
    expect(message).toContain(reason);
    expect(message).toContain('Nothing was written');
    expect((explained as SeedLoadError).hint).toContain('NEO4J_HEAP');
  });

  it('says that nothing was written and which setting to raise when a load runs out of time', () => {
    const timedOut = neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has not completed within the timeout');
    const explained = explainLoadFailure(timedOut, { nodes: 10, relationships: 20, timeoutMs: 120_000 });
    expect(explained).toBeInstanceOf(SeedLoadError);
    expect((explained as Error).message).toMatch(/^Loading 10 nodes and 20 relationships did not finish within 120000 ms \(The transaction has not completed/);
    expect((explained as Error).message).toContain('Nothing was written');
    expect((explained as SeedLoadError).hint).toContain('NEO4J_LOAD_TIMEOUT_MS');
  });

  it('passes every other error through untouched', () => {
    const other = neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed', 'already exists');
    expect(explainLoadFailure(other, { nodes: 1, relationships: 1, timeoutMs: 1 })).toBe(other);
    const plain = new Error('connection reset');
    expect(explainLoadFailure(plain, { nodes: 1, relationships: 1, timeoutMs: 1 })).toBe(plain);
    expect(explainLoadFailure(null, { nodes: 1, relationships: 1, timeoutMs: 1 })).toBeNull();
  });
});
