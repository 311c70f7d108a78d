import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, ExitCode } from '../errors/app-error';
import { PROJECT_ROOT } from '../project-root';
import { isAlive, isPortInUse, sleep } from './processes';
import { ensureMavenJars } from './maven-jars';
import { javaMajorVersion, mavenAvailable } from './tools';

/** CoreNLP could not be had: no Java, no Maven, a busy port, a server that died or never answered. */
export class CoreNlpUnavailable extends AppError {
  override readonly name = 'CoreNlpUnavailable';
  readonly code = 'NO_CORENLP';
  readonly exitCode = ExitCode.UNAVAILABLE;
}

const POM = path.join(PROJECT_ROOT, 'nlp', 'corenlp.pom.xml');
const PROVIDER_SOURCE = path.join(PROJECT_ROOT, 'nlp', 'LoopbackHttpServerProvider.java');
// The JDK keeps its HTTP server's implementation in a module it does not export; the provider wraps it.
const EXPORT_HTTPSERVER = '--add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED';

/** The annotators the server loads at start, so that the first document does not wait for them. */
export const CORENLP_ANNOTATORS = 'tokenize,ssplit,pos,lemma,ner,depparse,coref';

export interface LocalCoreNlpOptions {
  /** The pid file and log of this server live here (git-ignored). */
  homeDir: string;
  /** The jars and the compiled provider, shared by every local server of the project (git-ignored). */
  libDir: string;
  port: number;
  /** The JVM's maximum heap, e.g. "4g". */
  heap: string;
  startTimeoutMs: number;
  mavenRepoLocal?: string;
}

/** The project's own CoreNLP server (GPL-3.0, fetched from Maven Central on first use, never bundled), on 127.0.0.1. */
export class LocalCoreNlp {
  readonly url: string;
  private readonly libDir: string;
  private readonly classesDir: string;
  private readonly pidFile: string;
  readonly logFile: string;

  constructor(private readonly options: LocalCoreNlpOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.libDir = path.join(options.libDir, 'jars');
    this.classesDir = path.join(options.libDir, 'classes');
    this.pidFile = path.join(options.homeDir, 'run', 'corenlp.pid');
    this.logFile = path.join(options.homeDir, 'logs', 'server.log');
  }

  /** The pid of this project's server when it runs. */
  runningPid(): number | undefined {
    if (!fs.existsSync(this.pidFile)) return undefined;
    const pid = Number.parseInt(fs.readFileSync(this.pidFile, 'utf8'), 10);
    if (!Number.isInteger(pid) || !isAlive(pid) || !this.isOurs(pid)) {
      fs.rmSync(this.pidFile, { force: true });
      return undefined;
    }
    return pid;
  }

  /**
   * Starts the server unless it runs already; resolves once it says it is ready, with the seconds since the call and,
   * when it started the JVM, since the spawn (its start-up time, without fetching jars).
   */
  async start(log: (line: string) => void = () => {}): Promise<{ started: boolean; downloaded: boolean; seconds: number; readySeconds?: number }> {
    const began = Date.now();
    const running = this.runningPid();
    if (running !== undefined) {
      await this.waitUntilReady(running);
      return { started: false, downloaded: false, seconds: (Date.now() - began) / 1000 };
    }
    requireTools();
    if (await isPortInUse(this.options.port)) {
      throw new CoreNlpUnavailable(
        `Port ${this.options.port} on 127.0.0.1 is already in use by another program, so the project's CoreNLP cannot start.`,
        'Stop that program, choose another port with CORENLP_PORT, or point CORENLP_URL at the CoreNLP server that runs there.',
      );
    }
    const { downloaded } = await ensureMavenJars({
      pom: POM,
      libDir: this.libDir,
      label: 'Stanford CoreNLP',
      marker: fs.readFileSync(POM, 'utf8'),
      mavenRepoLocal: this.options.mavenRepoLocal,
    }).catch((error: Error) => {
      throw new CoreNlpUnavailable(error.message, 'Check that Maven Central is reachable, or point CORENLP_URL at a running CoreNLP server.');
    });
    if (downloaded) log(`Resolved Stanford CoreNLP (GPL-3.0) from Maven Central into ${this.libDir}`);
    this.compileProvider();
    const spawned = performance.now();
    const pid = this.spawnServer();
    log(`Starting CoreNLP (pid ${pid}, heap ${this.options.heap}) on ${this.url}; log: ${this.logFile}`);
    await this.waitUntilReady(pid);
    return { started: true, downloaded, seconds: (Date.now() - began) / 1000, readySeconds: (performance.now() - spawned) / 1000 };
  }

