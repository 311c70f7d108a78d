import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadEnv, type Env } from '../src/config/env';
import { databasePassword } from '../src/db/credentials';
import { Database, openDatabase } from '../src/db/database';
import { AppError } from '../src/errors/app-error';
import { reportFatal } from '../src/errors/report';
import { ensureDatabase, localNeo4j, stopDatabase, type EnsuredDatabase } from '../src/launcher/ensure-database';
import { PROJECT_ROOT } from '../src/project-root';
import { prepareSeed } from '../src/seed/load-seed';
import type { GraphRows } from '../src/seed/build-graph';
import { ErrorTally } from './drive';
import { generateSeed, type GeneratedSeed } from './generate';
import { measureExecutors, measureInProcess } from './in-process';
import { runIngestSection } from './ingest-run';
import { measureLoad, projectLoad, wipe, type LoadTarget } from './load';
import { measureCpu, measurePeer, measureQueries, type Measuring } from './measure';
import { parseOptions, REPORTS_DIR, type BenchOptions } from './options';
import { timePages } from './pages';
import { preflight } from './preflight-facts';
import type { Report } from './report-contract';
import { writeReports } from './report';
import { API_PORT, peakRssMb, startServers } from './servers';
import { peerShape, shapes } from './shapes';
import { PARTNERS_PROBE_RECORDS } from './targets';

// `npm run bench`: generate a graph, load it three ways, then measure the API against hand-written Cypher and
// @neo4j/graphql, step by step, into one typed report (bench/report-contract.ts) that bench/report.ts renders.

// The benchmark has its own Neo4j (ports 7689/7476), so it never touches the graph of `npm start` or the tests.
const BENCH_ENV: Record<string, string> = {
  NEO4J_HOME_DIR: '.neo4j/bench-server',
  NEO4J_BOLT_PORT: '7689',
  NEO4J_HTTP_PORT: '7476',
  NEO4J_HEAP: '4g',
  NEO4J_PAGECACHE: '2g',
  // Its own CoreNLP too, for the ingest section: a cold start of it is measured, so it must not be ingest's server.
  CORENLP_HOME_DIR: '.corenlp/bench-server',
  CORENLP_PORT: '9012',
};

/** A run in progress: its database, its settings, the servers it started and how it logs. */
interface Run {
  options: BenchOptions;
  env: Env;
  ensured: EnsuredDatabase;
  db: Database;
  children: ChildProcess[];
  began: number;
  log: (line: string) => void;
}

/** Generates the seed folder and reads, validates and builds its rows, as a seed load does. */
function generateAndPrepare({ options, log }: Run): { generated: GeneratedSeed; rows: GraphRows; prepareMs: number } {
  const { relationships, seed } = options;
  const generated = generateSeed({ relationships, seed, dir: path.join(PROJECT_ROOT, '.neo4j', 'bench-data', `seed-${relationships}`) });
  log(`generated ${generated.entities} entities, ${generated.relationships} seed relationships, ${generated.documents} documents`);
  const prepStart = performance.now();
  const { rows } = prepareSeed(generated.dir);
  const prepareMs = performance.now() - prepStart;
  log(`validated and built ${rows.nodes.length} nodes and ${rows.relationships.length} relationships (with derived MENTIONS) in ${prepareMs.toFixed(0)} ms`);
  return { generated, rows, prepareMs };
}

/**
 * The generated probes, plus the actor partners' attendance asks about when the hub's answer would read more than
 * PARTNERS_PROBE_RECORDS (as the API counts: two per partnership, one per attendance): the busiest organization under it.
 */
async function probesWithinLimits(db: Database, probes: GeneratedSeed['probes']): Promise<GeneratedSeed['probes']> {
  const records = 'CALL (o) { OPTIONAL MATCH (o)-[:PARTNER_OF]-(p) RETURN count(p) * 2 + sum(COUNT { (p)-[:PARTICIPATED_IN|SPOKE_AT]->() }) AS records } ';
  const [hub] = await db.read<{ records: number }>(`MATCH (o:Entity {id: $id}) ${records}RETURN records`, { id: probes.hub });
  if ((hub?.records ?? 0) <= PARTNERS_PROBE_RECORDS) return probes;
  const [busiest] = await db.read<{ id: string }>(
    `MATCH (o:Organization) ${records}WITH o, records WHERE records <= $max RETURN o.id AS id ORDER BY records DESC, id LIMIT 1`,
    { max: neo4j.int(PARTNERS_PROBE_RECORDS) },
  );
  return { ...probes, partners: busiest!.id };
}

/** The graph the queries run on (the project's own load), and the probes they ask about. */
async function loadForQueries(run: Run, target: LoadTarget, rows: GraphRows, generated: GeneratedSeed): Promise<GeneratedSeed['probes']> {
  await wipe(target);
  await projectLoad(target, rows);
  // At a scale where the hub's partners' attendance reads more than this machine can serve 32 at a time (or more
  // than the API's result limit, which the API refuses, as it should), the query asks about a smaller organization.
  const probes = await probesWithinLimits(new Database(run.db.driver, run.db.name, 600_000), generated.probes);
  if (probes.partners) run.log(`partners' attendance asks about ${probes.partners}: the hub's answer reads more than ${PARTNERS_PROBE_RECORDS} records`);
  return probes;
}

