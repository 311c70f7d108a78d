import path from 'node:path';
import type { Env } from '../config/env';
import { databasePassword, passwordFile } from '../db/credentials';
import { openDatabase, type Database } from '../db/database';
import { ensureDatabase, type EnsuredDatabase } from '../launcher/ensure-database';
import { applyGraphSchema } from '../db/graph-schema';
import { createServer, type ApiServer } from '../http/server';
import { ensureWebBuilt } from '../workbench/build';
import { PROJECT_ROOT } from '../project-root';
import { formatLoadReport } from '../seed/format-report';
import { graphIsEmpty, loadSeed } from '../seed/load-seed';

/** The project's seed folder. */
export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

type Log = (line: string) => void;

/** Step 1 and 2 of start-up: a database (NEO4J_URI, the local server or Docker) and a driver to it. */
export async function connect(env: Env, log: Log): Promise<{ ensured: EnsuredDatabase; db: Database }> {
  const ensured = await ensureDatabase(env, log);
  return { ensured, db: openDatabase(env, ensured.uri) };
}

/** Steps 1 to 4: database, driver, the graph schema, and the seed loaded when the graph is empty. */
export async function prepareGraph(env: Env, log: Log): Promise<{ ensured: EnsuredDatabase; db: Database }> {
  const { ensured, db } = await connect(env, log);
  log(`Neo4j ${ensured.startedHere ? 'started' : 'reachable'} (${ensured.source}) at ${ensured.uri}`);
  try {
    await applyGraphSchema(db);
    const { empty, nodes } = await graphIsEmpty(db);
    if (empty) {
      log(formatLoadReport(await loadSeed(db, SEED_DIR, { timeoutMs: env.NEO4J_LOAD_TIMEOUT_MS, transactionRows: env.NEO4J_LOAD_TRANSACTION_ROWS })));
    } else {
      log(`The graph holds ${nodes} entities; not reseeding (run \`npm run seed\` to load changed seed files).`);
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return { ensured, db };
}

export interface RunningApp {
  url: string;
  ensured: EnsuredDatabase;
  db: Database;
  server: ApiServer;
  /** Stops the API and closes the driver (the database keeps running). */
  stop(): Promise<void>;
}

/** All of start-up, for `npm start` and `npm run cli -- serve`: the graph prepared, then the API listening. */
export async function startApp(env: Env, log: Log): Promise<RunningApp> {
  const { ensured, db } = await prepareGraph(env, log);
  const browserDir = ensured.browserAppDir ?? env.NEO4J_BROWSER_DIR;
  const workbench = env.WEB_DIR ? { dir: env.WEB_DIR, built: false } : await ensureWebBuilt();
  if (workbench.built) log(`Built the workbench into ${workbench.dir}`);
  const server = createServer(env, db, {
    workbenchDir: workbench.dir,
    ...(browserDir ? { browserApp: { dir: browserDir, boltUri: env.NEO4J_BROWSER_BOLT_URI ?? ensured.uri } } : {}),
  });
  let url: string;
  try {
    url = await server.listen(env.PORT, env.HOST);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url,
    ensured,
    db,
    server,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}

/** The lines `npm start` prints once the API listens: where everything is. */
export function describeRunningApp(env: Env, app: RunningApp): string {
  const lines = [`Workbench:      ${app.url}/`, `GraphQL API:    ${app.url}/graphql  (IDE: ${app.url}/graphiql)`, `Health:         ${app.url}/health`];
  const browserUrl = app.server.servesNeo4jBrowser ? (app.ensured.browserUrl ?? `${app.url}/browser/`) : undefined;
  if (browserUrl) {
    const { password, source } = databasePassword(env);
    const credentials = source === 'generated' ? `password ${password}, kept in ${passwordFile(env)}` : 'password from NEO4J_PASSWORD';
    lines.push(`Neo4j Browser:  ${browserUrl}  (user ${env.NEO4J_USER}, ${credentials})`);
    lines.push(`Browser guide:  plays on connect; or run  :play ${app.url}/browser/guide.html`);
  }
  return lines.join('\n');
}

/**
 * Stops the app on a signal: no new connections, requests in flight answered (for at most `boundMs`), the driver
 * closed. Resolves with whether everything finished within the bound.
 */
export async function stopGracefully(app: RunningApp, boundMs = 10_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), boundMs)));
  try {
    return await Promise.race([app.stop().then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
