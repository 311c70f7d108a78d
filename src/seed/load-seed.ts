import type { Database } from '../db/database';
import { applyGraphSchema } from '../db/graph-schema';
import { ENTITY_LABEL, ENTITY_TYPES } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES } from '../model/relationship-types';
import { buildGraph, type GraphRows, type NodeRow, type RelationshipRow } from './build-graph';
import { readSeed } from './read-seed';
import { assertNoLease, hasSeedData, LEASE_CHECK, LOCK_NODE, settleBulkLease, withBulkLease } from './bulk-load';
import { explainLoadFailure } from './seed-load-error';
import { SeedValidationError } from './seed-problem';
import { validateSeed, type ValidatedSeed } from './validate-seed';

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface LoadReport {
  dryRun: boolean;
  nodes: ChangeCounts;
  relationships: ChangeCounts;
  /** Ids and keys of what changed, for the printed summary. */
  changes: { created: string[]; updated: string[]; removed: string[] };
  durationMs: number;
}

const BATCH_SIZE = 10_000;


/** Reads and validates a seed folder; throws SeedValidationError listing every problem. */
export function prepareSeed(dir: string): { seed: ValidatedSeed; rows: GraphRows } {
  const { data, problems } = readSeed(dir);
  const { seed, problems: crossProblems } = validateSeed(data);
  const all = [...problems, ...crossProblems];
  if (all.length > 0) throw new SeedValidationError(all);
  return { seed, rows: buildGraph(seed) };
}

/**
 * Loads a seed folder in one write transaction: validates first, then creates, updates and removes seed-managed
 * nodes and relationships so that the graph matches the files. A failure leaves the graph as it was.
 */
export async function loadSeed(db: Database, dir: string, options: Partial<LoadOptions> = {}): Promise<LoadReport> {
  const began = Date.now();
  const { rows } = prepareSeed(dir);
  return loadRows(db, rows, { ...options, dryRun: options.dryRun ?? false, began });
}

/** How long a load's transaction may run unless the caller says otherwise (NEO4J_LOAD_TIMEOUT_MS's default). */
export const DEFAULT_LOAD_TIMEOUT_MS = 30 * 60_000;
/** Above this many nodes and relationships, a load into a graph without seed data is written in batches (NEO4J_LOAD_TRANSACTION_ROWS's default). */
export const DEFAULT_TRANSACTION_ROWS = 500_000;

export interface LoadOptions {
  dryRun: boolean;
  began?: number;
  timeoutMs?: number;
  transactionRows?: number;
}

