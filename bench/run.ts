import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { loadEnv, type Env } from '../src/config/env';
import { databasePassword } from '../src/db/credentials';
import { Database, openDatabase, type Params } from '../src/db/database';
import { ensureDatabase, localNeo4j, stopDatabase } from '../src/launcher/ensure-database';
import { applyGraphSchema } from '../src/db/graph-schema';
import { createLoaders } from '../src/graphql/loaders';
import { PROJECT_ROOT } from '../src/project-root';
import { loadRows, prepareSeed } from '../src/seed/load-seed';
import { createApolloServer } from '../src/graphql/apollo';
import { cpuSideBySide, timeBreakdown, type CpuPerRequest, type TimeBreakdown } from './breakdown';
import { generateSeed, type GeneratedSeed } from './generate';
import { perRowLoad, rawUnwindLoad } from './raw-loader';
import { compareExecutors, type ExecutorComparison } from './executors';
import { timePages } from './pages';
import { peerShape, shapes, type Shape } from './shapes';
import { writeReports, type Stats } from './report';
import { PARTNERS_PROBE_RECORDS, queryTargetMet } from './targets';

// The benchmark has its own Neo4j (ports 7689/7476), so it never touches the graph of `npm start` or the tests.
const BENCH_ENV: Record<string, string> = {
  NEO4J_HOME_DIR: '.neo4j/bench-server',
  NEO4J_BOLT_PORT: '7689',
  NEO4J_HTTP_PORT: '7476',
  NEO4J_HEAP: '4g',
  NEO4J_PAGECACHE: '2g',
};
const API_PORT = 4101;
const PEER_PORT = 4102;

/** Latencies, wall time and failures of one or more batches of calls. */
interface Driven {
  latencies: number[];
  wallMs: number;
  errorKinds: Record<string, number>;
}

const ERROR_MESSAGE_CHARS = 160;

function stats({ latencies, wallMs, errorKinds }: Driven): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? 0;
  const errors = Object.values(errorKinds).reduce((sum, n) => sum + n, 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), throughput: (sorted.length / wallMs) * 1000, errors, errorKinds };
}

/** Adds one batch's results to `into`, so that rounds of batches give one set of statistics. */
function accumulate(into: Driven, batch: Driven): void {
  into.latencies.push(...batch.latencies);
  into.wallMs += batch.wallMs;
  for (const [message, n] of Object.entries(batch.errorKinds)) into.errorKinds[message] = (into.errorKinds[message] ?? 0) + n;
}

const noRuns = (): Driven => ({ latencies: [], wallMs: 0, errorKinds: {} });

/** Runs `total` calls with `concurrency` workers; returns each call's latency in ms, the wall time and why calls failed. */
async function drive(concurrency: number, total: number, call: () => Promise<unknown>): Promise<Driven> {
  const driven = noRuns();
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        try {
          await call();
          driven.latencies.push(performance.now() - t0);
        } catch (error) {
          // A failed call is counted as an error, not as a (fast) latency; its message says which limit it met.
          const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MESSAGE_CHARS);
          driven.errorKinds[message] = (driven.errorKinds[message] ?? 0) + 1;
        }
      }
    }),
  );
  driven.wallMs = performance.now() - began;
  return driven;
}

async function graphqlAnswer(port: number, query: string): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

