import type { Database, Runner } from '../db/database';
import { applyGraphSchema } from '../db/graph-schema';
import { ENTITY_TYPES } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES } from '../model/relationship-types';
import { buildGraph, type GraphRows, type NodeRow, type RelationshipRow } from './build-graph';
import { hasSeedData, settleBulkLease, takeLoadLock, withBulkLease } from './load-lock';
import { readSeed } from './read-seed';
import { explainLoadFailure } from './seed-load-error';
import { SeedValidationError } from './seed-problem';
import * as statements from './statements';
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

/** Whether the graph holds no entities at all, so that `npm start` knows to load the seed. */
export async function graphIsEmpty(db: Database): Promise<{ empty: boolean; nodes: number }> {
  const [row] = await db.query<{ nodes: number }>(statements.countEntities());
  return { empty: row!.nodes === 0, nodes: row!.nodes };
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
    if (!options.dryRun) await takeLoadLock(run, timeoutMs);
    const existingNodes = await run<{ id: string; hash: string | null }>(statements.seedNodeHashes());
    const existingRels = await run<{ key: string; hash: string | null; elementId: string }>(statements.seedRelationshipHashes());
    const nodeDiff = diff(
      rows.nodes.map((n) => ({ key: n.id, hash: n.hash, row: n })),
      existingNodes.map((n) => ({ key: n.id, hash: n.hash })),
    );
    const relDiff = diff(
      rows.relationships.map((r) => ({ key: r.key, hash: r.hash, row: r })),
      existingRels.map((r) => ({ key: r.key, hash: r.hash })),
    );

    if (!options.dryRun) {
      const removedRelKeys = new Set(relDiff.removed);
      const removedRelIds = existingRels.filter((r) => removedRelKeys.has(r.key)).map((r) => r.elementId);
      for (const batch of chunks(removedRelIds)) await run(statements.deleteRelationships(batch));
      for (const batch of chunks(nodeDiff.removed)) await run(statements.deleteNodes(batch));
      await writeNodes(run, nodeDiff.created, nodeDiff.updated);
      await writeRelationships(run, relDiff.created, relDiff.updated);
    }
    return { nodeDiff, relDiff };
  };

  const { nodeDiff, relDiff } = options.dryRun
    ? await work(db.withQueryTimeout(timeoutMs).readRunner())
    : await db.rowTransaction(work, timeoutMs).catch((error: unknown) => {
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

/**
 * An initial load too large for one transaction: Neo4j cannot hold millions of rows in one transaction's memory, so a
 * load into a graph without seed data is written batch by batch under the load lock's lease (see load-lock.ts).
 */
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

async function writeNodes(run: Runner, created: NodeRow[], updated: NodeRow[]): Promise<void> {
  for (const label of ENTITY_TYPES) {
    for (const batch of chunks(created.filter((n) => n.label === label))) await run(statements.createNodes(label, batch));
    for (const batch of chunks(updated.filter((n) => n.label === label))) await run(statements.updateNodes(label, batch));
  }
}

async function writeRelationships(run: Runner, created: RelationshipRow[], updated: RelationshipRow[]): Promise<void> {
  for (const type of RELATIONSHIP_TYPE_NAMES) {
    for (const batch of chunks(created.filter((r) => r.type === type))) await run(statements.createRelationships(type, batch));
    for (const batch of chunks(updated.filter((r) => r.type === type))) await run(statements.updateRelationships(type, batch));
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
