import fs from 'node:fs';
import http from 'node:http';
import pLimit from 'p-limit';
import path from 'node:path';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Env } from './config/env';
import type { Database } from './db/database';
import { ErrorCode, formatError } from './graphql/errors';
import { armor } from './graphql/limits';
import { createLoaders } from './graphql/loaders';
import { fieldResolver, resolvers, type ApiContext } from './graphql/resolvers';
import { loadTypeDefs } from './graphql/type-defs';
import { PROJECT_ROOT } from './project-root';

/** Files of browser/ served for Neo4j Browser (`:play` and `:style`), with their content types. */
const BROWSER_FILES: Record<string, string> = {
  '/browser/guide.html': 'text/html; charset=utf-8',
  '/browser/style.grass': 'text/plain; charset=utf-8',
};

/** Builds the Apollo server with the API's schema, limits and error shaping. */
export function createApolloServer(): ApolloServer<ApiContext> {
  const protection = armor();
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    fieldResolver,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Cache control is off: nothing here sets cache hints, and its per-field hook costs a promise per resolved field.
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    validationRules: protection.validationRules,
  });
}

export interface ApiServer {
  apollo: ApolloServer<ApiContext>;
  http: http.Server;
  /** Starts Apollo and listens; resolves with the URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** The HTTP server of the API: /graphql, /health and Neo4j Browser's guide and style. Does not listen by itself. */
export function createServer(env: Env, db: Database): ApiServer {
  const apollo = createApolloServer();
  const executing = pLimit(env.API_MAX_CONCURRENT_REQUESTS);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[api] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      else res.end();
    });
  });
  server.requestTimeout = env.API_REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(env.API_REQUEST_TIMEOUT_MS, 10_000);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Use GET /health' }, { Allow: 'GET, HEAD' });
      const reachable = await db.ping();
      return sendJson(res, reachable ? 200 : 503, { status: reachable ? 'ok' : 'degraded', database: reachable ? 'reachable' : 'unreachable' });
    }
    const browserFile = BROWSER_FILES[url.pathname];
    if (browserFile && req.method === 'OPTIONS') {
      // Neo4j Browser's fetch sends Cache-Control, so it asks first; these are public read-only files.
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? 'Cache-Control'),
        'Access-Control-Max-Age': '600',
      });
      return void res.end();
    }
    if (browserFile) {
      // Neo4j Browser fetches the guide from its own origin, so these read-only files allow any origin.
      const body = fs.readFileSync(path.join(PROJECT_ROOT, url.pathname.slice(1)));
      res.writeHead(200, { 'Content-Type': browserFile, 'Access-Control-Allow-Origin': '*', 'Content-Length': body.length });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    if (url.pathname === '/') {
      return sendJson(res, 200, { graphql: '/graphql', health: '/health', browserGuide: '/browser/guide.html', browserStyle: '/browser/style.grass' });
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `Not found: ${url.pathname}. The API is at /graphql.` });
    if (req.method !== 'GET' && req.method !== 'POST') {
      return sendJson(res, 405, { errors: [{ message: 'Use GET or POST on /graphql' }] }, { Allow: 'GET, POST' });
    }

    const body = await readBody(req, env.API_MAX_BODY_BYTES);
    if (body === 'too-large') {
      return sendJson(res, 413, { errors: [{ message: `Request body is larger than ${env.API_MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = body;
    if (req.method === 'POST' && /^application\/json\b/i.test(headers.get('content-type') ?? '') && body.length > 0) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const request: HTTPGraphQLRequest = { method: req.method, headers, search: url.search, body: parsedBody };
    const response = await executing(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: async () => ({ db, loaders: createLoaders(db) }),
      }),
    );
    const responseHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) responseHeaders[key] = value;
    if (response.body.kind === 'complete') {
      res.writeHead(clientErrorStatus(response.status ?? 200, response.body.string), responseHeaders);
      return void res.end(response.body.string);
    }
    res.writeHead(response.status ?? 200, responseHeaders);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    apollo,
    http: server,
    async listen(port, host) {
      await apollo.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return `http://${host}:${actualPort}`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

// Errors raised before execution: the query itself is wrong.
const PRE_EXECUTION_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * graphql-armor's token limit rejects a query while Apollo parses it, and Apollo answers that with 500; a client's
 * mistake must never be a 5xx, so a 5xx whose errors all come before execution becomes 400.
 */
function clientErrorStatus(status: number, body: string): number {
  if (status < 500) return status;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const errors = parsed.errors ?? [];
    if (parsed.data == null && errors.length > 0 && errors.every((e) => PRE_EXECUTION_CODES.has(String(e.extensions?.code)))) return 400;
  } catch {
    // not JSON: leave the status alone
  }
  return status;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
