import { stopDatabase } from '../../src/launcher/ensure-database';
import { applyTestEnv } from './test-env';

/** Stops the database only if the global setup started it, and only once. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_NEO4J_STARTED_HERE !== 'yes') return;
  process.env.TEST_NEO4J_STARTED_HERE = 'stopped';
  await stopDatabase(applyTestEnv());
}
