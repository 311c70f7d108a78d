import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadEnv, type Env } from '../config/env';
import { knownEntities, type Parser } from '../ingest/index';
import type { AnnotateOptions } from '../ingest/pipeline/annotate';
import { CoreNlpParser, regexnerMapping } from '../ingest/nlp/corenlp';
import { ensureCoreNlp, localCoreNlp } from '../launcher/ensure-corenlp';
import { javaMajorVersion } from '../launcher/tools';
import { PROJECT_ROOT } from '../project-root';

/** How `ingest` reads documents: CoreNLP when it can be had (auto), CoreNLP or nothing, or the rule pipeline alone. */
export type ExtractorChoice = 'auto' | 'corenlp' | 'rules';

export function extractorChoice(value: string): ExtractorChoice {
  if (value === 'auto' || value === 'corenlp' || value === 'rules') return value;
  throw new InvalidArgumentError(`must be auto, corenlp or rules, got "${value}"`);
}

/** Adds `corenlp start`, `corenlp stop` and `corenlp status`. */
export function registerCoreNlpCommands(program: Command): void {
  const corenlp = program.command('corenlp').description('The Stanford CoreNLP server ingest uses (GPL-3.0, fetched from Maven Central on first use)');
  corenlp
    .command('start')
    .description('Start (or reuse) CoreNLP: CORENLP_URL if set, else the project-local server on 127.0.0.1:CORENLP_PORT')
    .action(async () => {
      const ensured = await ensureCoreNlp(loadEnv(), (line) => console.log(line));
      console.log(
        `CoreNLP ${ensured.startedHere ? 'started' : 'already running, reused'} (${ensured.source}) in ${ensured.seconds.toFixed(1)} s: ${ensured.url}`,
      );
    });
  corenlp
    .command('stop')
    .description("Stop the project-local CoreNLP server (a server at CORENLP_URL is not the project's to stop)")
    .action(async () => {
      console.log((await localCoreNlp(loadEnv()).stop()) ? 'CoreNLP stopped' : 'CoreNLP was not running');
    });
  corenlp
    .command('status')
    .description('Say whether CoreNLP runs')
    .action(() => {
      const env = loadEnv();
      if (env.CORENLP_URL) return console.log(`CORENLP_URL=${env.CORENLP_URL} (not started by the project)`);
      const server = localCoreNlp(env);
      const pid = server.runningPid();
      console.log(pid === undefined ? 'Local CoreNLP not running' : `Local CoreNLP running (pid ${pid}) on ${server.url}; log: ${server.logFile}`);
    });
}

/** The annotators ingest uses for a choice: the parser below for English, HanLP for Chinese unless the rules alone. */
export async function annotatorsFor(choice: ExtractorChoice, seedDir: string, env: Env = loadEnv()): Promise<AnnotateOptions> {
  const parser = await parserFor(choice, seedDir, env);
  // HanLP needs Java too; a server at HANLP_URL does not.
  const hanlp = choice !== 'rules' && (Boolean(process.env.HANLP_URL) || javaMajorVersion() !== undefined);
  return { ...(parser ? { parser } : {}), hanlp };
}

/**
 * The parser ingest uses for a choice: none for `rules`; for `auto`, none when Java is missing (said on stderr); else
 * CoreNLP, started (or reached at CORENLP_URL) when the first document in a language it reads comes, so that a
 * Chinese document or a corpus already drafted never waits for it. The graph's names go to a local server as a
 * RegexNER list.
 */
async function parserFor(choice: ExtractorChoice, seedDir: string, env: Env = loadEnv()): Promise<Parser | undefined> {
  if (choice === 'rules') return undefined;
  if (choice === 'auto' && !env.CORENLP_URL && javaMajorVersion() === undefined) {
    console.error('No Java here, so ingest reads with the rule pipeline alone (install a Java 17+ JDK for CoreNLP, or say --extractor rules).');
    return undefined;
  }
  let ready: Promise<CoreNlpParser> | undefined;
  const start = async () => {
    const ensured = await ensureCoreNlp(env, (line) => console.error(line));
    const mapping = ensured.source === 'local' ? writeMapping(path.resolve(PROJECT_ROOT, env.CORENLP_HOME_DIR), seedDir) : undefined;
    return new CoreNlpParser({ url: ensured.url, ...(mapping ? { regexnerMapping: mapping } : {}) });
  };
  return {
    name: `CoreNLP at ${env.CORENLP_URL?.replace(/\/+$/, '') ?? localCoreNlp(env).url}`,
    parse: async (text) => (await (ready ??= start())).parse(text),
  };
}

/**
 * Writes the graph's names as a RegexNER file the local server reads, named by its content so that it is reused (the
 * benchmark's ingest section gives CoreNLP the same file).
 */
export function writeMapping(home: string, seedDir: string): string {
  const text = regexnerMapping(knownEntities(seedDir).map((e) => ({ type: e.type, names: [e.name, ...e.spellings] })));
  const file = path.join(home, 'regexner', `${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}.tsv`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return file;
}
