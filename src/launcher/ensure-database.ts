import path from 'node:path';
import type { Env } from '../config/env';
import { PROJECT_ROOT } from '../project-root';
import { databasePassword } from '../db/credentials';
import { dockerEngineAvailable, startNeo4jWithDocker, stopNeo4jWithDocker } from './docker-compose';
import { LauncherError } from './launcher-error';
import { LocalNeo4j } from './local-neo4j';
import { javaMajorVersion, mavenAvailable } from './tools';

/** How the project reached its database: a given URI, its own local server, or Docker. */
export type DatabaseSource = 'external' | 'local' | 'docker';

export interface EnsuredDatabase {
  source: DatabaseSource;
  uri: string;
  /** Neo4j Browser's address once the API runs, when the API can serve it (the project's own server). */
  browserUrl?: string;
  /** Neo4j Browser's static files, when the API is to serve them (the project's own server). */
  browserAppDir?: string;
  /** True when this call started the server (so the caller may stop it). */
  startedHere: boolean;
}

/** The jars of the project's Neo4j server and Browser, resolved from Maven Central (git-ignored). */
export const NEO4J_LIB_DIR = path.join(PROJECT_ROOT, '.neo4j', 'lib');

/** Where the local launcher unpacks Neo4j Browser for the API to serve (git-ignored, shared by every local server). */
export const BROWSER_APP_DIR = path.join(PROJECT_ROOT, '.neo4j', 'browser-app');

/** The project-local server described by the environment. */
export function localNeo4j(env: Env): LocalNeo4j {
  return new LocalNeo4j({
    homeDir: env.NEO4J_HOME_DIR,
    libDir: NEO4J_LIB_DIR,
    browserAppDir: BROWSER_APP_DIR,
    boltPort: env.NEO4J_BOLT_PORT,
    httpPort: env.NEO4J_HTTP_PORT,
    user: env.NEO4J_USER,
    password: databasePassword(env).password,
    apiPort: env.PORT,
    database: env.NEO4J_DATABASE,
    heap: env.NEO4J_HEAP,
    pageCache: env.NEO4J_PAGECACHE,
    startTimeoutMs: env.NEO4J_START_TIMEOUT_MS,
    ...(env.NEO4J_MAVEN_REPO_LOCAL ? { mavenRepoLocal: env.NEO4J_MAVEN_REPO_LOCAL } : {}),
  });
}

type LocalAvailability = { ok: true } | { ok: false; missing: string };

function localAvailability(): LocalAvailability {
  const java = javaMajorVersion();
  if (java === undefined) return { ok: false, missing: 'no `java` on PATH' };
  if (java < 17) return { ok: false, missing: `java ${java} found, Neo4j 5.26 needs Java 17 or 21` };
  if (!mavenAvailable()) return { ok: false, missing: 'no `mvn` (Apache Maven) on PATH' };
  return { ok: true };
}

/** Makes sure a Neo4j server is there: NEO4J_URI if set, else the project's own server, else Docker. */
export async function ensureDatabase(env: Env, log: (line: string) => void = () => {}): Promise<EnsuredDatabase> {
  if (env.NEO4J_URI) return { source: 'external', uri: env.NEO4J_URI, startedHere: false };

  const local = localAvailability();
  if (local.ok) {
    const server = localNeo4j(env);
    const { started } = await server.start(log);
    return { source: 'local', uri: server.boltUri, browserUrl: server.browserUrl, browserAppDir: BROWSER_APP_DIR, startedHere: started };
  }
  if (dockerEngineAvailable()) {
    log(`Local Neo4j unavailable (${local.missing}); using docker compose.`);
    startNeo4jWithDocker(databasePassword(env).password);
    // The compose server's own Browser is switched off (it reaches the internet); compose's api service serves it.
    return { source: 'docker', uri: `bolt://127.0.0.1:${env.NEO4J_BOLT_PORT}`, startedHere: true };
  }
  throw new LauncherError(
    'No Neo4j server can be had. The project knows three ways, and none works here:\n' +
      '  1. NEO4J_URI pointing at a running server (Aura, a cluster, any Neo4j 5): not set.\n' +
      `  2. A project-local Neo4j from Maven Central, which needs Java 17+ and Maven: ${local.missing}.\n` +
      '  3. docker compose with docker-compose.yml: no Docker engine answers (`docker info` failed).\n' +
      'Install Java 17 and Maven, start Docker, or set NEO4J_URI.',
  );
}

/** Stops the server the project runs for this environment; an external server is never touched. */
export async function stopDatabase(env: Env): Promise<string> {
  if (env.NEO4J_URI) return `NEO4J_URI is set (${env.NEO4J_URI}); that server is not managed by this project.`;
  const server = localNeo4j(env);
  if (await server.stop()) return `Stopped the local Neo4j (${server.homeDir}).`;
  if (localAvailability().ok || !dockerEngineAvailable()) return 'The local Neo4j was not running.';
  stopNeo4jWithDocker();
  return 'Stopped the docker compose services.';
}
