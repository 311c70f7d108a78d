import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The workbench's pages reach only this origin; GraphiQL's editor sets inline styles.
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** The same policy as a header value, for the home page, which is served outside this plugin's scope. */
export const WORKBENCH_CSP = Object.entries(DIRECTIVES)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join(';');

/** Whether a request is a person's browser asking for a page (rather than a script asking for data). */
export function wantsPage(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('text/html');
}

/**
 * The workbench (built by src/web/build-web.ts into `dir`): its pages at /, /entity/<id>, /document/<id> and /graphiql,
 * its bundles under /app/, all under a Content-Security-Policy that lets them reach only this origin.
 */
export function registerWorkbenchRoutes(app: FastifyInstance, dir: string): void {
  const index = fs.readFileSync(path.join(dir, 'index.html'));
  const graphiql = fs.readFileSync(path.join(dir, 'graphiql.html'));
  void app.register(async (scope) => {
    await scope.register(helmet, {
      global: true,
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: DIRECTIVES,
      },
    });
    const page = (html: Buffer) => async (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(html);
    scope.get('/entity/*', page(index));
    scope.get('/document/*', page(index));
    scope.get('/network/*', page(index));
    scope.get('/interlocks/*', page(index));
    scope.get('/paths', page(index));
    scope.get('/graphiql', page(graphiql));
    await scope.register(fastifyStatic, { root: path.join(dir, 'app'), prefix: '/app/' });
  });
}

/** The workbench's home page, for `/` when a browser asks for a page. */
export function workbenchIndex(dir: string): Buffer {
  return fs.readFileSync(path.join(dir, 'index.html'));
}
