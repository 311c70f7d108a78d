import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Env } from '../config/env';
import { PROJECT_ROOT } from '../project-root';

/** The password the project used for every local server before passwords were generated; kept for those servers. */
export const LEGACY_PASSWORD = 'edupolicy-graph';

/** Where the project keeps the generated password of the server in NEO4J_HOME_DIR (git-ignored, like the server). */
export function passwordFile(env: Env): string {
  return path.join(path.resolve(PROJECT_ROOT, env.NEO4J_HOME_DIR), 'password');
}

/**
 * The database password: NEO4J_PASSWORD when set (and it must be, with NEO4J_URI); otherwise the one generated for the project's own server at its
 * first start and kept in NEO4J_HOME_DIR/password (readable by the owner only). A server whose data predates
 * generated passwords keeps the password it was created with.
 */
export function databasePassword(env: Env): { password: string; source: 'NEO4J_PASSWORD' | 'generated' } {
  if (env.NEO4J_PASSWORD) return { password: env.NEO4J_PASSWORD, source: 'NEO4J_PASSWORD' };
  // A server given by NEO4J_URI is not the project's, so it has no generated password.
  if (env.NEO4J_URI) throw new ConfigError([`NEO4J_PASSWORD: must be set when NEO4J_URI is (the password of ${env.NEO4J_URI})`]);
  const file = passwordFile(env);
  if (fs.existsSync(file)) return { password: fs.readFileSync(file, 'utf8').trim(), source: 'generated' };
  const existingData = fs.existsSync(path.join(path.dirname(file), 'data', 'databases'));
  const password = existingData ? LEGACY_PASSWORD : randomBytes(18).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, source: 'generated' };
}
