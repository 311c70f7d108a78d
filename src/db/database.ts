import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Env } from '../config/env';
import { Availability } from './availability';
import { databasePassword } from './credentials';
import { unavailableError } from './driver-errors';
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
    /** How long a read may wait for a database that does not answer (NEO4J_MAX_RETRY_MS), query time excluded. */
    private readonly maxWaitMs: number = 3_000,
    /** Shared by every Database over the same driver: reads fail at once while the database is known to be down. */
    readonly availability: Availability = new Availability(() => probe(driver, name)),
  ) {}

  /** The same database with another per-query timeout, for long reads such as a dry run's diff of a large graph. */
  withQueryTimeout(timeoutMs: number): Database {
    return new Database(this.driver, this.name, timeoutMs, this.maxWaitMs, this.availability);
  }

  /**
   * Runs one read query in a read transaction (routed to a reader in a cluster). During an outage it fails at once
   * (see availability.ts) or, when the outage begins, after at most maxWaitMs of waiting: the driver's retries are
   * spaced with jitter and can outlast their own limit, and a query cut by a lost connection retries too, so the wait
   * is bounded here. Time spent running the query does not count, so a long but healthy query is never cut.
   */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    this.availability.check();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    const deadline = new WaitDeadline(this.maxWaitMs);
    try {
      const work = session.executeRead(
        async (tx) => {
          deadline.pause();
          try {
            return await this.run<R>(tx, cypher, params);
          } finally {
            deadline.resume();
          }
        },
        { timeout: this.queryTimeoutMs },
      );
      const result = await Promise.race([work, deadline.expired]);
      return result.records.map((record) => record.toObject() as R);
    } catch (error) {
      this.availability.observe(error);
      throw error;
    } finally {
      deadline.clear();
      // Not awaited when the deadline won: the driver may still be retrying, and the caller must not wait for it.
      session.close().catch(() => undefined);
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

  /** Whether the database answers a trivial query now (at once false while it is known to be down). */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.availability.stop();
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

/**
 * A budget of time to wait for the database, spent only while no transaction attempt runs (connecting, waiting
 * between retries); `expired` rejects when it is spent.
 */
class WaitDeadline {
  readonly expired: Promise<never>;
  private timer: NodeJS.Timeout | undefined;
  private reject!: (error: Error) => void;
  private remainingMs: number;
  private since = 0;

  constructor(limitMs: number) {
    this.remainingMs = limitMs;
    this.expired = new Promise<never>((_, reject) => (this.reject = reject));
    this.expired.catch(() => undefined);
    this.resume();
  }

  /** A transaction attempt starts: its running time is not waiting. */
  pause(): void {
    clearTimeout(this.timer);
    this.remainingMs -= Date.now() - this.since;
  }

  /** Waiting again (the attempt ended, perhaps to be retried). */
  resume(): void {
    this.since = Date.now();
    // The error is built only when the deadline passes: building a driver error per query showed in the API's profile.
    this.timer = setTimeout(() => this.reject(unavailableError('The database did not answer within NEO4J_MAX_RETRY_MS')), Math.max(0, this.remainingMs));
    this.timer.unref();
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/** One auto-commit `RETURN 1`, without the driver's retries: the availability probe. */
async function probe(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('RETURN 1');
  } finally {
    await session.close();
  }
}

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
  return new Database(driver, env.NEO4J_DATABASE, env.NEO4J_QUERY_TIMEOUT_MS, env.NEO4J_MAX_RETRY_MS);
}
