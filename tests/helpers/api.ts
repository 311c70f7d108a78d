import type { Database } from '../../src/db/database';
import { createServer, type ApiServer } from '../../src/http/server';
import { openTestDatabase } from './database';
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
export async function startApi(db: Database = openTestDatabase()): Promise<RunningApi> {
  const env = applyTestEnv();
  const server = createServer(env, db);
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