  /** Stops the server if it runs and waits until its JVM is gone. */
  async stop(timeoutMs = 30_000): Promise<boolean> {
    const pid = this.runningPid();
    if (pid === undefined) return false;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
    fs.rmSync(this.pidFile, { force: true });
    return true;
  }

  // Compiled here, once, rather than shipped: the project keeps no build output, and a JDK is what runs CoreNLP anyway.
  private compileProvider(): void {
    const compiled = path.join(this.classesDir, 'LoopbackHttpServerProvider.class');
    if (fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= fs.statSync(PROVIDER_SOURCE).mtimeMs) return;
    fs.mkdirSync(this.classesDir, { recursive: true });
    const result = spawnSync('javac', ['--add-exports', 'jdk.httpserver/sun.net.httpserver=ALL-UNNAMED', '-d', this.classesDir, PROVIDER_SOURCE], {
      encoding: 'utf8',
    });
    if (result.error || result.status !== 0) {
      throw new CoreNlpUnavailable(
        `Cannot compile ${path.relative(PROJECT_ROOT, PROVIDER_SOURCE)} with javac: ${result.error?.message ?? result.stderr.trim()}`,
        'Install a Java 17+ JDK (Debian: apt-get install openjdk-17-jdk-headless), or use --extractor rules.',
      );
    }
  }

  private spawnServer(): number {
    fs.mkdirSync(path.dirname(this.logFile), { recursive: true });
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(
      'java',
      [
        `-Xmx${this.options.heap}`,
        EXPORT_HTTPSERVER,
        '-Dcom.sun.net.httpserver.HttpServerProvider=LoopbackHttpServerProvider',
        `-Dcorenlp.home=${this.options.homeDir}`,
        '-cp',
        `${this.classesDir}${path.delimiter}${path.join(this.libDir, '*')}`,
        'edu.stanford.nlp.pipeline.StanfordCoreNLPServer',
        ...['-port', String(this.options.port), '-timeout', '120000', '-threads', '2', '-quiet', 'true'],
        ...['-preload', CORENLP_ANNOTATORS, '-annotators', CORENLP_ANNOTATORS],
      ],
      { detached: true, stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    if (child.pid === undefined) throw new CoreNlpUnavailable('Cannot run java.', 'Install a Java 17+ JDK, or use --extractor rules.');
    child.unref();
    fs.mkdirSync(path.dirname(this.pidFile), { recursive: true });
    fs.writeFileSync(this.pidFile, `${child.pid}\n`);
    return child.pid;
  }

  private async waitUntilReady(pid: number): Promise<void> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) {
        fs.rmSync(this.pidFile, { force: true });
        throw new CoreNlpUnavailable(`CoreNLP exited during start-up. Last lines of ${this.logFile}:\n${tail(this.logFile)}`, oomHint(this.logFile));
      }
      if (await answers(`${this.url}/ready`)) return;
      await sleep(500);
    }
    throw new CoreNlpUnavailable(
      `CoreNLP did not become ready within ${this.options.startTimeoutMs / 1000} s. Last lines of ${this.logFile}:\n${tail(this.logFile)}`,
      'Raise CORENLP_START_TIMEOUT_MS on a slow machine, or stop it with `npm run cli -- corenlp stop` and try again.',
    );
  }

  // A recycled pid must not be mistaken for our server: its command line names our home folder.
  private isOurs(pid: number): boolean {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`-Dcorenlp.home=${this.options.homeDir}`);
    } catch {
      return true;
    }
  }
}

/** Refuses early, with what to install, when Java or Maven is missing. */
function requireTools(): void {
  const java = javaMajorVersion();
  if (java === undefined || java < 17) {
    throw new CoreNlpUnavailable(
      java === undefined
        ? 'Java is not installed (no `java` on PATH), and CoreNLP runs on Java.'
        : `Java ${java} is too old for CoreNLP here (17 or later is needed).`,
      'Install a Java 17+ JDK (Debian: apt-get install openjdk-17-jdk-headless), point CORENLP_URL at a CoreNLP server, or ingest with --extractor rules.',
    );
  }
  if (!mavenAvailable()) {
    throw new CoreNlpUnavailable(
      'Maven is not installed (no `mvn` on PATH); it fetches CoreNLP from Maven Central on first use.',
      'Install Maven (Debian: apt-get install maven), point CORENLP_URL at a CoreNLP server, or ingest with --extractor rules.',
    );
  }
}

/** Whether a URL answers 200 within two seconds. */
export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function oomHint(logFile: string): string {
  return /OutOfMemoryError/.test(tail(logFile, 200)) ? 'CoreNLP ran out of memory: raise CORENLP_HEAP (e.g. 6g).' : 'See the log for why.';
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}
