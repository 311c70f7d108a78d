import type { CypherQuery } from '../db/cypher-query';
import type { Database, Runner } from '../db/database';
import { ENTITY_LABEL } from '../model/entity-types';
import { SeedLoadError } from './seed-load-error';

/**
 * The load lock: the one node the loader writes outside the model. A load in one transaction takes it first, so that
 * concurrent loads are serialized (the second waits, then sees what the first wrote). A bulk load, too large for one
 * transaction, holds a lease on it instead: a heartbeat renewed after every batch, which keeps other loads out, and
 * which, once older than the load timeout, marks the bulk load as abandoned so that the next load removes what it wrote.
 */
export const SEED_LOCK_LABEL = 'SeedLoadLock';
const LOCK = `(lock:${SEED_LOCK_LABEL} {id: 'seed'})`;

const statement = (cypher: string, params: Record<string, unknown> = {}): CypherQuery => ({ cypher, params });

/** Inside a load's transaction: takes the lock and returns the lease a bulk load holds, if any. */
const TAKE = statement(`MERGE ${LOCK} SET lock.lockedAt = datetime() RETURN lock.bulkLoadHeartbeat AS since`);
/** Takes the lease when free; says whether it was taken and since when the holder has held it. */
const TAKE_LEASE = statement(
  `MERGE ${LOCK} WITH lock, lock.bulkLoadHeartbeat IS NULL AS free ` +
    'SET lock.lockedAt = datetime(), lock.bulkLoadHeartbeat = CASE WHEN free THEN datetime() ELSE lock.bulkLoadHeartbeat END ' +
    'RETURN free AS taken, lock.bulkLoadHeartbeat AS since',
);
const RENEW_LEASE = statement(`MATCH ${LOCK} SET lock.bulkLoadHeartbeat = datetime()`);
const RELEASE_LEASE = statement(`MATCH ${LOCK} REMOVE lock.bulkLoadHeartbeat`);
const READ_LEASE = (staleMs: number) =>
  statement(
    `MATCH ${LOCK} WHERE lock.bulkLoadHeartbeat IS NOT NULL ` +
      'RETURN lock.bulkLoadHeartbeat AS since, lock.bulkLoadHeartbeat < datetime() - duration({milliseconds: $staleMs}) AS stale',
    { staleMs },
  );
const HAS_SEED_DATA = statement(`RETURN EXISTS { MATCH (n:${ENTITY_LABEL}) WHERE n.seedManaged = true } AS seeded`);
// Batched deletes, for an auto-commit transaction: what a failed or abandoned bulk load wrote.
const REMOVE_SEED_RELATIONSHIPS = 'MATCH ()-[r]->() WHERE r.seedManaged = true CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS';
const REMOVE_SEED_NODES = `MATCH (n:${ENTITY_LABEL}) WHERE n.seedManaged = true CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`;

/** Every statement of the lock, for the tests that check them without a database. */
export const LOCK_STATEMENTS = { TAKE, TAKE_LEASE, RENEW_LEASE, RELEASE_LEASE, HAS_SEED_DATA };

function busy(since: unknown, staleMs: number): SeedLoadError {
  return new SeedLoadError(
    `A bulk seed load has held the graph since ${String(since)} (its last batch); loading now would mix with it, so nothing was written.`,
    `Wait for it to finish; if it was interrupted, it counts as abandoned ${staleMs} ms (NEO4J_LOAD_TIMEOUT_MS) after its last batch, ` +
      'and the next load then removes the part it wrote.',
  );
}

/** Takes the lock inside a load's transaction; throws when a bulk load holds the lease (nothing is written then). */
export async function takeLoadLock(run: Runner, staleMs: number): Promise<void> {
  const [row] = await run<{ since: unknown }>(TAKE);
  if (row?.since != null) throw busy(row.since, staleMs);
}

/** Whether the graph holds any seed-managed data (a bulk load may only start from none). */
export async function hasSeedData(db: Database): Promise<boolean> {
  const [row] = await db.query<{ seeded: boolean }>(HAS_SEED_DATA);
  return row!.seeded;
}

async function removeSeedData(db: Database, timeoutMs: number): Promise<void> {
  await db.autoCommit(REMOVE_SEED_RELATIONSHIPS, {}, timeoutMs);
  await db.autoCommit(REMOVE_SEED_NODES, {}, timeoutMs);
}

/**
 * Before any load: throws if a bulk load is running; if one was interrupted (its lease is older than `staleMs`),
 * removes what it wrote, which restores the graph it started from, and clears the lease.
 */
export async function settleBulkLease(db: Database, staleMs: number): Promise<void> {
  const [lease] = await db.query<{ since: unknown; stale: boolean }>(READ_LEASE(staleMs));
  if (!lease) return;
  if (!lease.stale) throw busy(lease.since, staleMs);
  await removeSeedData(db, staleMs);
  await db.write(RELEASE_LEASE.cypher);
}

const reason = (error: unknown) => (error instanceof Error ? error.message.trim() : String(error));

/**
 * Runs `write` under the lease, with a runner whose every statement is its own transaction and renews the lease. If
 * anything fails, removes what was written and releases the lease, then throws a SeedLoadError that starts with `what`.
 */
export async function withBulkLease(db: Database, staleMs: number, what: string, write: (run: Runner) => Promise<void>): Promise<void> {
  const [taken] = await db.write<{ taken: boolean; since: unknown }>(TAKE_LEASE.cypher);
  if (!taken!.taken) throw busy(taken!.since, staleMs);
  const release = () => db.write(RELEASE_LEASE.cypher);
  // Checked again under the lease: a single-transaction load may have committed seed data just before it was taken.
  if (await hasSeedData(db)) {
    await release();
    throw new SeedLoadError(`${what} was to start from a graph without seed data, but another load wrote some meanwhile; nothing was written.`, 'Load again.');
  }
  const run: Runner = async <R>(query: CypherQuery) => {
    const rows = await db.write(query.cypher, query.params);
    await db.write(RENEW_LEASE.cypher);
    return rows as R[];
  };
  try {
    await write(run);
  } catch (error) {
    try {
      await removeSeedData(db, staleMs);
    } catch (cleanup) {
      // The lease stays: the next load finds it abandoned and removes what this one wrote.
      throw new SeedLoadError(
        `${what} failed (${reason(error)}), and removing the batches already written failed too (${reason(cleanup)}), so the graph holds part of the load.`,
        `The next load removes that part first, once the lease is abandoned (${staleMs} ms, NEO4J_LOAD_TIMEOUT_MS, after the last batch).`,
      );
    }
    await release();
    throw new SeedLoadError(`${what} failed (${reason(error)}). The batches already written were removed again, so the graph is as it was.`);
  }
  await release();
}
