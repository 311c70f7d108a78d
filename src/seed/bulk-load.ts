import type { Database } from '../db/database';
import { ENTITY_LABEL } from '../model/entity-types';
import { SeedLoadError } from './seed-load-error';

/**
 * Large initial loads. A load is one transaction, so that a failure leaves the graph as it was, but Neo4j cannot hold
 * a transaction of millions of rows in memory. A load into a graph without seed data is the exception: it is written
 * in batches of one transaction each, under a lease on the load lock, and if it fails every seed-managed node and
 * relationship is removed again, which is exactly the graph it started from. Readers see the graph fill up meanwhile.
 */

/** The one node the loader writes outside the model: a lock that serializes loads, and the bulk load's lease. */
export const SEED_LOCK_LABEL = 'SeedLoadLock';
export const LOCK_NODE = `(lock:${SEED_LOCK_LABEL} {id: 'seed'})`;

function releaseLease(db: Database): Promise<unknown> {
  return db.write(`MATCH ${LOCK_NODE} REMOVE lock.bulkLoadHeartbeat`);
}

/** Whether the graph holds any seed-managed data (a bulk load may only start from none). */
export async function hasSeedData(db: Database): Promise<boolean> {
  const [row] = await db.read<{ seeded: boolean }>(`RETURN EXISTS { MATCH (n:${ENTITY_LABEL}) WHERE n.seedManaged = true } AS seeded`);
  return row!.seeded;
}

function busy(since: unknown, staleMs: number): SeedLoadError {
  return new SeedLoadError(
    `A bulk seed load has held the graph since ${String(since)} (its last batch); loading now would mix with it, so nothing ` +
      `was written. Wait for it to finish; if it was interrupted, it counts as abandoned ${staleMs} ms (NEO4J_LOAD_TIMEOUT_MS) ` +
      'after its last batch, and the next load then removes the part it wrote.',
  );
}

/**
 * Before any load: throws if a bulk load is running; if one was interrupted (its lease is older than `staleMs`),
 * removes what it wrote, which restores the graph it started from, and clears the lease.
 */
export async function settleBulkLease(db: Database, staleMs: number): Promise<void> {
  const [lease] = await db.read<{ since: unknown; stale: boolean }>(
    `MATCH ${LOCK_NODE} WHERE lock.bulkLoadHeartbeat IS NOT NULL ` +
      'RETURN lock.bulkLoadHeartbeat AS since, lock.bulkLoadHeartbeat < datetime() - duration({milliseconds: $staleMs}) AS stale',
    { staleMs },
  );
  if (!lease) return;
  if (!lease.stale) throw busy(lease.since, staleMs);
  await removeSeedData(db, staleMs);
  await releaseLease(db);
}

/** The lease as the single-transaction load sees it after taking the lock: a bulk load that started meanwhile stops it. */
export const LEASE_CHECK = `MATCH ${LOCK_NODE} RETURN lock.bulkLoadHeartbeat AS since`;

/** Throws busy() when LEASE_CHECK found a lease. */
export function assertNoLease(rows: { since: unknown }[], staleMs: number): void {
  if (rows[0]?.since != null) throw busy(rows[0].since, staleMs);
}

/** Removes every seed-managed relationship and node, in batches. */
async function removeSeedData(db: Database, timeoutMs: number): Promise<void> {
  await db.autoCommit('MATCH ()-[r]->() WHERE r.seedManaged = true CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {}, timeoutMs);
  await db.autoCommit(`MATCH (n:${ENTITY_LABEL}) WHERE n.seedManaged = true CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, {}, timeoutMs);
}

type Runner = <R>(cypher: string, params?: Record<string, unknown>) => Promise<R[]>;

const reason = (error: unknown) => (error instanceof Error ? error.message.trim() : String(error));

/**
 * Runs `write` with a runner whose every statement is its own transaction, under the bulk lease. If anything fails,
 * removes what was written and releases the lease, then throws a SeedLoadError that starts with `what` and says so.
 */
export async function withBulkLease(db: Database, staleMs: number, what: string, write: (run: Runner) => Promise<void>): Promise<void> {
  const [taken] = await db.write<{ taken: boolean }>(
    `MERGE ${LOCK_NODE} WITH lock, lock.bulkLoadHeartbeat IS NULL AS free ` +
      'SET lock.lockedAt = datetime(), lock.bulkLoadHeartbeat = CASE WHEN free THEN datetime() ELSE lock.bulkLoadHeartbeat END ' +
      'RETURN free AS taken, lock.bulkLoadHeartbeat AS since',
  );
  if (!taken!.taken) throw busy((taken as { since?: unknown }).since, staleMs);
  const release = () => releaseLease(db);
  // Checked again under the lease: a single-transaction load may have committed seed data just before it was taken.
  if (await hasSeedData(db)) {
    await release();
    throw new SeedLoadError(`${what} was to start from a graph without seed data, but another load wrote some meanwhile; nothing was written. Load again.`);
  }
  // Each batch renews the lease, so that a long load is never taken for an abandoned one.
  const run: Runner = async <R>(cypher: string, params: Record<string, unknown> = {}) => {
    const rows = await db.write<R & Record<string, unknown>>(cypher, params);
    await db.write(`MATCH ${LOCK_NODE} SET lock.bulkLoadHeartbeat = datetime()`);
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
        `${what} failed (${reason(error)}), and removing the batches already written failed too (${reason(cleanup)}), so the ` +
          `graph holds part of the load. The next load removes that part first, once the lease is abandoned (${staleMs} ms, NEO4J_LOAD_TIMEOUT_MS, after the last batch).`,
      );
    }
    await release();
    throw new SeedLoadError(`${what} failed (${reason(error)}). The batches already written were removed again, so the graph is as it was.`);
  }
  await release();
}
