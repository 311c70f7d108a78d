import type { IncomingMessage } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PROJECT_ROOT } from '../project-root';

/** Neo4j Browser's static files, unpacked from its jar, and the database it should connect to. */
export interface BrowserApp {
  /** Folder holding Browser's index.html and bundles. */
  dir: string;
  /** The database's Bolt URI, which Browser reaches over a WebSocket. */
  boltUri: string;
}

const PROJECT_BROWSER_DIR = path.join(PROJECT_ROOT, 'neo4j-browser');
const PROJECT_FILES = /^\/?(guide\.html|style\.grass)$/;
/** The address the guide is written with (neo4j-browser/guide.html), replaced by the one each request came to. */
const GUIDE_ORIGIN = 'http://127.0.0.1:4000';

/** The WebSocket origin Browser opens for a Bolt URI: wss for the encrypted schemes, ws otherwise. */
export function boltWebSocketOrigin(boltUri: string): string {
  const url = new URL(boltUri);
  const secure = url.protocol.includes('+s');
  return `${secure ? 'wss' : 'ws'}://${url.hostname}:${url.port || '7687'}`;
}

/** The API under both names of this machine, so that a guide played from either one loads. */
function apiOrigins(request: IncomingMessage): string {
  const port = request.socket.localPort;
  return `http://127.0.0.1:${port} http://localhost:${port}`;
}

/**
 * Registers /browser/: the project's guide and style for any origin (Neo4j Browser elsewhere fetches them), and, when
 * given, Neo4j Browser itself under a Content-Security-Policy that lets it reach only the API and the database: the
 * fonts, analytics and error reports it would load from the internet are refused by the page itself.
 */
export function registerNeo4jBrowserRoutes(app: FastifyInstance, browserApp: BrowserApp | undefined): void {
  void app.register(
    async (scope) => {
      await scope.register(cors, { origin: '*', methods: ['GET', 'HEAD'], maxAge: 600 });
      if (browserApp) {
        const bolt = boltWebSocketOrigin(browserApp.boltUri);
        await scope.register(helmet, {
          global: true,
          // The guide and style are fetched by Browsers elsewhere too, and this is plain HTTP on this machine.
          crossOriginEmbedderPolicy: false,
          crossOriginResourcePolicy: false,
          strictTransportSecurity: false,
          contentSecurityPolicy: {
            useDefaults: false,
            directives: {
              defaultSrc: ["'self'"],
              scriptSrc: ["'self'"],
              // Browser's index.html and its styled components write inline styles.
              styleSrc: ["'self'", "'unsafe-inline'"],
              imgSrc: ["'self'", 'data:', 'blob:'],
              fontSrc: ["'self'", 'data:'],
              connectSrc: ["'self'", (request) => apiOrigins(request), bolt],
              workerSrc: ["'self'", 'blob:'],
              frameSrc: ["'self'"],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              formAction: ["'self'"],
              frameAncestors: ["'self'"],
            },
          },
        });
      }
      // The guide names the API's own address (its style, its GraphQL endpoint); it is served with the address the
      // browser used, so that it works on any port and under either name of this machine.
      const guide = fs.readFileSync(path.join(PROJECT_BROWSER_DIR, 'guide.html'), 'utf8');
      scope.get('/guide.html', async (request, reply) => {
        const host = request.headers.host && /^[\w.-]+(:\d{1,5})?$/.test(request.headers.host) ? request.headers.host : null;
        return reply.type('text/html; charset=utf-8').send(host ? guide.replaceAll(GUIDE_ORIGIN, `http://${host}`) : guide);
      });
      await scope.register(fastifyStatic, {
        // Browser's folder gives its app; a file not found there is looked up in the project's folder, which gives only
        // the guide and the style (a refused path ends the look-up, so the project's folder comes second).
        root: browserApp ? [browserApp.dir, PROJECT_BROWSER_DIR] : PROJECT_BROWSER_DIR,
        allowedPath: (file, root) => (root === PROJECT_BROWSER_DIR ? PROJECT_FILES.test(file) : true),
      });
    },
    { prefix: '/browser' },
  );
}
