import fs from 'node:fs';
import type { ApolloServer } from '@apollo/server';
import { Database, type Params } from '../src/db/database';
import { createLoaders } from '../src/graphql/loaders';
import type { ApiContext } from '../src/graphql/context';
import type { Shape } from './shapes';

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

/** This process's own CPU time so far, in ms. */
function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface CpuPerRequest {
  calls: number;
  /** CPU ms per request in each process that takes part; null where the process is not ours to measure. */
  api: number | null;
  neo4j: number | null;
  client: number;
  total: number;
}

/**
 * Runs `call` one at a time for at least `minMs` and 20 calls, and divides the CPU each process used by the number
 * of calls. On a machine whose cores are all busy, throughput cannot exceed cores / total CPU per request.
 */
async function cpuPerRequest(call: () => Promise<unknown>, pids: { api?: number; neo4j?: number }, minMs: number): Promise<CpuPerRequest> {
  const read = () => ({
    api: pids.api === undefined ? null : processCpuMs(pids.api),
    neo4j: pids.neo4j === undefined ? null : processCpuMs(pids.neo4j),
    client: ownCpuMs(),
  });
  const before = read();
  const began = performance.now();
  let calls = 0;
  while (calls < 20 || performance.now() - began < minMs) {
    await call();
    calls++;
  }
  const after = read();
  const per = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / calls);
  const api = per(before.api, after.api);
  const neo4j = per(before.neo4j, after.neo4j);
  const client = (after.client - before.client) / calls;
  return { calls, api, neo4j, client, total: (api ?? 0) + (neo4j ?? 0) + client };
}

/**
 * CPU per request of two ways to answer one question, measured in alternating windows (a, b, a, b, ...), each side's
 * window with the median total kept: a burst of background work in one process (a JVM collection, a checkpoint)
 * then lands in one window of one side, not in the only window of the side measured first.
 */
export async function cpuSideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  pids: { a: { api?: number; neo4j?: number }; b: { api?: number; neo4j?: number } },
  rounds = 3,
): Promise<{ a: CpuPerRequest; b: CpuPerRequest }> {
  const windows: { a: CpuPerRequest[]; b: CpuPerRequest[] } = { a: [], b: [] };
  for (let round = 0; round < rounds; round++) {
    windows.a.push(await cpuPerRequest(a, pids.a, 1000));
    windows.b.push(await cpuPerRequest(b, pids.b, 1000));
  }
  const median = (list: CpuPerRequest[]) => list.slice().sort((x, y) => x.total - y.total)[Math.floor(list.length / 2)]!;
  return { a: median(windows.a), b: median(windows.b) };
}

/** A Database that measures how long at least one of its statements was running. */
class StatementClock extends Database {
  busyMs = 0;
  statements = 0;
  private running = 0;
  private since = 0;
  override async read<R extends Record<string, unknown>>(cypher: string, params: Params = {}): Promise<R[]> {
    if (this.running++ === 0) this.since = performance.now();
    this.statements++;
    try {
      return await super.read<R>(cypher, params);
    } finally {
      if (--this.running === 0) this.busyMs += performance.now() - this.since;
    }
  }
}

export interface TimeBreakdown {
  /**
   * Medians over the runs, in ms: the same query over HTTP, and in-process the whole execution, the part with a
   * statement running, the rest of it, and JSON; HTTP calls and in-process runs alternate, so all see the same machine.
   */
  httpMs: number;
  executeMs: number;
  statementsMs: number;
  graphqlMs: number;
  serializeMs: number;
  responseKb: number;
  /** Statements the API sent for one execution. */
  statements: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Where one shape's time goes inside the API: executes it in-process `runs` times and splits each run's time. */
export async function timeBreakdown(
  apollo: ApolloServer<ApiContext>,
  db: Database,
  queryTimeoutMs: number,
  shape: Shape,
  runs: number,
  overHttp: (query: string) => Promise<unknown>,
): Promise<TimeBreakdown> {
  const clock = new StatementClock(db.driver, db.name, queryTimeoutMs);
  const http: number[] = [];
  const execute: number[] = [];
  const statements: number[] = [];
  const graphql: number[] = [];
  const serialize: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const sent = performance.now();
    await overHttp(shape.graphql);
    http.push(performance.now() - sent);
    clock.busyMs = 0;
    clock.statements = 0;
    const began = performance.now();
    const response = await apollo.executeOperation({ query: shape.graphql }, { contextValue: { db: clock, loaders: createLoaders(clock) } });
    execute.push(performance.now() - began);
    statements.push(clock.busyMs);
    graphql.push(execute.at(-1)! - clock.busyMs);
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(`${shape.name}: the API answered with errors`);
    const t0 = performance.now();
    bytes = JSON.stringify(response.body.singleResult).length;
    serialize.push(performance.now() - t0);
  }
  return {
    httpMs: median(http),
    executeMs: median(execute),
    statementsMs: median(statements),
    graphqlMs: median(graphql),
    serializeMs: median(serialize),
    responseKb: bytes / 1024,
    statements: clock.statements,
  };
}
