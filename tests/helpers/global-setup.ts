import { ensureDatabase } from '../../src/launcher/ensure-database';
import { applyTestEnv } from './test-env';

/**
 * Ensures a database through the same code as `npm run db:start`; failing here fails the whole run loudly. The
 * integration and e2e projects share this module, which jest runs once for both; the unit project has none.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_NEO4J_BOLT_URI) return;
  const env = applyTestEnv();
  const ensured = await ensureDatabase(env, (line) => console.log(`\n[test database] ${line}`));
  process.env.TEST_NEO4J_BOLT_URI = ensured.uri;
  process.env.TEST_NEO4J_STARTED_HERE = ensured.startedHere ? 'yes' : 'no';
}
