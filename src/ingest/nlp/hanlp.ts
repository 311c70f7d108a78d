import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../project-root';
import { AppError, ExitCode } from '../../errors/app-error';

/** HanLP cannot be started or reached (no Java, no Maven, a bad HANLP_URL): reading Chinese needs it. */
export class HanlpError extends AppError {
  readonly code = 'HANLP_UNAVAILABLE';
  readonly exitCode = ExitCode.UNAVAILABLE;
}

/** A word of a Chinese text as HanLP segments it: its offsets in the text (end exclusive) and its tag. */
export interface HanlpTerm {
  word: string;
  start: number;
  end: number;
  /**
   * HanLP's part-of-speech tag, names included: nr a person, nrf a transliterated person, ns a place, nt (and ntc,
   * ntu, nts, nth...) an organization, nnt a post or title, nis an institution's suffix.
   */
  tag: string;
}

/** What the annotate stage attaches to a Chinese document: HanLP's words with their tags, in text order. */
export interface HanlpAnnotation {
  terms: HanlpTerm[];
}

const POM = path.join(PROJECT_ROOT, 'nlp', 'hanlp.pom.xml');
const SERVER_SOURCE = path.join(PROJECT_ROOT, 'nlp', 'HanlpServer.java');
/** Where the jars resolved from Maven Central go; git-ignored, resolved once. */
export const HANLP_LIB = path.join(PROJECT_ROOT, '.hanlp', 'lib');
const START_TIMEOUT_MS = 120_000;

let server: Promise<string> | undefined;
let child: ChildProcess | undefined;

/** The HanLP version pinned in nlp/hanlp.pom.xml, so that the marker of resolved jars changes when the pin does. */
function pinnedVersion(): string {
  const match = /<hanlp\.version>([^<]+)<\/hanlp\.version>/.exec(fs.readFileSync(POM, 'utf8'));
  if (!match) throw new HanlpError('nlp/hanlp.pom.xml has no <hanlp.version> property.', 'Restore the file from the repository.');
  return match[1]!;
}

/** Runs a command to its end, with its output, or rejects with what to install when it cannot be run. */
function run(command: string, args: string[]): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    proc.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    proc.on('error', (error) =>
      reject(
        new HanlpError(
          `Cannot run ${command} (${error.message}), which reading Chinese needs.`,
          `Install ${command}, or point HANLP_URL at a running HanLP server.`,
        ),
      ),
    );
    proc.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

/** The classpath of HanLP, resolving its jars with Maven into .hanlp/lib on first use (Apache-2.0; never bundled). */
export async function ensureHanlpJars(): Promise<string> {
  const version = pinnedVersion();
  const marker = path.join(HANLP_LIB, '.resolved');
  if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8').trim() !== version) {
    fs.rmSync(HANLP_LIB, { recursive: true, force: true });
    fs.mkdirSync(HANLP_LIB, { recursive: true });
    const args = ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${HANLP_LIB}`, '-DincludeScope=runtime'];
    const output = await run('mvn', args);
    if (output.code !== 0) {
      throw new HanlpError(
        `Maven could not resolve HanLP ${version} from Maven Central (exit ${output.code}).\n${output.text.slice(-2000)}`,
        'Check the network, or point HANLP_URL at a running HanLP server.',
      );
    }
    fs.writeFileSync(marker, `${version}\n`);
  }
  const jars = fs.readdirSync(HANLP_LIB).filter((name) => name.endsWith('.jar'));
  return jars.map((name) => path.join(HANLP_LIB, name)).join(path.delimiter);
}

/** The heap the server may use (HANLP_HEAP, as java's -Xmx takes it: "512m", "1g"); HanLP portable needs about 150 MB. */
function heap(): string {
  const value = process.env.HANLP_HEAP ?? '512m';
  if (!/^\d+[kmgKMG]?$/.test(value)) throw new HanlpError(`HANLP_HEAP "${value}" is not a heap size such as "512m" or "1g".`, 'Fix or unset HANLP_HEAP.');
  return value;
}

/**
 * Starts the project's HanLP server (nlp/HanlpServer.java, run from source by JDK 11 or later) on a free loopback port
 * and resolves its URL once its models are loaded. It lives as long as this process: it stops when its standard input
 * closes, which happens when this process ends, however it ends.
 */
async function startServer(): Promise<string> {
  const classpath = await ensureHanlpJars();
  return new Promise((resolve, reject) => {
    const proc = spawn('java', [`-Xmx${heap()}`, '-cp', classpath, SERVER_SOURCE, '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      proc.kill();
      reject(
        new HanlpError(
          `The HanLP server did not start: ${why}\n${output.slice(-2000)}`,
          'Install a JDK (11 or later), or point HANLP_URL at a running HanLP server.',
        ),
      );
    };
    const timer = setTimeout(() => fail(`not ready after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    proc.on('error', (error) => fail(`cannot run java (${error.message})`));
    proc.on('exit', (code) => fail(`java exited with code ${String(code)}`));
    proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /HANLP_READY (\d+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      proc.on('exit', () => (server = undefined));
      // Neither the server nor its pipes keep this process alive once it has nothing else to do.
      proc.unref();
      for (const stream of [proc.stdin, proc.stdout, proc.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
      resolve(`http://127.0.0.1:${ready[1]}`);
    });
  });
}

/** The URL of the HanLP server to use: HANLP_URL when set, else the project's own, started on first use and reused. */
export function hanlpUrl(): Promise<string> {
  const given = process.env.HANLP_URL;
  if (given !== undefined && given !== '') {
    if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(given)) throw new HanlpError(`HANLP_URL "${given}" is not an http(s) URL.`, 'Fix or unset HANLP_URL.');
    return Promise.resolve(given.replace(/\/+$/, ''));
  }
  server ??= startServer().catch((error: unknown) => {
    server = undefined;
    throw error;
  });
  return server;
}

/** Stops the project's HanLP server if this process started one (tests; the server also stops when this process ends). */
export function stopHanlp(): void {
  child?.kill();
  child = undefined;
  server = undefined;
}

/** HanLP's words of a text, with offsets checked against the text, so that every proposal quotes exactly what it spans. */
export async function annotateChinese(text: string): Promise<HanlpAnnotation> {
  const url = await hanlpUrl();
  let response: Response;
  try {
    response = await fetch(`${url}/segment`, { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  } catch (error) {
    throw new HanlpError(
      `The HanLP server at ${url} cannot be reached (${(error as Error).message}).`,
      'Start it again, or unset HANLP_URL to let ingest start its own.',
    );
  }
  if (!response.ok) throw new HanlpError(`The HanLP server at ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const body = (await response.json()) as { terms: { word: string; start: number; tag: string }[] };
  const terms = body.terms.map((t) => ({ word: t.word, start: t.start, end: t.start + t.word.length, tag: t.tag }));
  const misplaced = terms.find((t) => text.slice(t.start, t.end) !== t.word);
  if (misplaced) throw new HanlpError(`HanLP placed "${misplaced.word}" at ${misplaced.start}, where the text has something else.`, 'Please report this text.');
  return { terms };
}
