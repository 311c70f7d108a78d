import net from 'node:net';
import { openDatabase } from '../../src/db/database';
import { createServer, type ApiServer } from '../../src/http/server';
import { applyTestEnv } from '../helpers/test-env';

// Slow and idle clients against the API with short limits: each limit must hold within about a second of its
// setting, and connections beyond the cap are closed on arrival. No database is needed for this.
const LIMITS = { API_HEADERS_TIMEOUT_MS: 1_000, API_REQUEST_TIMEOUT_MS: 2_000, API_KEEP_ALIVE_TIMEOUT_MS: 500, API_MAX_CONNECTIONS: 4 };
const SLACK_MS = 1_500;

let server: ApiServer;
let port: number;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  const env = { ...applyTestEnv(), ...LIMITS };
  server = createServer(env, openDatabase(env, 'bolt://127.0.0.1:1'));
  port = Number(new URL(await server.listen(0, '127.0.0.1')).port);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});
afterAll(() => server.close());

/** Opens a socket, sends `data`, and resolves with what came back and how long the server kept the socket open. */
function hold(data: string, maxMs = 10_000): Promise<{ closedAfterMs: number; received: string }> {
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(data));
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ closedAfterMs: Date.now() - began, received }));
    setTimeout(() => reject(new Error(`the server kept the socket open for ${maxMs} ms`)), maxMs).unref();
  });
}

it('closes a socket whose headers never finish, within a second of the header timeout', async () => {
  const { closedAfterMs } = await hold('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
  expect(closedAfterMs).toBeGreaterThanOrEqual(LIMITS.API_HEADERS_TIMEOUT_MS - 100);
  expect(closedAfterMs).toBeLessThan(LIMITS.API_HEADERS_TIMEOUT_MS + SLACK_MS);
});

it('answers 408 to a body that never finishes, within a second of the request timeout', async () => {
  const { closedAfterMs, received } = await hold(
    'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
  );
  expect(received).toMatch(/^HTTP\/1\.1 408/);
  expect(closedAfterMs).toBeGreaterThanOrEqual(LIMITS.API_REQUEST_TIMEOUT_MS - 100);
  expect(closedAfterMs).toBeLessThan(LIMITS.API_REQUEST_TIMEOUT_MS + SLACK_MS);
});

it('closes an idle kept-alive socket after the keep-alive timeout', async () => {
  const { closedAfterMs, received } = await hold('GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n');
  expect(received).toMatch(/^HTTP\/1\.1 404/);
  expect(closedAfterMs).toBeLessThan(LIMITS.API_KEEP_ALIVE_TIMEOUT_MS + SLACK_MS);
});

it('closes connections beyond the cap on arrival, and serves again once there is room', async () => {
  // Hold the cap's worth of sockets open with unfinished headers (the header timeout closes them later).
  const held = Array.from({ length: LIMITS.API_MAX_CONNECTIONS }, () => hold('GET /health HTTP/1.1\r\nHost: localhost\r\n'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const refused = await hold('GET /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
  expect(refused.received).toBe('');
  expect(refused.closedAfterMs).toBeLessThan(500);
  await Promise.all(held);
  const served = await hold('GET /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
  expect(served.received).toMatch(/^HTTP\/1\.1 404/);
});
