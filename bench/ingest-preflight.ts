import type { PreflightProblem } from './preflight';

// What the ingest section needs, judged on facts gathered elsewhere (ingest-preflight-facts.ts), so that each rule is
// tested without the machine: documents to read, and CoreNLP (and HanLP for Chinese) that can be had.

/** Everything the ingest section's preflight judges. */
export interface IngestPreflightFacts {
  /** Problems with the command line, each a sentence. */
  options: string[];
  corpus: { dir: string; documents: number; chinese: number };
  /** CORENLP_URL when set (the benchmark starts nothing then); else what its own server needs. */
  coreNlp: { url?: string; port: number; running: boolean; portFree: boolean };
  /** HANLP_URL when set; HanLP is started only for Chinese documents. */
  hanlp: { url?: string };
  java: number | undefined;
  maven: boolean;
}

function corpusProblems({ corpus }: IngestPreflightFacts): PreflightProblem[] {
  if (corpus.documents > 0) return [];
  return [{ what: `--corpus ${corpus.dir}: no document to read there`, fix: 'point --corpus at a folder of .txt, .md or .html documents', config: true }];
}

/** Java and Maven for the benchmark's own CoreNLP, or a server at CORENLP_URL; the port when it must start one. */
function coreNlpProblems({ coreNlp, java, maven }: IngestPreflightFacts): PreflightProblem[] {
  if (coreNlp.url) return [];
  const fix = 'install a Java 17+ JDK and Maven (apt-get install -y openjdk-17-jdk-headless maven), or point CORENLP_URL at a running CoreNLP server';
  const missing =
    java === undefined
      ? 'no `java` on PATH'
      : java < 17
        ? `java ${java} found, CoreNLP needs 17 or later`
        : !maven
          ? 'no `mvn` (Apache Maven) on PATH'
          : undefined;
  const problems: PreflightProblem[] = missing
    ? [{ what: `CoreNLP: the ingest section starts its own server (and measures its start-up), which needs Java 17+ and Maven (${missing})`, fix }]
    : [];
  if (!coreNlp.running && !coreNlp.portFree) {
    problems.push({
      what: `port ${coreNlp.port} on 127.0.0.1 (the benchmark's CoreNLP) is in use by another program`,
      fix: `stop that program (\`ss -ltnp 'sport = :${coreNlp.port}'\` names it) or set CORENLP_PORT to a free port`,
    });
  }
  return problems;
}

/** HanLP, which reads the Chinese documents, runs on Java unless HANLP_URL names a server. */
function hanlpProblems({ corpus, hanlp, java, coreNlp }: IngestPreflightFacts): PreflightProblem[] {
  // Without Java the CoreNLP problem already says to install it, unless CoreNLP is elsewhere.
  if (corpus.chinese === 0 || hanlp.url || java !== undefined || !coreNlp.url) return [];
  return [
    {
      what: `HanLP: ${corpus.chinese} document(s) are in Chinese, which the pipeline reads with HanLP, and it runs on Java (no \`java\` on PATH)`,
      fix: 'install a Java 17+ JDK, or point HANLP_URL at a running HanLP server',
    },
  ];
}

/** Every problem the facts show, all at once; empty when the ingest section can run. */
export function ingestPreflightProblems(facts: IngestPreflightFacts): PreflightProblem[] {
  return [
    ...facts.options.map((what) => ({ what, fix: 'see `npm run bench -- --help`', config: true })),
    ...corpusProblems(facts),
    ...coreNlpProblems(facts),
    ...hanlpProblems(facts),
  ];
}
