import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { LauncherError } from './launcher-error';

/** Whether a Docker engine (not just the client) answers here. */
export function dockerEngineAvailable(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 && result.stdout.trim().length > 0;
}

/** Starts the neo4j service of docker-compose.yml with the given password and waits for its healthcheck. */
export function startNeo4jWithDocker(password: string): void {
  const result = spawnSync('docker', ['compose', '-f', path.join(PROJECT_ROOT, 'docker-compose.yml'), 'up', '-d', '--wait', 'neo4j'], {
    stdio: 'inherit',
    timeout: 300_000,
    // docker-compose.yml creates the server with NEO4J_PASSWORD (NEO4J_AUTH).
    env: { ...process.env, NEO4J_PASSWORD: password },
  });
  if (result.status !== 0) throw new LauncherError('`docker compose up -d --wait neo4j` failed; see its output above.');
}

/** Stops the compose services (the named volume, and so the data, is kept). */
export function stopNeo4jWithDocker(): void {
  spawnSync('docker', ['compose', '-f', path.join(PROJECT_ROOT, 'docker-compose.yml'), 'stop'], { stdio: 'inherit' });
}
