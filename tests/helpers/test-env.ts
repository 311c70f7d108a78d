import { loadEnv, type Env } from '../../src/config/env';

// Without NEO4J_URI the tests get their own local server (ports 7688/7475), so `npm test` never touches the
// graph that `npm start` serves on 7687/7474.
const TEST_DEFAULTS: Record<string, string> = {
  NEO4J_HOME_DIR: '.neo4j/test-server',
  NEO4J_BOLT_PORT: '7688',
  NEO4J_HTTP_PORT: '7475',
  NEO4J_HEAP: '1g',
  NEO4J_PAGECACHE: '512m',
};
// Likewise CoreNLP: the tests' own server (port 9019, its own pid file and log), unless CORENLP_URL names one.
const TEST_CORENLP_DEFAULTS: Record<string, string> = { CORENLP_HOME_DIR: '.corenlp/test-server', CORENLP_PORT: '9019' };

/** Puts the test defaults into process.env (where unset) and returns the parsed environment. */
export function applyTestEnv(): Env {
  // The API's logger stays quiet in tests unless asked for.
  if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = 'silent';
  if (!process.env.NEO4J_URI) {
    for (const [key, value] of Object.entries(TEST_DEFAULTS)) {
      if (!process.env[key]) process.env[key] = value;
    }
  }
  if (!process.env.CORENLP_URL) {
    for (const [key, value] of Object.entries(TEST_CORENLP_DEFAULTS)) {
      if (!process.env[key]) process.env[key] = value;
    }
  }
  return loadEnv();
}
