import { stopDatabase } from '../../src/db/ensure-database';
import { applyTestEnv } from './test-env';

/** Stops the database only if the global setup started it. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_NEO4J_STARTED_HERE === 'yes') await stopDatabase(applyTestEnv());
}