/** Loads already-built rows (the generator and the benchmark use this directly). */
export async function loadRows(db: Database, rows: GraphRows, options: LoadOptions): Promise<LoadReport> {
  const began = options.began ?? Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const size = { nodes: rows.nodes.length, relationships: rows.relationships.length, timeoutMs };
  if (!options.dryRun) {
    await applyGraphSchema(db);
    await settleBulkLease(db, timeoutMs);
    if (size.nodes + size.relationships > (options.transactionRows ?? DEFAULT_TRANSACTION_ROWS) && !(await hasSeedData(db))) {
      return bulkLoad(db, rows, size, began);
    }
  }

  const work = async (run: Runner) => {
    // Serializes concurrent loads: the second waits here, then sees what the first wrote.
    if (!options.dryRun) {
      await run(`MERGE ${LOCK_NODE} SET lock.lockedAt = datetime()`);
      // A bulk load that started after settleBulkLease must not be mixed with.
      assertNoLease(await run<{ since: unknown }>(LEASE_CHECK), timeoutMs);
    }
    const existingNodes = await run<{ id: string; hash: string | null }>(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.seedManaged = true RETURN n.id AS id, n.seedHash AS hash`,
    );
    const existingRels = await run<{ key: string; hash: string | null; elementId: string }>(
      'MATCH ()-[r]->() WHERE r.seedManaged = true RETURN r.seedKey AS key, r.seedHash AS hash, elementId(r) AS elementId',
    );
    const nodeDiff = diff(rows.nodes.map((n) => ({ key: n.id, hash: n.hash, row: n })), existingNodes.map((n) => ({ key: n.id, hash: n.hash })));
    const relDiff = diff(rows.relationships.map((r) => ({ key: r.key, hash: r.hash, row: r })), existingRels.map((r) => ({ key: r.key, hash: r.hash })));

    if (!options.dryRun) {
      const removedRelKeys = new Set(relDiff.removed);
      const removedRelIds = existingRels.filter((r) => removedRelKeys.has(r.key)).map((r) => r.elementId);
      for (const batch of chunks(removedRelIds)) {
        await run('UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r', { ids: batch });
      }
      for (const batch of chunks(nodeDiff.removed)) {
        await run(`UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) DETACH DELETE n`, { ids: batch });
      }
      await writeNodes(run, nodeDiff.created, nodeDiff.updated);
      await writeRelationships(run, relDiff.created, relDiff.updated);
    }
    return { nodeDiff, relDiff };
  };

  const { nodeDiff, relDiff } = options.dryRun
    ? await work((cypher, params) => db.withQueryTimeout(timeoutMs).read(cypher, params ?? {}))
    : await db
        .writeTransaction(async (_tx, run) => work(async (cypher, params) => (await run(cypher, params)).records.map((r) => r.toObject() as never)), timeoutMs)
        .catch((error: unknown) => {
          throw explainLoadFailure(error, size);
        });

  return {
    dryRun: options.dryRun,
    nodes: counts(nodeDiff),
    relationships: counts(relDiff),
    changes: {
      created: [...nodeDiff.created.map((n) => n.id), ...relDiff.created.map((r) => r.key)],
      updated: [...nodeDiff.updated.map((n) => n.id), ...relDiff.updated.map((r) => r.key)],
      removed: [...nodeDiff.removed, ...relDiff.removed],
    },
    durationMs: Date.now() - began,
  };
}

type Runner = <R>(cypher: string, params?: Record<string, unknown>) => Promise<R[]>;

/** An initial load too large for one transaction (see bulk-load.ts): everything is new, written batch by batch. */
async function bulkLoad(db: Database, rows: GraphRows, size: { nodes: number; relationships: number; timeoutMs: number }, began: number): Promise<LoadReport> {
  await withBulkLease(db, size.timeoutMs, `Loading ${size.nodes} nodes and ${size.relationships} relationships in batches`, async (run) => {
    await writeNodes(run, rows.nodes, []);
    await writeRelationships(run, rows.relationships, []);
  });
  const created = (n: number) => ({ created: n, updated: 0, unchanged: 0, removed: 0 });
  return {
    dryRun: false,
    nodes: created(size.nodes),
    relationships: created(size.relationships),
    changes: { created: [...rows.nodes.map((n) => n.id), ...rows.relationships.map((r) => r.key)], updated: [], removed: [] },
    durationMs: Date.now() - began,
  };
}

// The diff ran in this same transaction, after taking the load lock, so rows it calls new are created without
// MERGE's existence check (which scans every relationship of a hub) and changed rows are found by their key index.
async function writeNodes(run: Runner, created: NodeRow[], updated: NodeRow[]): Promise<void> {
  for (const label of ENTITY_TYPES) {
    const others = ENTITY_TYPES.filter((l) => l !== label).join(':');
    for (const batch of chunks(created.filter((n) => n.label === label))) {
      await run(`UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:${label}) SET n = row.props`, { rows: batch.map((n) => ({ props: n.props })) });
    }
    for (const batch of chunks(updated.filter((n) => n.label === label))) {
      await run(`UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) SET n = row.props REMOVE n:${others} SET n:${label}`, {
        rows: batch.map((n) => ({ id: n.id, props: n.props })),
      });
    }
  }
}

async function writeRelationships(run: Runner, created: RelationshipRow[], updated: RelationshipRow[]): Promise<void> {
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    for (const batch of chunks(created.filter((r) => r.type === type))) {
      await run(
        `UNWIND $rows AS row MATCH (a:${ENTITY_LABEL} {id: row.from}) MATCH (b:${ENTITY_LABEL} {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
        { rows: batch.map((r) => ({ from: r.from, to: r.to, props: r.props })) },
      );
    }
    for (const batch of chunks(updated.filter((r) => r.type === type))) {
      await run(`UNWIND $rows AS row MATCH ()-[r:${type} {seedKey: row.key}]->() SET r = row.props`, {
        rows: batch.map((r) => ({ key: r.key, props: r.props })),
      });
    }
  }
}

interface Diff<T> {
  created: T[];
  updated: T[];
  unchanged: number;
  removed: string[];
}

function diff<T>(wanted: { key: string; hash: string; row: T }[], existing: { key: string; hash: string | null }[]): Diff<T> {
  const have = new Map(existing.map((e) => [e.key, e.hash]));
  const result: Diff<T> = { created: [], updated: [], unchanged: 0, removed: [] };
  const wantedKeys = new Set<string>();
  for (const item of wanted) {
    wantedKeys.add(item.key);
    if (!have.has(item.key)) result.created.push(item.row);
    else if (have.get(item.key) !== item.hash) result.updated.push(item.row);
    else result.unchanged += 1;
  }
  result.removed = existing.filter((e) => !wantedKeys.has(e.key)).map((e) => e.key);
  return result;
}

function counts<T>(d: Diff<T>): ChangeCounts {
  return { created: d.created.length, updated: d.updated.length, unchanged: d.unchanged, removed: d.removed.length };
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH_SIZE) yield items.slice(i, i + BATCH_SIZE);
}

