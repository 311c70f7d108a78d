import neo4j from 'neo4j-driver';
import type { Env } from '../src/config/env';
import { databasePassword } from '../src/db/credentials';
import type { Database } from '../src/db/database';
import { applyGraphSchema } from '../src/db/graph-schema';
import type { GraphRows } from '../src/seed/build-graph';
import { loadRows } from '../src/seed/load-seed';
import { perRowLoad, rawUnwindLoad } from './raw-loader';
import type { LoadReport } from './report-contract';

// The loaders side by side: the project's, a raw UNWIND MERGE and per-row MERGE, each into an emptied graph.

/** Where the loads go: the benchmark's database, its settings, and how to log a line. */
export interface LoadTarget {
  env: Env;
  uri: string;
  db: Database;
  log: (line: string) => void;
}

/** Empties the graph: relationships first, then nodes, 10,000 per transaction. */
export async function wipe({ env, uri }: Pick<LoadTarget, 'env' | 'uri'>): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER, databasePassword(env).password));
  const session = driver.session({ database: env.NEO4J_DATABASE });
  try {
    // The project's server ends a transaction after 120 s unless the client asks for longer; at 1M a wipe takes more.
    // Relationships go first, so that no batch holds a hub's thousands of them (at 1M that overran the memory pool).
    const timeout = { timeout: env.NEO4J_LOAD_TIMEOUT_MS };
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {}, timeout);
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, timeout);
  } finally {
    await session.close();
    await driver.close();
  }
}

/** Loads `rows` with the project's loader, as `npm run seed` does. */
export async function projectLoad({ env, db }: LoadTarget, rows: GraphRows): Promise<void> {
  await loadRows(db, rows, { dryRun: false, timeoutMs: env.NEO4J_LOAD_TIMEOUT_MS, transactionRows: env.NEO4J_LOAD_TRANSACTION_ROWS });
}

/** Milliseconds `load` took. */
async function timed(load: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await load();
  return performance.now() - t0;
}

/** The project's and the raw loader's times, interleaved, each into an emptied graph. */
async function timeFullLoads(target: LoadTarget, rows: GraphRows, loadRounds: number): Promise<{ projectMs: number[]; rawMs: number[] }> {
  const projectMs: number[] = [];
  const rawMs: number[] = [];
  for (let round = 0; round < loadRounds; round++) {
    await wipe(target);
    projectMs.push(await timed(() => projectLoad(target, rows)));
    await wipe(target);
    rawMs.push(await timed(() => rawUnwindLoad(target.db, rows, target.env.NEO4J_LOAD_TIMEOUT_MS)));
    target.log(`load round ${round + 1}: project ${projectMs.at(-1)!.toFixed(0)} ms, raw UNWIND ${rawMs.at(-1)!.toFixed(0)} ms`);
  }
  return { projectMs, rawMs };
}

/** The per-row baseline on a sample: 500 nodes, then 500 relationships whose ends exist. */
async function timePerRow(target: LoadTarget, rows: GraphRows): Promise<{ nodes: number; nodeMs: number; relationships: number; relationshipMs: number }> {
  await wipe(target);
  const sampleNodes = rows.nodes.slice(0, 500);
  const nodeMs = await timed(() => perRowLoad(target.db, { nodes: sampleNodes, relationships: [] }));
  await rawUnwindLoad(target.db, { nodes: rows.nodes, relationships: [] }, target.env.NEO4J_LOAD_TIMEOUT_MS);
  const sampleRels = rows.relationships.slice(0, 500);
  const relationshipMs = await timed(() => perRowLoad(target.db, { nodes: [], relationships: sampleRels }));
  return { nodes: sampleNodes.length, nodeMs, relationships: sampleRels.length, relationshipMs };
}

/**
 * Measures the three loaders on `rows` (which took `prepareMs` to read, validate and build). Two interleaved rounds
 * with the default three rounds; one with --rounds 1, since at 1M a round (two loads, two wipes) takes many minutes.
 */
export async function measureLoad(target: LoadTarget, rows: GraphRows, prepareMs: number, rounds: number): Promise<LoadReport> {
  await wipe(target);
  await applyGraphSchema(target.db);
  const { projectMs, rawMs } = await timeFullLoads(target, rows, Math.max(1, rounds - 1));
  const perRow = await timePerRow(target, rows);
  const [nodeCount, relCount] = [rows.nodes.length, rows.relationships.length];
  const best = (list: number[]) => Math.min(...list);
  const rowsPerSecond = (count: number, ms: number) => (count / ms) * 1000;
  const load: LoadReport = {
    project: {
      bestMs: best(projectMs),
      runsMs: projectMs,
      entitiesPerS: rowsPerSecond(nodeCount, best(projectMs)),
      relationshipsPerS: rowsPerSecond(relCount, best(projectMs)),
      validateAndBuildMs: prepareMs,
    },
    rawUnwind: {
      bestMs: best(rawMs),
      runsMs: rawMs,
      entitiesPerS: rowsPerSecond(nodeCount, best(rawMs)),
      relationshipsPerS: rowsPerSecond(relCount, best(rawMs)),
    },
    perRow: {
      sample: perRow.nodes + perRow.relationships,
      entitiesPerS: rowsPerSecond(perRow.nodes, perRow.nodeMs),
      relationshipsPerS: rowsPerSecond(perRow.relationships, perRow.relationshipMs),
    },
    ratios: {
      projectVsRaw: best(rawMs) / best(projectMs),
      projectVsPerRow:
        rowsPerSecond(nodeCount + relCount, best(projectMs)) / rowsPerSecond(perRow.nodes + perRow.relationships, perRow.nodeMs + perRow.relationshipMs),
    },
  };
  target.log(`load: project/raw throughput ${load.ratios.projectVsRaw.toFixed(2)}x, project/per-row ${load.ratios.projectVsPerRow.toFixed(0)}x`);
  return load;
}
