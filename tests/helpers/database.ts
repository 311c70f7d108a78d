import { openDatabase, type Database } from '../../src/db/database';
import { applyTestEnv } from './test-env';

/** Opens a driver to the test database; throws (failing the test) when the global setup found none. */
export function openTestDatabase(): Database {
  const env = applyTestEnv();
  const uri = process.env.TEST_NEO4J_BOLT_URI;
  if (!uri) throw new Error('TEST_NEO4J_BOLT_URI is not set: the jest global setup did not provide a database.');
  return openDatabase(env, uri);
}