/** Starts the API and the peer on the benchmark's database. */
async function startBenchServers({ env, ensured, children, log }: Run): Promise<{ api: ChildProcess }> {
  const servers = await startServers(
    { NEO4J_URI: ensured.uri, NEO4J_USER: env.NEO4J_USER, NEO4J_PASSWORD: databasePassword(env).password, NEO4J_DATABASE: env.NEO4J_DATABASE },
    children,
  );
  log('API and @neo4j/graphql peer are up');
  return servers;
}

/** Every measurement, in order, into the report. */
async function measure(run: Run): Promise<Report> {
  const { env, ensured, db, options, log } = run;
  const { generated, rows, prepareMs } = generateAndPrepare(run);
  const target: LoadTarget = { env, uri: ensured.uri, db, log };
  const load = await measureLoad(target, rows, prepareMs, options.rounds);
  const probes = await loadForQueries(run, target, rows, generated);
  const { api } = await startBenchServers(run);
  // The hand-written side measures what the database allows, so the API's protective limits do not apply to it: not
  // its query timeout, nor its 3 s limit on waiting outside a query, which at 1M failed 19 of partners' attendance's
  // calls at 32, and 85 more while it took the database for down (the same calls from a small process met neither).
  const RAW_LIMIT_MS = 120_000;
  const errors = new ErrorTally();
  const m: Measuring = { rawDb: new Database(db.driver, db.name, RAW_LIMIT_MS, RAW_LIMIT_MS), rounds: options.rounds, errors, log };
  const queryShapes = shapes(probes);
  const nested = peerShape(generated.probes.hub);
  const queries = await measureQueries(m, queryShapes);
  const peer = await measurePeer(m, nested);
  const neo4jPid = ensured.source === 'local' ? localNeo4j(env).status().pid : undefined;
  const { cpu, emptyRequestP50Ms } = await measureCpu(m, [...queryShapes, nested], { api: api.pid!, ...(neo4jPid ? { neo4j: neo4jPid } : {}) });
  const { dbHits, breakdown } = await measureInProcess(db, env.NEO4J_QUERY_TIMEOUT_MS, { queries: queryShapes, nested }, errors);
  const executors = await measureExecutors(db, env.NEO4J_QUERY_TIMEOUT_MS, [...queryShapes, nested]);
  log('executors compared');
  const pages = await timePages(`http://127.0.0.1:${API_PORT}`, generated.probes.hub);
  log('workbench pages timed');
  return {
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    scale: {
      seedRelationships: options.relationships,
      seed: options.seed,
      graph: { nodes: rows.nodes.length, relationships: rows.relationships.length, documents: generated.documents },
    },
    load,
    probes,
    queries,
    baselines: [...queryShapes, nested].map(({ name, why }) => ({ name, why })),
    peer,
    cpu,
    emptyRequestP50Ms,
    dbHits,
    breakdown,
    executors,
    pages,
    memory: { apiPeakRssMb: peakRssMb(api.pid!) },
    errors: errors.total,
    otherErrors: errors.outsideBatches,
    durationS: (Date.now() - run.began) / 1000,
  };
}

async function main(): Promise<void> {
  const { options, problems } = parseOptions(process.argv);
  const began = Date.now();
  const log = (line: string) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0)}s] ${line}`);
  for (const [key, value] of Object.entries(BENCH_ENV)) if (!process.env[key]) process.env[key] = value;
  delete process.env.NEO4J_URI;
  const env = loadEnv();
  // The ingest section needs neither Neo4j nor the API, nor anything the rest of the benchmark checks for.
  if (options.ingest) return runIngestSection(options, problems, env, log);
  // Before anything is generated or started: a run takes minutes, and what it lacks should stop it in seconds.
  await preflight(options, problems, env, log);
  const ensured = await ensureDatabase(env, log);
  const run: Run = { options, env, ensured, db: openDatabase(env, ensured.uri), children: [], began, log };
  try {
    writeReports(await measure(run), options.reports ?? REPORTS_DIR);
    log(`done in ${((Date.now() - began) / 1000).toFixed(0)} s; reports in ${options.reports ?? 'reports/bench/'}`);
  } finally {
    for (const child of run.children) child.kill('SIGTERM');
    await run.db.close();
    if (ensured.startedHere) await stopDatabase(env);
  }
}

main().catch((error: unknown) => {
  // A problem the person can fix is said without a stack trace; anything else is shown whole, as a bug would be.
  if (error instanceof AppError) reportFatal(error);
  else console.error(error);
  process.exit(process.exitCode ?? 1);
});
