import path from 'node:path';
import type { Env } from '../config/env';
import { PROJECT_ROOT } from '../project-root';
import { answers, CoreNlpUnavailable, LocalCoreNlp } from './local-corenlp';

export interface EnsuredCoreNlp {
  /** Where to send documents. */
  url: string;
  source: 'external' | 'local';
  /** True when this call started the server. */
  startedHere: boolean;
  /** Seconds from the call until the server answered (its start-up time when startedHere). */
  seconds: number;
}

/** CoreNLP's jars and the compiled loopback provider, resolved once for every local server (git-ignored). */
export const CORENLP_LIB_DIR = path.join(PROJECT_ROOT, '.corenlp', 'lib');

/** The project's own CoreNLP server as the environment describes it. */
export function localCoreNlp(env: Env): LocalCoreNlp {
  return new LocalCoreNlp({
    homeDir: path.resolve(PROJECT_ROOT, env.CORENLP_HOME_DIR),
    libDir: CORENLP_LIB_DIR,
    port: env.CORENLP_PORT,
    heap: env.CORENLP_HEAP,
    startTimeoutMs: env.CORENLP_START_TIMEOUT_MS,
    ...(env.NEO4J_MAVEN_REPO_LOCAL ? { mavenRepoLocal: env.NEO4J_MAVEN_REPO_LOCAL } : {}),
  });
}

/** A CoreNLP server that answers: CORENLP_URL when set (never started here), else the project's own, reused or started. */
export async function ensureCoreNlp(env: Env, log: (line: string) => void = () => {}): Promise<EnsuredCoreNlp> {
  const began = Date.now();
  if (env.CORENLP_URL) {
    const url = env.CORENLP_URL.replace(/\/+$/, '');
    if (!(await answers(`${url}/ready`))) {
      throw new CoreNlpUnavailable(
        `CORENLP_URL=${env.CORENLP_URL}: no CoreNLP server answers there.`,
        'Start that server, unset CORENLP_URL to let the project run its own, or ingest with --extractor rules.',
      );
    }
    return { url, source: 'external', startedHere: false, seconds: (Date.now() - began) / 1000 };
  }
  const server = localCoreNlp(env);
  const { started, seconds } = await server.start(log);
  return { url: server.url, source: 'local', startedHere: started, seconds };
}
