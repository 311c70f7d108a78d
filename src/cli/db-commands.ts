import type { Command } from 'commander';
import { loadEnv } from '../config/env';
import { ensureDatabase, localNeo4j, stopDatabase } from '../launcher/ensure-database';
import { openDatabase } from '../db/database';

/** Adds `db start`, `db stop` and `db status`. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('The Neo4j server the project uses');

  db.command('start')
    .description('Start (or reuse) the database: NEO4J_URI, else a project-local Neo4j, else docker compose')
    .action(async () => {
      const env = loadEnv();
      const began = Date.now();
      const ensured = await ensureDatabase(env, (line) => console.log(line));
      const verb = ensured.startedHere ? 'started' : 'already running, reused';
      console.log(`Neo4j ${verb} (${ensured.source}) in ${((Date.now() - began) / 1000).toFixed(1)} s`);
      console.log(`  Bolt:          ${ensured.uri}`);
      if (ensured.browserUrl) console.log(`  Neo4j Browser: ${ensured.browserUrl} once the API runs (npm start), user ${env.NEO4J_USER}`);
    });

  db.command('stop')
    .description('Stop the project-local Neo4j (data is kept)')
    .action(async () => {
      console.log(await stopDatabase(loadEnv()));
    });

  db.command('status')
    .description('Say whether the database runs and answers')
    .action(async () => {
      const env = loadEnv();
      if (!env.NEO4J_URI) {
        const status = localNeo4j(env).status();
        console.log(
          status.running ? `Local Neo4j running (pid ${status.pid}), data in ${status.homeDir}` : `Local Neo4j not running (data folder ${status.homeDir})`,
        );
      }
      const uri = env.NEO4J_URI ?? localNeo4j(env).boltUri;
      const database = openDatabase(env, uri);
      const reachable = await database.ping();
      await database.close();
      console.log(`${uri}: ${reachable ? 'reachable' : 'not reachable'}`);
      if (!reachable) process.exitCode = 3;
    });
}
