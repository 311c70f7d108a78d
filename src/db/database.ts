import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Env } from '../config/env';

export type Params = Record<string, unknown>;

/** One driver per process, with reads and writes routed explicitly and the database always named. */
export class Database {
  /** Database round trips made through this object; tests use it to prove there is no N+1. */
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly queryTimeoutMs: number,
  ) {}

  /** The same database with another per-query timeout, for long reads such as a dry run's diff of a large graph. */
  withQueryTimeout(timeoutMs: number): Database {
    return new Database(this.driver, this.name, timeoutMs);
  }

  /** Runs one read query in a read transaction (routed to a reader in a cluster). */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => this.run<R>(tx, cypher, params), {
        timeout: this.queryTimeoutMs,
      });
      return result.records.map((record) => record.toObject() as R);
    } finally {
      await session.close();
    }
  }

  /** Runs a unit of work in one write transaction: all of it commits, or none of it does. */
  async writeTransaction<T>(work: (tx: ManagedTransaction, run: TxRunner) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work(tx, (cypher, params) => this.run(tx, cypher, params ?? {})),
        timeoutMs === undefined ? {} : { timeout: timeoutMs },
      );
    } finally {
      await session.close();
    }
  }

  /** Runs one schema or write statement in its own write transaction. */
  async write<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    return this.writeTransaction(async (_tx, run) => {
      const result = await run<R>(cypher, params);
      return result.records.map((record) => record.toObject() as R);
    });
  }

  /**
   * Runs one statement in an auto-commit transaction, which `CALL { ... } IN TRANSACTIONS` needs: each inner batch
   * commits on its own, so the statement as a whole is not atomic.
   */
  async autoCommit(cypher: string, params: Params = {}, timeoutMs?: number): Promise<void> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      this.roundTrips += 1;
      await session.run(cypher, params, timeoutMs === undefined ? {} : { timeout: timeoutMs });
    } finally {
      await session.close();
    }
  }

  /** Whether the database answers a trivial query now. */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private run<R extends RecordShape>(tx: ManagedTransaction, cypher: string, params: Params): Promise<QueryResult<R>> {
    this.roundTrips += 1;
    return tx.run<R>(cypher, params);
  }
}

export type TxRunner = <R extends RecordShape = RecordShape>(cypher: string, params?: Params) => Promise<QueryResult<R>>;

/** Opens the process's driver: bounded retry and connection times so that an outage is reported quickly. */
export function openDatabase(env: Env, uri: string): Database {
  const driver = neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER, env.NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: env.NEO4J_MAX_RETRY_MS,
    // Waiting for a pooled connection under load is not an outage; an outage fails on connectionTimeout instead.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 3_000,
    maxConnectionPoolSize: 64,
    logging: { level: 'error', logger: (_level, message) => console.error(`[neo4j-driver] ${message}`) },
  });
  return new Database(driver, env.NEO4J_DATABASE, env.NEO4J_QUERY_TIMEOUT_MS);
}
