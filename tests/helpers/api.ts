import type { Database } from '../../src/db/database';
import { createServer, type ApiServer } from '../../src/http/server';
import { openTestDatabase } from './database';
import { BROWSER_APP_DIR, NEO4J_LIB_DIR } from '../../src/launcher/ensure-database';
import { ensureBrowserApp } from '../../src/launcher/neo4j-browser-app';
import { ensureNeo4jJars } from '../../src/launcher/maven-jars';
import type { BrowserApp } from '../../src/http/neo4j-browser-routes';
import { ensureWebBuilt } from '../../src/workbench/build';
import { applyTestEnv } from './test-env';

export interface RunningApi {
  url: string;
  db: Database;
  server: ApiServer;
  /** POSTs a GraphQL request and returns the HTTP status and parsed body. */
  graphql(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }>;
  stop(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Starts the API on a free port against the given database (a new driver to the test database by default). */
export async function startApi(db: Database = openTestDatabase(), options: { withNeo4jBrowser?: boolean; withWorkbench?: boolean } = {}): Promise<RunningApi> {
  const env = applyTestEnv();
  const server = createServer(env, db, {
    ...(options.withNeo4jBrowser ? { browserApp: await testBrowserApp() } : {}),
    ...(options.withWorkbench ? { workbenchDir: (await ensureWebBuilt()).dir } : {}),
  });
  const url = await server.listen(0, '127.0.0.1');
  return {
    url,
    db,
    server,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async stop() {
      await server.close();
      await db.close();
    },
  };
}

/** Neo4j Browser unpacked as `npm start` does it (resolving the jars first when the test database is not local). */
async function testBrowserApp(): Promise<BrowserApp> {
  const boltUri = process.env.TEST_NEO4J_BOLT_URI;
  if (!boltUri) throw new Error('TEST_NEO4J_BOLT_URI is not set: the jest global setup did not provide a database.');
  await ensureNeo4jJars(NEO4J_LIB_DIR, applyTestEnv().NEO4J_MAVEN_REPO_LOCAL);
  await ensureBrowserApp(NEO4J_LIB_DIR, BROWSER_APP_DIR);
  return { dir: BROWSER_APP_DIR, boltUri };
}
