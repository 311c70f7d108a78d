import type { Database, Params } from '../src/db/database';
import { cpuSideBySide, type CpuPerRequest } from './breakdown';
import { accumulate, apiData, drive, errorMessage, expectSameData, graphqlCall, noRuns, stats, type Driven, type ErrorTally } from './drive';
import type { PeerComparison, QueryComparison, Report } from './report-contract';
import { API_PORT, PEER_PORT } from './servers';
import type { peerShape, Shape } from './shapes';
import { queryTargetMet } from './targets';

// The API against hand-written Cypher and against @neo4j/graphql, warm and interleaved, and the CPU a request costs.

/** What every measurement shares: the hand-written side's database, the rounds per measurement and the run's errors. */
export interface Measuring {
  rawDb: Database;
  rounds: number;
  errors: ErrorTally;
  log: (line: string) => void;
}

const CONCURRENCIES = [1, 8, 32];
const perBatch = (c: number) => Math.max(20, c * 4);

/** `sides` driven in turn, `rounds` times, at concurrency `c`: one set of runs per side. */
async function interleaved<K extends string>(sides: Record<K, () => Promise<unknown>>, c: number, rounds: number): Promise<Record<K, Driven>> {
  const keys = Object.keys(sides) as K[];
  const runs = Object.fromEntries(keys.map((key) => [key, noRuns()])) as Record<K, Driven>;
  for (let round = 0; round < rounds; round++) {
    for (const key of keys) accumulate(runs[key], await drive(c, perBatch(c), sides[key]));
  }
  return runs;
}

/** One researcher query through the API and as hand-written Cypher, after checking both answer with the same data. */
async function measureQuery(m: Measuring, shape: Shape): Promise<Record<string, QueryComparison>> {
  // Both sides answer with the same data, or the benchmark stops here.
  expectSameData(
    `${shape.name}: API and hand-written`,
    shape.sameData.api(await apiData(API_PORT, shape)),
    shape.sameData.raw(await m.rawDb.read(shape.cypher, shape.params)),
    shape.apiAmongRaw,
  );
  const sides = { api: () => graphqlCall(API_PORT, shape.graphql), raw: () => m.rawDb.read(shape.cypher, shape.params) };
  await drive(4, 20, sides.api);
  await drive(4, 20, sides.raw);
  const byConcurrency: Record<string, QueryComparison> = {};
  for (const c of CONCURRENCIES) {
    const runs = await interleaved(sides, c, m.rounds);
    const [api, raw] = [stats(runs.api), stats(runs.raw)];
    m.errors.countBatches(api, raw);
    const p50Ratio = api.p50 / raw.p50;
    const addedP50Ms = api.p50 - raw.p50;
    byConcurrency[`c${c}`] = { api, raw, p50Ratio, addedP50Ms, meetsTarget: queryTargetMet(c, p50Ratio, addedP50Ms) };
  }
  return byConcurrency;
}

/** The researcher queries at concurrency 1, 8 and 32, by name. */
export async function measureQueries(m: Measuring, queryShapes: Shape[]): Promise<Report['queries']> {
  const queries: Report['queries'] = {};
  for (const shape of queryShapes) {
    queries[shape.name] = await measureQuery(m, shape);
    m.log(`queries: ${shape.name} done`);
  }
  return queries;
}

/** The same nested query through the API, @neo4j/graphql and hand-written Cypher, after checking all three agree. */
export async function measurePeer(m: Measuring, nested: ReturnType<typeof peerShape>): Promise<Report['peer']> {
  const nestedData = nested.sameData.api(await apiData(API_PORT, nested));
  expectSameData(`${nested.name}: API and hand-written`, nestedData, nested.sameData.raw(await m.rawDb.read(nested.cypher, nested.params)));
  expectSameData(`${nested.name}: API and @neo4j/graphql`, nestedData, nested.peerData(await apiData(PEER_PORT, { ...nested, graphql: nested.peer })));
  const sides = {
    api: () => graphqlCall(API_PORT, nested.graphql),
    peer: () => graphqlCall(PEER_PORT, nested.peer),
    raw: () => m.rawDb.read(nested.cypher, nested.params),
  };
  for (const call of Object.values(sides)) await drive(4, 20, call);
  const peer: Record<string, PeerComparison> = {};
  for (const c of CONCURRENCIES) {
    const runs = await interleaved(sides, c, m.rounds);
    const s = { api: stats(runs.api), peer: stats(runs.peer), raw: stats(runs.raw) };
    m.errors.countBatches(s.api, s.peer, s.raw);
    peer[`c${c}`] = { ...s, apiVsPeerP50: s.api.p50 / s.peer.p50 };
  }
  m.log('peer comparison done');
  return peer;
}

/** A request to the API whose failure is counted (with its message) instead of thrown: a failed request costs less CPU. */
export function countedCall(errors: ErrorTally, query: string): () => Promise<void> {
  return async () => {
    await graphqlCall(API_PORT, query).catch((error: unknown) => errors.countOutside({ [errorMessage(error)]: 1 }));
  };
}

/**
 * CPU per request, one request at a time, through the API and as a raw call, for each shape and an empty request:
 * what bounds throughput once every core is busy. `pids` are the processes whose CPU counts on each side.
 */
export async function measureCpu(
  m: Measuring,
  cpuShapes: Shape[],
  pids: { api: number; neo4j?: number },
): Promise<{ cpu: Report['cpu']; emptyRequestP50Ms: number }> {
  const rawPids = pids.neo4j ? { neo4j: pids.neo4j } : {};
  const sideBySide = async (query: string, cypher: string, params: Params = {}): Promise<{ api: CpuPerRequest; raw: CpuPerRequest }> => {
    const { a, b } = await cpuSideBySide(countedCall(m.errors, query), () => m.rawDb.read(cypher, params), { a: { ...pids }, b: rawPids });
    return { api: a, raw: b };
  };
  const cpu: Report['cpu'] = {};
  for (const shape of cpuShapes) cpu[shape.name] = await sideBySide(shape.graphql, shape.cypher, shape.params);
  cpu['empty request { __typename }'] = await sideBySide('{ __typename }', 'RETURN 1');
  const emptyHttp = stats(await drive(1, 200, () => graphqlCall(API_PORT, '{ __typename }')));
  m.errors.countOutside(emptyHttp.errorKinds);
  m.log('CPU per request measured');
  return { cpu, emptyRequestP50Ms: emptyHttp.p50 };
}