/** One request; throws, naming the status and the first error's code and message, unless it was answered without errors. */
async function graphqlCall(port: number, query: string): Promise<void> {
  const { status, body } = await graphqlAnswer(port, query);
  if (status === 200 && !body.errors) return;
  const [first] = (body.errors ?? []) as { message?: string; extensions?: { code?: string } }[];
  throw new Error(`HTTP ${status} ${first?.extensions?.code ?? ''}: ${first?.message ?? ''}`);
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

/**
 * Stops the benchmark when two sides of a comparison answer with different data: their ratio would say nothing. With
 * `among`, every item of `a` (a list) need only be in `b`.
 */
function expectSameData(what: string, a: unknown, b: unknown, among = false): void {
  if (among) {
    const known = new Set((b as unknown[]).map((item) => JSON.stringify(item)));
    const missing = (a as unknown[]).filter((item) => !known.has(JSON.stringify(item)));
    if (missing.length > 0) throw new Error(`${what}: the hand-written answer lacks ${JSON.stringify(missing)}`);
    return;
  }
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  if (x === y) return;
  let at = 0;
  while (at < x.length && x[at] === y[at]) at++;
  throw new Error(
    `${what}: the answers differ at character ${at}:\n  ${x.slice(Math.max(0, at - 80), at + 120)}\n  ${y.slice(Math.max(0, at - 80), at + 120)}`,
  );
}

/** The API's data for `shape` (the benchmark stops on an error). */
async function apiData(port: number, shape: Shape): Promise<unknown> {
  const { status, body } = await graphqlAnswer(port, shape.graphql);
  if (status !== 200 || body.errors) throw new Error(`${shape.name}: the API answered ${status} ${JSON.stringify(body.errors ?? '')}`);
  return body.data;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startNode(script: string, env: Record<string, string>): ChildProcess {
  // `node --require tsx/cjs` keeps the server in this one process, so its peak RSS is the server's.
  return spawn(process.execPath, ['--require', 'tsx/cjs', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function wipe(env: Env, uri: string): Promise<void> {
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

/** A Database that remembers every statement it runs, to PROFILE what the API sends. */
class RecordingDatabase extends Database {
  readonly statements: { cypher: string; params: Params }[] = [];
  override async read<R extends Record<string, unknown>>(cypher: string, params: Params = {}): Promise<R[]> {
    this.statements.push({ cypher, params });
    return super.read<R>(cypher, params);
  }
}

function sumDbHits(profile: { dbHits: number; children: unknown[] }): number {
  return profile.dbHits + profile.children.reduce<number>((n, child) => n + sumDbHits(child as typeof profile), 0);
}

async function profiledDbHits(db: Database, cypher: string, params: Params): Promise<number> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`PROFILE ${cypher}`, params);
    return result.summary.profile ? sumDbHits(result.summary.profile as never) : 0;
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const options = new Command()
    .option('--relationships <n>', 'seed relationships to generate (10000, 100000, 1000000...)', '10000')
    .option('--seed <n>', 'generator seed', '42')
    .option('--rounds <n>', 'interleaved rounds per measurement', '3')
    .parse(process.argv)
    .opts<{ relationships: string; seed: string; rounds: string }>();
  const relationships = Number(options.relationships);
  const rounds = Number(options.rounds);
  const began = Date.now();
  const log = (line: string) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0)}s] ${line}`);

  for (const [key, value] of Object.entries(BENCH_ENV)) if (!process.env[key]) process.env[key] = value;
  delete process.env.NEO4J_URI;
  const env = loadEnv();
  const ensured = await ensureDatabase(env, log);
  const db = openDatabase(env, ensured.uri);
  const report: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, memoryGiB: Math.round((await import('node:os')).totalmem() / 2 ** 30), node: process.version },
    scale: { seedRelationships: relationships, seed: Number(options.seed) },
  };
  const children: ChildProcess[] = [];
  try {
    // ---------- generate
    const generated = generateSeed({
      relationships,
      seed: Number(options.seed),
      dir: path.join(PROJECT_ROOT, '.neo4j', 'bench-data', `seed-${relationships}`),
    });
    log(`generated ${generated.entities} entities, ${generated.relationships} seed relationships, ${generated.documents} documents`);
    const prepStart = performance.now();
    const { rows } = prepareSeed(generated.dir);
    const prepareMs = performance.now() - prepStart;
    const nodeCount = rows.nodes.length;
    const relCount = rows.relationships.length;
    log(`validated and built ${nodeCount} nodes and ${relCount} relationships (with derived MENTIONS) in ${prepareMs.toFixed(0)} ms`);
    (report.scale as Record<string, unknown>).graph = { nodes: nodeCount, relationships: relCount, documents: generated.documents };

    // ---------- load, interleaved
    await wipe(env, ensured.uri);
    await applyGraphSchema(db);
    const projectMs: number[] = [];
    const rawMs: number[] = [];
    // Two interleaved rounds by default; one with --rounds 1, since at 1M a round (two loads, two wipes) takes many minutes.
    const loadRounds = Math.max(1, rounds - 1);
    for (let round = 0; round < loadRounds; round++) {
      await wipe(env, ensured.uri);
      let t0 = performance.now();
      await loadRows(db, rows, { dryRun: false, timeoutMs: env.NEO4J_LOAD_TIMEOUT_MS, transactionRows: env.NEO4J_LOAD_TRANSACTION_ROWS });
      projectMs.push(performance.now() - t0);
      await wipe(env, ensured.uri);
      t0 = performance.now();
      await rawUnwindLoad(db, rows, env.NEO4J_LOAD_TIMEOUT_MS);
      rawMs.push(performance.now() - t0);
      log(`load round ${round + 1}: project ${projectMs.at(-1)!.toFixed(0)} ms, raw UNWIND ${rawMs.at(-1)!.toFixed(0)} ms`);
    }
    // Per-row baseline on a sample: 500 nodes, then 500 relationships whose ends exist.
    await wipe(env, ensured.uri);
    const sampleNodes = rows.nodes.slice(0, 500);
    let t0 = performance.now();
    await perRowLoad(db, { nodes: sampleNodes, relationships: [] });
    const perRowNodeMs = performance.now() - t0;
    await rawUnwindLoad(db, { nodes: rows.nodes, relationships: [] }, env.NEO4J_LOAD_TIMEOUT_MS);
    const sampleRels = rows.relationships.slice(0, 500);
    t0 = performance.now();
    await perRowLoad(db, { nodes: [], relationships: sampleRels });
    const perRowRelMs = performance.now() - t0;
    const best = (list: number[]) => Math.min(...list);
    const rowsPerSecond = (count: number, ms: number) => (count / ms) * 1000;
    const load = {
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
        sample: sampleNodes.length + sampleRels.length,
        entitiesPerS: rowsPerSecond(sampleNodes.length, perRowNodeMs),
        relationshipsPerS: rowsPerSecond(sampleRels.length, perRowRelMs),
      },
      ratios: {
        projectVsRaw: best(rawMs) / best(projectMs),
        projectVsPerRow:
          rowsPerSecond(nodeCount + relCount, best(projectMs)) / rowsPerSecond(sampleNodes.length + sampleRels.length, perRowNodeMs + perRowRelMs),
      },
    };
    report.load = load;
    log(`load: project/raw throughput ${load.ratios.projectVsRaw.toFixed(2)}x, project/per-row ${load.ratios.projectVsPerRow.toFixed(0)}x`);

    // The graph the queries run on is the project's own load.
    await wipe(env, ensured.uri);
    await loadRows(db, rows, { dryRun: false, timeoutMs: env.NEO4J_LOAD_TIMEOUT_MS, transactionRows: env.NEO4J_LOAD_TRANSACTION_ROWS });

    // At a scale where the hub's partners' attendance reads more than this machine can serve 32 at a time (or more
    // than the API's result limit, which the API refuses, as it should), the query asks about a smaller organization.
    const probes = await probesWithinLimits(new Database(db.driver, db.name, 600_000), generated.probes);
    if (probes.partners) log(`partners' attendance asks about ${probes.partners}: the hub's answer reads more than ${PARTNERS_PROBE_RECORDS} records`);
    report.probes = probes;

    // ---------- servers
    const serverEnv = {
      NEO4J_URI: ensured.uri,
      NEO4J_USER: env.NEO4J_USER,
      NEO4J_PASSWORD: databasePassword(env).password,
      NEO4J_DATABASE: env.NEO4J_DATABASE,
    };
    const api = startNode('src/main.ts', { ...serverEnv, PORT: String(API_PORT), HOST: '127.0.0.1' });
    const peer = startNode('bench/peer-server.ts', { ...serverEnv, PORT: String(PEER_PORT) });
    children.push(api, peer);
    await waitForHttp(`http://127.0.0.1:${API_PORT}/graphql`, api);
    await waitForHttp(`http://127.0.0.1:${PEER_PORT}/graphql`, peer);
    log('API and @neo4j/graphql peer are up');

    // ---------- queries, interleaved and warm
    // The hand-written side measures what the database allows, so the API's protective limits do not apply to it: not
    // its query timeout, nor its 3 s limit on waiting outside a query, which at 1M failed 19 of partners' attendance's
    // calls at 32, and 85 more while it took the database for down (the same calls from a small process met neither).
    const RAW_LIMIT_MS = 120_000;
    const rawDb = new Database(db.driver, db.name, RAW_LIMIT_MS, RAW_LIMIT_MS);
    const concurrencies = [1, 8, 32];
    const perBatch = (c: number) => Math.max(20, c * 4);
    const queryResults: Record<string, Record<string, { api: Stats; raw: Stats; p50Ratio: number; addedP50Ms: number; meetsTarget: boolean }>> = {};
    let totalErrors = 0;
    for (const shape of shapes(probes)) {
      // Both sides answer with the same data, or the benchmark stops here.
      expectSameData(
        `${shape.name}: API and hand-written`,
        shape.sameData.api(await apiData(API_PORT, shape)),
        shape.sameData.raw(await rawDb.read(shape.cypher, shape.params)),
        shape.apiAmongRaw,
      );
      const apiCall = () => graphqlCall(API_PORT, shape.graphql);
      const rawCall = () => rawDb.read(shape.cypher, shape.params);
      await drive(4, 20, apiCall);
      await drive(4, 20, rawCall);
      queryResults[shape.name] = {};
      for (const c of concurrencies) {
        const apiRuns = noRuns();
        const rawRuns = noRuns();
        for (let round = 0; round < rounds; round++) {
          accumulate(apiRuns, await drive(c, perBatch(c), apiCall));
          accumulate(rawRuns, await drive(c, perBatch(c), rawCall));
        }
        const apiStats = stats(apiRuns);
        const rawStats = stats(rawRuns);
        totalErrors += apiStats.errors + rawStats.errors;
        const p50Ratio = apiStats.p50 / rawStats.p50;
        const addedP50Ms = apiStats.p50 - rawStats.p50;
        queryResults[shape.name]![`c${c}`] = {
          api: apiStats,
          raw: rawStats,
          p50Ratio,
          addedP50Ms,
          meetsTarget: queryTargetMet(c, p50Ratio, addedP50Ms),
        };
      }
      log(`queries: ${shape.name} done`);
    }
    report.queries = queryResults;
    report.baselines = [...shapes(probes), peerShape(generated.probes.hub)].map(({ name, why }) => ({ name, why }));

    // ---------- the peer: the same nested query through @neo4j/graphql
    const nested = peerShape(generated.probes.hub);
    const peerResults: Record<string, { api: Stats; peer: Stats; raw: Stats; apiVsPeerP50: number }> = {};
    const nestedData = nested.sameData.api(await apiData(API_PORT, nested));
    expectSameData(`${nested.name}: API and hand-written`, nestedData, nested.sameData.raw(await rawDb.read(nested.cypher, nested.params)));
    expectSameData(`${nested.name}: API and @neo4j/graphql`, nestedData, nested.peerData(await apiData(PEER_PORT, { ...nested, graphql: nested.peer })));
    const calls = {
      api: () => graphqlCall(API_PORT, nested.graphql),
      peer: () => graphqlCall(PEER_PORT, nested.peer),
      raw: () => rawDb.read(nested.cypher, nested.params),
    };
    for (const call of Object.values(calls)) await drive(4, 20, call);
    for (const c of concurrencies) {
      const runs = { api: noRuns(), peer: noRuns(), raw: noRuns() };
      for (let round = 0; round < rounds; round++) {
        for (const key of ['api', 'peer', 'raw'] as const) accumulate(runs[key], await drive(c, perBatch(c), calls[key]));
      }
      const s = { api: stats(runs.api), peer: stats(runs.peer), raw: stats(runs.raw) };
      totalErrors += s.api.errors + s.peer.errors + s.raw.errors;
      peerResults[`c${c}`] = { ...s, apiVsPeerP50: s.api.p50 / s.peer.p50 };
    }
    report.peer = peerResults;
    log('peer comparison done');

    // ---------- CPU per request, one request at a time: what bounds throughput once every core is busy
    const neo4jPid = ensured.source === 'local' ? localNeo4j(env).status().pid : undefined;
    const rawPids = neo4jPid ? { neo4j: neo4jPid } : {};
    const apiPids = { api: api.pid!, ...rawPids };
    // A failed request costs less than an answered one, so failures count as errors here too, with their messages.
    const otherErrors: Driven = noRuns();
    const counted = (query: string) => async () => {
      await graphqlCall(API_PORT, query).catch((error: Error) => {
        totalErrors++;
        const message = error.message.slice(0, ERROR_MESSAGE_CHARS);
        otherErrors.errorKinds[message] = (otherErrors.errorKinds[message] ?? 0) + 1;
      });
    };
    const cpu: Record<string, { api: CpuPerRequest; raw: CpuPerRequest }> = {};
    const nestedShape = nested;
    const sideBySide = async (query: string, cypher: string, params: Params = {}) => {
      const { a, b } = await cpuSideBySide(counted(query), () => rawDb.read(cypher, params), { a: apiPids, b: rawPids });
      return { api: a, raw: b };
    };
    for (const shape of [...shapes(probes), nestedShape]) cpu[shape.name] = await sideBySide(shape.graphql, shape.cypher, shape.params);
    cpu['empty request { __typename }'] = await sideBySide('{ __typename }', 'RETURN 1');
    const emptyHttp = await drive(1, 200, () => graphqlCall(API_PORT, '{ __typename }'));
    const emptyStats = stats(emptyHttp);
    totalErrors += emptyStats.errors;
    accumulate(otherErrors, { ...emptyHttp, latencies: [] });
    report.cpu = cpu;
    report.emptyRequestP50Ms = emptyStats.p50;
    log('CPU per request measured');

    // ---------- database hits: what the API sends versus the hand-written Cypher
    const recording = new RecordingDatabase(db.driver, db.name, env.NEO4J_QUERY_TIMEOUT_MS);
    const apollo = createApolloServer();
    await apollo.start();
    const dbHits: Record<string, { api: number; handWritten: number; ratio: number; statements: number; apiResponseBytes: number; rawResultBytes: number }> =
      {};
    const breakdown: Record<string, TimeBreakdown> = {};
    for (const shape of shapes(probes)) {
      breakdown[shape.name] = await timeBreakdown(apollo, db, env.NEO4J_QUERY_TIMEOUT_MS, shape, 11, (query) => counted(query)());
      recording.statements.length = 0;
      const response = await apollo.executeOperation({ query: shape.graphql }, { contextValue: { db: recording, loaders: createLoaders(recording) } });
      const apiResponseBytes = response.body.kind === 'single' ? JSON.stringify(response.body.singleResult).length : 0;
      const rawResultBytes = JSON.stringify(await db.read(shape.cypher, shape.params)).length;
      let apiHits = 0;
      for (const statement of recording.statements) apiHits += await profiledDbHits(db, statement.cypher, statement.params);
      const handWritten = await profiledDbHits(db, shape.cypher, shape.params);
      dbHits[shape.name] = {
        api: apiHits,
        handWritten,
        ratio: apiHits / Math.max(1, handWritten),
        statements: recording.statements.length,
        apiResponseBytes,
        rawResultBytes,
      };
    }
    breakdown[nestedShape.name] = await timeBreakdown(apollo, db, env.NEO4J_QUERY_TIMEOUT_MS, nestedShape, 11, (query) => counted(query)());
    await apollo.stop();
    report.dbHits = dbHits;
    report.breakdown = breakdown;
    // ---------- the two executors side by side, on replayed database answers
    const executors: Record<string, ExecutorComparison> = {};
    for (const shape of [...shapes(probes), nestedShape]) executors[shape.name] = await compareExecutors(db, env.NEO4J_QUERY_TIMEOUT_MS, shape, 21);
    report.executors = executors;
    log('executors compared');

    // ---------- the workbench's pages in headless Chromium
    report.pages = await timePages(`http://127.0.0.1:${API_PORT}`, generated.probes.hub);
    log('workbench pages timed');

    // ---------- memory
    report.memory = { apiPeakRssMb: peakRssMb(api.pid!) };
    report.errors = totalErrors;
    report.otherErrors = otherErrors.errorKinds;
    report.durationS = (Date.now() - began) / 1000;
    writeReports(report);
    log(`done in ${((Date.now() - began) / 1000).toFixed(0)} s; reports in reports/bench/`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await db.close();
    if (ensured.startedHere) await stopDatabase(env);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
