import { stopDatabase } from '../../src/launcher/ensure-database';
import { localCoreNlp } from '../../src/launcher/ensure-corenlp';
import { applyTestEnv } from './test-env';

/** Stops the database only if the global setup started it, and only once; stops the tests' own CoreNLP if it runs. */
export default async function globalTeardown(): Promise<void> {
  const env = applyTestEnv();
  // The tests' CoreNLP has a home of its own, so whatever runs there was started by a test (tests/helpers/corenlp.ts).
  if (!env.CORENLP_URL) await localCoreNlp(env).stop();
  if (process.env.TEST_NEO4J_STARTED_HERE !== 'yes') return;
  process.env.TEST_NEO4J_STARTED_HERE = 'stopped';
  await stopDatabase(env);
}
