import path from 'node:path';
import { writeMapping } from '../src/cli/corenlp-commands';
import type { Env } from '../src/config/env';
import { AppError } from '../src/errors/app-error';
import { ensureCoreNlp, localCoreNlp } from '../src/launcher/ensure-corenlp';
import { PROJECT_ROOT } from '../src/project-root';
import { preflightError } from './preflight';
import { peakRssMb } from './servers';

// The CoreNLP server the ingest section measures: the benchmark's own, stopped if it runs and started cold so that its
// start-up is measured, or the one at CORENLP_URL, used as it is.

/** The server the section reads with, how it started, and how to leave it as it was found. */
export interface BenchCoreNlp {
  url: string;
  source: 'local' | 'external';
  /** The RegexNER file of the graph's names, as ingest gives a local server; a remote server cannot read it. */
  regexnerMapping?: string;
  startupS: number | null;
  pid?: number;
  /** The JVM's peak RSS so far, in MB; null for a server not started here. */
  peakRssMb(): number | null;
  /** Stops the server unless it ran before the section started it again. */
  restore(): Promise<void>;
}

/** CoreNLP that could not be had, as the preflight says what is missing: exit code 69, nothing measured. */
function unavailable(error: unknown): never {
  if (!(error instanceof AppError)) throw error;
  throw preflightError([{ what: `CoreNLP: ${error.message.replace(/\.$/, '')}`, fix: error.hint.replace(/\.$/, '') || 'see its log' }]);
}

/** The server at CORENLP_URL, which must answer: its start-up and memory are another machine's business. */
async function external(env: Env): Promise<BenchCoreNlp> {
  const ensured = await ensureCoreNlp(env).catch(unavailable);
  return { url: ensured.url, source: 'external', startupS: null, peakRssMb: () => null, restore: async () => {} };
}

/** The benchmark's own server, started cold (stopped first if it ran), its start-up timed from spawn to ready. */
async function coldStart(env: Env, seedDir: string, log: (line: string) => void): Promise<BenchCoreNlp> {
  const server = localCoreNlp(env);
  const ranBefore = server.runningPid() !== undefined;
  if (ranBefore) {
    log(`stopping the running CoreNLP on ${server.url}, to time a cold start`);
    await server.stop();
  }
  const started = await server.start(log).catch(unavailable);
  const pid = server.runningPid()!;
  const startupS = started.readySeconds ?? started.seconds;
  log(`CoreNLP ready ${startupS.toFixed(1)} s after its JVM was spawned (pid ${pid}, heap ${env.CORENLP_HEAP})`);
  return {
    url: server.url,
    source: 'local',
    regexnerMapping: writeMapping(path.resolve(PROJECT_ROOT, env.CORENLP_HOME_DIR), seedDir),
    startupS,
    pid,
    peakRssMb: () => peakRssMb(pid),
    restore: async () => {
      if (!ranBefore) await server.stop();
    },
  };
}

/** The CoreNLP the ingest section reads with: CORENLP_URL when set, else the benchmark's own, started cold. */
export function benchCoreNlp(env: Env, seedDir: string, log: (line: string) => void): Promise<BenchCoreNlp> {
  return env.CORENLP_URL ? external(env) : coldStart(env, seedDir, log);
}
