import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Env } from '../config/env';
import { databasePassword } from './credentials';
import type { CypherQuery } from './cypher-query';

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

  /** Runs a query built by a Cypher builder in a read transaction. */
  query<R extends RecordShape = RecordShape>(query: CypherQuery): Promise<R[]> {
    return this.read<R>(query.cypher, query.params);
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

  /** Runs `work` in one write transaction, giving it a Runner that returns rows. */
  async rowTransaction<T>(work: (run: Runner) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.writeTransaction(
      (_tx, run) => work(async <R>(query: CypherQuery) => (await run(query.cypher, query.params)).records.map((record) => record.toObject() as R)),
      timeoutMs,
    );
  }

  /** A Runner that reads, each statement in its own read transaction (a dry run's diff uses it). */
  readRunner(): Runner {
    return <R>(query: CypherQuery) => this.read(query.cypher, query.params) as Promise<R[]>;
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

/** Runs one built statement and returns its rows as plain objects: the unit of work the seed loader writes with. */
export type Runner = <R = Record<string, unknown>>(query: CypherQuery) => Promise<R[]>;

/** Opens the process's driver: bounded retry and connection times so that an outage is reported quickly. */
export function openDatabase(env: Env, uri: string): Database {
  const driver = neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER, databasePassword(env).password), {
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
