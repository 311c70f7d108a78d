import net from 'node:net';
import { Writable } from 'node:stream';
import { stopGracefully } from '../../src/app/startup';
import { Database, openDatabase, type Params } from '../../src/db/database';
import { createServer, type ApiServer } from '../../src/http/server';
import { openTestDatabase } from '../helpers/database';
import { applyTestEnv } from '../helpers/test-env';
import { useTestGraph } from '../helpers/test-graph';

// Operational signals: one structured log line per request, Prometheus metrics, and a graceful stop.

useTestGraph();

/** Collects the JSON lines a server logs. */
class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

async function serve(db: Database, env = applyTestEnv()): Promise<{ server: ApiServer; url: string; logs: LogLines }> {
  const logs = new LogLines();
  const server = createServer({ ...env, LOG_LEVEL: 'info' }, db, { logStream: logs });
  return { server, url: await server.listen(0, '127.0.0.1'), logs };
}

const graphql = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('logs and metrics', () => {
  let server: ApiServer;
  let url: string;
  let logs: LogLines;
  const db = openTestDatabase();
  beforeAll(async () => ({ server, url, logs } = await serve(db)));
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('log one line per request: id, operation, status, duration and error code', async () => {
    const ok = await graphql(url, { query: 'query Probe { entity(id: "org:ichei") { name } }', operationName: 'Probe' }, { 'x-request-id': 'trace-1' });
    expect(ok.headers.get('x-request-id')).toBe('trace-1');
    await graphql(url, { query: '{ entities(first: 1000) { totalCount } }' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = logs.lines.filter((l) => l.msg === 'request');
    expect(lines[0]).toMatchObject({ level: 30, reqId: 'trace-1', method: 'POST', route: '/graphql', status: 200, operation: 'Probe' });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(lines[1]).toMatchObject({ status: 200, operation: 'entities', errorCode: 'BAD_USER_INPUT' });
    expect(lines).toHaveLength(2);
  });

  it('log an aborted client as one info line, without a stack trace', async () => {
    const before = logs.lines.length;
    await new Promise<void>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(url).port) }, () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const added = logs.lines.slice(before);
    expect(added.map((l) => [l.level, l.msg])).toEqual([[30, 'client aborted the request']]);
    expect(JSON.stringify(added)).not.toMatch(/stack|"err"/);
  });

  it('expose Prometheus metrics: requests by operation and outcome, latency, in flight, memory', async () => {
    await graphql(url, { query: '{ statistics { nodes } }' });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^edupolicy_http_requests_total\{route="\/graphql",operation="statistics",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^edupolicy_http_requests_total\{route="\/graphql",operation="entities",outcome="BAD_USER_INPUT"\} 1$/m);
    expect(text).toMatch(/^edupolicy_http_request_duration_seconds_bucket\{le="\+Inf",route="\/graphql",operation="statistics",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^edupolicy_http_requests_in_flight 1$/m); // this one
    expect(text).toMatch(/^edupolicy_process_resident_memory_bytes \d+/m);
  });
});

it('count database errors by kind', async () => {
  const env = { ...applyTestEnv(), NEO4J_MAX_RETRY_MS: 500 };
  const down = openDatabase(env, 'bolt://127.0.0.1:1');
  const { server, url } = await serve(down, env);
  try {
    await graphql(url, { query: '{ entity(id: "org:ichei") { name } }' });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^edupolicy_database_errors_total\{kind="unavailable"\} 1$/m);
    expect(text).toMatch(/^edupolicy_http_requests_total\{route="\/graphql",operation="entity",outcome="DATABASE_UNAVAILABLE"\} 1$/m);
  } finally {
    await server.close();
    await down.close();
  }
});

it('a graceful stop answers the request in flight, then refuses new connections and closes the driver', async () => {
  /** A database whose reads take 500 ms, so that a request is in flight when the stop begins. */
  class SlowDatabase extends Database {
    override async read<R extends Record<string, unknown>>(cypher: string, params: Params = {}): Promise<R[]> {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return super.read<R>(cypher, params);
    }
  }
  const base = openTestDatabase();
  const db = new SlowDatabase(base.driver, base.name, 5_000);
  const { server, url } = await serve(db);
  const inFlight = graphql(url, { query: '{ entity(id: "org:ichei") { name } }' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const began = Date.now();
  const stopped = stopGracefully(
    { url, db, server, ensured: { source: 'external', uri: '', startedHere: false }, stop: async () => (await server.close(), await db.close()) },
    5_000,
  );
  const answer = await inFlight;
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { data: unknown }).data).toEqual({ entity: { name: 'International Centre for Higher Education Innovation' } });
  expect(await stopped).toBe(true);
  expect(Date.now() - began).toBeLessThan(5_000);
  await expect(fetch(`${url}/health`)).rejects.toThrow();
  await expect(db.read('RETURN 1')).rejects.toThrow();
});
