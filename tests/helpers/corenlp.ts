import { CoreNlpParser } from '../../src/ingest/nlp/corenlp';
import { ensureCoreNlp } from '../../src/launcher/ensure-corenlp';
import { applyTestEnv } from './test-env';

/** How long a test file may wait for CoreNLP's first start (jars resolved from Maven Central, models loaded). */
export const CORENLP_START_MS = 600_000;

/**
 * The CoreNLP parser the tests use: the tests' own server, started through the same code as `ingest` (and stopped by
 * the global teardown), or CORENLP_URL. Without Java or Maven it throws, and the test fails loudly.
 */
export async function testParser(): Promise<CoreNlpParser> {
  const ensured = await ensureCoreNlp(applyTestEnv(), (line) => console.log(`\n[test corenlp] ${line}`));
  return new CoreNlpParser({ url: ensured.url });
}
