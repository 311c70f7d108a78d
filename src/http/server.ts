import type { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyServerOptions,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import pino, { type DestinationStream } from 'pino';
import pLimit from 'p-limit';
import type { Env } from '../config/env';
import type { Database } from '../db/database';
import { AppError, ExitCode } from '../errors/app-error';
import { createApolloServer } from '../graphql/apollo';
import { ErrorCode } from '../graphql/errors';
import { createLoaders } from '../graphql/loaders';
import type { ApiContext } from '../graphql/context';
import type { RequestInfo } from '../graphql/plugin/request-info';
import { EXPORT_FORMAT_NAMES } from '../export/formats';
import { errorBody } from './error-body';
import { registerExportRoute } from './export-routes';
import { registerNeo4jBrowserRoutes, type BrowserApp } from './neo4j-browser-routes';
import { registerWorkbenchRoutes, wantsPage, WORKBENCH_CSP, workbenchIndex, type PageAnswerer } from './workbench-routes';
import { ApiMetrics } from './metrics';
import { charsetRefusal, emptyQueryRefusal, nestingRefusal, persistedQueryRefusal } from './request-guards';

/** The API's port is taken: a person must free it or choose another. */
export class PortInUseError extends AppError {
  readonly code = 'PORT_IN_USE';
  readonly exitCode = ExitCode.UNAVAILABLE;
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use.`, 'Stop what runs there, or set PORT to another port.');
  }
}

export interface ServerOptions {
  /** The built workbench (src/workbench/build.ts) to serve at /, /entity/..., /document/..., /graphiql and /app/. */
  workbenchDir?: string;
  /** Neo4j Browser to serve under /browser/ (the local launcher unpacks it); without it only the guide and style. */
  browserApp?: BrowserApp;
  /** Where the JSON log lines go (tests read them); stdout by default, pretty-printed when it is a terminal. */
  logStream?: DestinationStream;
}

/** fastify's logger: pino at LOG_LEVEL, JSON lines, made readable by pino-pretty when writing to a terminal. */
function loggerOptions(env: Env, stream: DestinationStream | undefined): Pick<FastifyServerOptions, 'logger'> & { loggerInstance?: FastifyBaseLogger } {
  if (stream) return { loggerInstance: pino({ level: env.LOG_LEVEL }, stream) as FastifyBaseLogger };
  if (process.stdout.isTTY) {
    return { logger: { level: env.LOG_LEVEL, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } };
  }
  return { logger: { level: env.LOG_LEVEL } };
}

export interface ApiServer {
  apollo: ApolloServer<ApiContext>;
  fastify: FastifyInstance;
  metrics: ApiMetrics;
  /** Whether /browser/ serves Neo4j Browser itself (else only the guide and style). */
  servesNeo4jBrowser: boolean;
  /** Starts Apollo, adds the routes and listens; resolves with the base URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/** Codes for the 4xx errors fastify itself raises while reading a request. */
function clientErrorCode(status: number): ErrorCode {
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === 415) return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  return ErrorCode.BAD_REQUEST;
}

/** fastify with the API's limits: body size, header, request and keep-alive timeouts, connections. */
function createFastify(env: Env, logStream: DestinationStream | undefined): FastifyInstance {
  const app = Fastify({
    ...loggerOptions(env, logStream),
    // One line per request, written by the onResponse hook below, instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: env.API_MAX_BODY_BYTES,
    // Node checks header and request timeouts every connectionsCheckingInterval (30 s by default), so a 10 s limit could
    // take 40 s to fire; every second makes them hold. A socket idle for longer than that (a client that stopped reading
    // its answer) is dropped; the margin lets a stalled request get its 408 first.
    http: { connectionsCheckingInterval: 1_000, headersTimeout: Math.min(env.API_HEADERS_TIMEOUT_MS, env.API_REQUEST_TIMEOUT_MS) },
    requestTimeout: env.API_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: env.API_KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: env.API_REQUEST_TIMEOUT_MS + 5_000,
  });
  app.server.maxConnections = env.API_MAX_CONNECTIONS;
  return app;
}

/**
 * Operational signals: requests in flight, and one log line and one observation per answered request, with the
 * request id (also sent back as x-request-id), the GraphQL operation, status, duration and error code.
 */
function registerRequestLog(app: FastifyInstance, metrics: ApiMetrics): void {
  app.decorateRequest('graphql', undefined);
  app.decorateRequest('finished', false);
  app.decorateRequest('startedAt', 0);
  app.addHook('onRequest', async (request, reply) => {
    request.startedAt = performance.now();
    metrics.inFlight.inc();
    request.graphql = { databaseErrors: [] };
    void reply.header('x-request-id', request.id);
  });
  const done = (request: FastifyRequest) => {
    if (request.finished) return false;
    request.finished = true;
    metrics.inFlight.dec();
    return true;
  };
  app.addHook('onResponse', async (request, reply) => {
    if (!done(request)) return;
    const route = request.routeOptions.url ?? 'unknown';
    const info = request.graphql;
    metrics.observe(route, info, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(info?.rootField ? { operation: info.operationName ?? info.rootField } : {}),
        ...(info?.errorCode ? { errorCode: info.errorCode } : {}),
      },
      'request',
    );
  });
  // A client that goes away before its answer: one line, no stack trace.
  app.addHook('onRequestAbort', async (request) => {
    if (done(request))
      request.log.info(
        { method: request.method, route: request.routeOptions.url, durationMs: Math.round(performance.now() - request.startedAt) },
        'client aborted the request',
      );
  });
}

/** Every error fastify meets, and every unknown path, in the one error body shape; only 5xx are logged, without detail sent. */
function registerErrorHandlers(app: FastifyInstance, env: Env): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `Request body is larger than ${env.API_MAX_BODY_BYTES} bytes (API_MAX_BODY_BYTES)`
          : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
            ? 'The request body is not valid JSON'
            : error.message;
      return reply.code(status).send(errorBody(message, clientErrorCode(status)));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(`Not found: ${request.url.split('?')[0]}. The API is at /graphql.`, ErrorCode.NOT_FOUND)),
  );
}

/** A handler that answers 405 with the methods the path takes. */
function methodNotAllowed(allow: string) {
  return (_request: unknown, reply: FastifyReply) =>
    reply
      .code(405)
      .header('allow', allow)
      .send(errorBody(`Use ${allow} here`, ErrorCode.METHOD_NOT_ALLOWED));
}

/** /health: whether the database answers. */
function registerHealthRoutes(app: FastifyInstance, db: Database): void {
  app.get('/health', async (_request, reply) => {
    const reachable = await db.ping();
    return reply.code(reachable ? 200 : 503).send({ status: reachable ? 'ok' : 'degraded', database: reachable ? 'reachable' : 'unreachable' });
  });
  app.route({ method: ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'], url: '/health', handler: methodNotAllowed('GET, HEAD') });
}

/**
 * The API's index: the workbench for a browser, a JSON list of the addresses for a script. Neo4j Browser served from
 * here reads its discovery document from this origin's root, so the Bolt address goes here too (under the key Neo4j's
 * own discovery endpoint uses).
 */
function registerIndexRoute(app: FastifyInstance, options: ServerOptions): void {
  const home = options.workbenchDir ? workbenchIndex(options.workbenchDir) : null;
  app.get('/', async (request, reply) => {
    // A browser gets the workbench; a script (and Neo4j Browser's discovery request) the JSON index.
    if (home && wantsPage(request)) return reply.type('text/html; charset=utf-8').header('content-security-policy', WORKBENCH_CSP).send(home);
    return {
      graphql: '/graphql',
      health: '/health',
      metrics: '/metrics',
      exports: EXPORT_FORMAT_NAMES.map((format) => `/export/${format}`),
      ...(home ? { workbench: '/', graphiql: '/graphiql' } : {}),
      ...(options.browserApp ? { browser: '/browser/', bolt_direct: options.browserApp.boltUri } : {}),
      browserGuide: '/browser/guide.html',
      browserStyle: '/browser/style.grass',
    };
  });
}

/**
 * Refuses, before GraphQL sees them, persisted queries, empty queries, and nesting deep enough to exhaust the parser's
 * or the variable coercion's stack; leads a person who opens /graphql in a browser to the IDE.
 */
function graphqlGuard(options: ServerOptions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // A person who opens the GraphQL address in a browser is led to the IDE, not to a CSRF refusal.
    if (options.workbenchDir && request.method === 'GET' && wantsPage(request) && !(request.query as { query?: unknown }).query) {
      return reply.redirect('/graphiql', 302);
    }
    const params = (request.method === 'GET' ? request.query : request.body) as Record<string, unknown> | undefined;
    const parsed = (key: string) => (typeof params?.[key] === 'string' && key !== 'query' ? safeJson(params[key] as string) : params?.[key]);
    const refusal = persistedQueryRefusal(parsed('extensions')) ?? emptyQueryRefusal(params?.query) ?? nestingRefusal(params?.query, parsed('variables'));
    if (refusal) {
      return reply
        .code(refusal.status)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(errorBody(refusal.message, refusal.code)));
    }
  };
}

/** /graphql, once Apollo has started: guarded, and executed at most API_MAX_CONCURRENT_REQUESTS at once. */
function registerGraphqlRoute(
  app: FastifyInstance,
  apollo: ApolloServer<ApiContext>,
  db: Database,
  executing: ReturnType<typeof pLimit>,
  options: ServerOptions,
): void {
  const graphql = fastifyApolloHandler<ApiContext>(apollo, {
    context: async (request) => ({ db, loaders: createLoaders(db), ...(request.graphql ? { requestInfo: request.graphql } : {}) }),
  });
  // At most API_MAX_CONCURRENT_REQUESTS requests execute at once; the rest wait their turn.
  app.route<{ Reply: string }>({
    method: ['GET', 'POST'],
    url: '/graphql',
    preValidation: graphqlGuard(options),
    handler: (request, reply) => executing(() => graphql.call(app, request, reply)),
  });
  app.route({ method: ['PUT', 'DELETE', 'PATCH', 'OPTIONS'], url: '/graphql', handler: methodNotAllowed('GET, POST') });
}

/**
 * The HTTP server of the API on fastify: GraphQL at /graphql (Apollo through its fastify integration), /health, and
 * Neo4j Browser's guide and style under /browser/ with CORS. Does not listen by itself.
 */
export function createServer(env: Env, db: Database, options: ServerOptions = {}): ApiServer {
  const app = createFastify(env, options.logStream);
  const apollo = createApolloServer(app.log);
  const executing = pLimit(env.API_MAX_CONCURRENT_REQUESTS);
  const metrics = new ApiMetrics();
  registerRequestLog(app, metrics);
  registerErrorHandlers(app, env);
  // Checked before the body is read: a charset other than UTF-8 would otherwise be read as UTF-8.
  app.addHook('onRequest', async (request, reply) => {
    const refusal = charsetRefusal(request.headers['content-type']);
    if (refusal) return reply.code(refusal.status).send(errorBody(refusal.message, refusal.code));
  });
  registerHealthRoutes(app, db);
  registerIndexRoute(app, options);
  // An entity or network page arrives with its first query's answer, run through Apollo like any request (limits,
  // errors, the request's log line and metrics) and waiting its turn like one.
  const answerPage: PageAnswerer = (query, request) =>
    executing(async () => {
      const contextValue: ApiContext = { db, loaders: createLoaders(db), ...(request.graphql ? { requestInfo: request.graphql } : {}) };
      const response = await apollo.executeOperation(query, { contextValue });
      return response.body.kind === 'single' ? response.body.singleResult : null;
    });
  if (options.workbenchDir) registerWorkbenchRoutes(app, options.workbenchDir, answerPage);
  registerExportRoute(app, db);
  // Prometheus metrics: requests and latency by route, operation and outcome, database errors, in flight, process.
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  registerNeo4jBrowserRoutes(app, options.browserApp);

  return {
    apollo,
    fastify: app,
    metrics,
    servesNeo4jBrowser: options.browserApp !== undefined,
    async listen(port, host) {
      apollo.addPlugin(fastifyApolloDrainPlugin(app));
      await apollo.start();
      registerGraphqlRoute(app, apollo, db, executing, options);
      try {
        return await app.listen({ port, host });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new PortInUseError(host, port);
        throw error;
      }
    },
    async close() {
      await app.close();
      await apollo.stop();
    },
  };
}

/** Parses JSON, or gives undefined (Apollo reports malformed variables of a GET itself). */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Filled by Apollo's request-info plugin, read by the log line and the metrics. */
    graphql?: RequestInfo;
    /** Whether the request was counted as answered or aborted already. */
    finished?: boolean;
    /** When the request arrived (performance.now()), for the abort line. */
    startedAt: number;
  }
}
