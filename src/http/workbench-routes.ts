import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageQuery, type PageQuery } from '../workbench/page-queries';

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

/** Runs a page's first query for the request that asked for the page: the GraphQL answer, or null to send none. */
export type PageAnswerer = (query: PageQuery, request: FastifyRequest) => Promise<unknown>;

/** The element the page reads its first answer from (src/workbench/app/page-answer.ts); `<` escaped so that no text ends it. */
const answerElement = (query: PageQuery, answer: unknown) =>
  `<script type="application/json" id="page-answer">${JSON.stringify({ ...query, answer }).replace(/</g, '\\u003c')}</script>\n`;

/**
 * Sends `html`; for a page that opens with a query (src/workbench/page-queries.ts), everything but the end at once, then the
 * query's answer and the end. The page's scripts load meanwhile, so the page starts with its data instead of asking
 * for it; if the query cannot be run, the page is sent without an answer and asks the API itself.
 */
function sendPage(html: Buffer, answer: PageAnswerer | undefined, request: FastifyRequest, reply: FastifyReply) {
  const url = new URL(request.url, 'http://workbench');
  const query = answer ? pageQuery(url.pathname, url.search) : null;
  void reply.type('text/html; charset=utf-8');
  const end = html.lastIndexOf('</body>');
  if (!answer || !query || end < 0) return reply.send(html);
  const stream = new PassThrough();
  stream.write(html.subarray(0, end));
  answer(query, request).then(
    (body) => stream.end(Buffer.concat([Buffer.from(body === null ? '' : answerElement(query, body)), html.subarray(end)])),
    (error: unknown) => {
      request.log.warn({ err: error }, 'the page was sent without its first answer');
      stream.end(html.subarray(end));
    },
  );
  return reply.send(stream);
}

/**
 * The workbench (built by src/workbench/build.ts into `dir`): its pages at /, /entity/<id>, /document/<id> and /graphiql,
 * its bundles under /app/, all under a Content-Security-Policy that lets them reach only this origin. With `answer`,
 * entity and network pages arrive with their first query's answer.
 */
export function registerWorkbenchRoutes(app: FastifyInstance, dir: string, answer?: PageAnswerer): void {
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
    const page = (html: Buffer) => async (request: FastifyRequest, reply: FastifyReply) => sendPage(html, answer, request, reply);
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
