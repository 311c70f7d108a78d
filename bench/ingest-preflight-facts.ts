import type { Env } from '../src/config/env';
import { isChinese } from '../src/ingest/nlp/language';
import { localCoreNlp } from '../src/launcher/ensure-corenlp';
import { isPortInUse } from '../src/launcher/processes';
import { javaMajorVersion, mavenAvailable } from '../src/launcher/tools';
import type { CorpusEntry } from './ingest-corpus';
import { ingestPreflightProblems, type IngestPreflightFacts } from './ingest-preflight';
import { preflightError } from './preflight';

// The facts the ingest section's preflight judges, read from this machine in a second: nothing here starts anything.

async function gatherFacts(optionProblems: string[], corpusDir: string, corpus: CorpusEntry[], env: Env): Promise<IngestPreflightFacts> {
  const running = !env.CORENLP_URL && localCoreNlp(env).runningPid() !== undefined;
  return {
    options: optionProblems,
    corpus: { dir: corpusDir, documents: corpus.length, chinese: corpus.filter((entry) => isChinese(entry.language)).length },
    coreNlp: {
      ...(env.CORENLP_URL ? { url: env.CORENLP_URL } : {}),
      port: env.CORENLP_PORT,
      running,
      portFree: env.CORENLP_URL !== undefined || running || !(await isPortInUse(env.CORENLP_PORT)),
    },
    hanlp: process.env.HANLP_URL ? { url: process.env.HANLP_URL } : {},
    java: javaMajorVersion(),
    maven: mavenAvailable(),
  };
}

/** Stops the ingest section, naming every problem at once, unless it has what it needs; logs what it checked. */
export async function ingestPreflight(
  optionProblems: string[],
  corpusDir: string,
  corpus: CorpusEntry[],
  env: Env,
  log: (line: string) => void,
): Promise<void> {
  const facts = await gatherFacts(optionProblems, corpusDir, corpus, env);
  const problems = ingestPreflightProblems(facts);
  if (problems.length > 0) throw preflightError(problems);
  log(
    `preflight: ${facts.corpus.documents} documents (${facts.corpus.chinese} in Chinese) in ${corpusDir}; ` +
      (facts.coreNlp.url ? `CoreNLP at ${facts.coreNlp.url}` : `java ${facts.java} and Maven for CoreNLP on port ${facts.coreNlp.port}`),
  );
}
