import path from 'node:path';
import { ConfigError, loadEnv } from './config/env';
import { openDatabase } from './db/database';
import { ensureDatabase } from './db/ensure-database';
import { applyGraphSchema } from './db/graph-schema';
import { LauncherError } from './db/launcher/launcher-error';
import { formatLoadReport } from './cli/seed-command';
import { PROJECT_ROOT } from './project-root';
import { loadSeed } from './seed/load-seed';
import { SeedValidationError } from './seed/seed-problem';
import { createServer } from './server';

/** `npm start`: database up, schema applied, seed loaded into an empty graph, GraphQL served. */
async function main(): Promise<void> {
  const env = loadEnv();
  const ensured = await ensureDatabase(env, (line) => console.log(line));
  console.log(`Neo4j ${ensured.startedHere ? 'started' : 'reachable'} (${ensured.source}) at ${ensured.uri}`);
  const db = openDatabase(env, ensured.uri);
  await applyGraphSchema(db);
  const [{ nodes }] = (await db.read<{ nodes: number }>('RETURN COUNT { (n:Entity) } AS nodes')) as [{ nodes: number }];
  if (nodes === 0) {
    console.log(formatLoadReport(await loadSeed(db, path.join(PROJECT_ROOT, 'seed'), { timeoutMs: env.NEO4J_LOAD_TIMEOUT_MS, transactionRows: env.NEO4J_LOAD_TRANSACTION_ROWS })));
  } else {
    console.log(`The graph holds ${nodes} entities; not reseeding (run \`npm run seed\` to load changed seed files).`);
  }

  const server = createServer(env, db);
  const url = await server.listen(env.PORT, env.HOST);
  console.log(`\nGraphQL API:    ${url}/graphql`);
  console.log(`Health:         ${url}/health`);
  if (ensured.browserUrl) {
    console.log(`Neo4j Browser:  ${ensured.browserUrl}  (user ${env.NEO4J_USER}, password from NEO4J_PASSWORD)`);
    console.log(`Browser guide:  run  :play http://localhost:${env.PORT}/browser/guide.html  in Neo4j Browser`);
  }

  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping the API (the database keeps running; npm run db:stop stops it).`);
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LauncherError || error instanceof SeedValidationError) console.error(error.message);
  else if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    console.error(`Port ${loadEnv().PORT} on ${loadEnv().HOST} is already in use: stop what runs there or set PORT to another port.`);
  } else console.error(error);
  process.exit(1);
});
