import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExitCode } from '../../src/errors/app-error';
import { ingestPreflightProblems, type IngestPreflightFacts } from '../../bench/ingest-preflight';
import { renderIngestMarkdown } from '../../bench/ingest-report';
import { median } from '../../bench/ingest-run';
import { parseOptions } from '../../bench/options';
import { preflightError } from '../../bench/preflight';
import type { IngestReport, IngestSide } from '../../bench/report-contract';
import { PROJECT_ROOT } from '../../src/project-root';

// The benchmark's ingest section: what it needs before it starts CoreNLP, and a report that never calls a missed
// target met. Running it end to end needs Java: tests/integration/bench-ingest.int.test.ts.

function ready(): IngestPreflightFacts {
  return {
    options: [],
    corpus: { dir: '/corpus', documents: 24, chinese: 4 },
    coreNlp: { port: 9012, running: false, portFree: true },
    hanlp: {},
    java: 17,
    maven: true,
  };
}

const side = (medianS: number, documents = 24): IngestSide => ({
  what: 'a side',
  runsS: [medianS, medianS],
  medianS,
  articlesPerMinute: (documents * 60) / medianS,
});

function report(floorS: number, pipelineS: number): IngestReport {
  return {
    machine: { cpus: 2, memoryGiB: 24, node: 'v20' },
    corpus: { dir: 'corpus', documents: 24, bySplit: { development: 16, 'held-out': 8 }, byLanguage: { en: 20, zh: 4 }, characters: 50_000 },
    rounds: 2,
    floor: side(floorS),
    pipeline: side(pipelineS),
    rules: side(2),
    overheadPct: ((pipelineS - floorS) / floorS) * 100,
    coreNlp: { url: 'http://127.0.0.1:9012', source: 'local', heap: '4g', startupS: 41.5, peakRssMb: 3900 },
    node: { peakRssMb: 310 },
    documents: [{ split: 'development', file: 'a.txt', language: 'en', characters: 1900, floorMs: 900, pipelineMs: 1000, rulesMs: 80 }],
    durationS: 300,
  };
}

describe("the ingest section's preflight", () => {
  it('finds nothing missing when Java, Maven, the port and documents are there', () => {
    expect(ingestPreflightProblems(ready())).toEqual([]);
  });

  it('names Java, what CoreNLP needs it for and what to do, with the exit code of a missing service', () => {
    const problems = ingestPreflightProblems({ ...ready(), java: undefined, maven: false });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.what).toContain('CoreNLP: the ingest section starts its own server');
    expect(problems[0]!.what).toContain('no `java` on PATH');
    expect(problems[0]!.fix).toContain('CORENLP_URL');
    const error = preflightError(problems);
    expect(error.exitCode).toBe(ExitCode.UNAVAILABLE);
    expect(error.message).toContain('nothing was measured');
  });

  it('needs no Java for CoreNLP at CORENLP_URL, but still for HanLP when a document is in Chinese', () => {
    const external = { ...ready(), coreNlp: { ...ready().coreNlp, url: 'http://nlp:9000' }, java: undefined };
    expect(ingestPreflightProblems(external).map((p) => p.what)).toEqual([expect.stringContaining('HanLP: 4 document(s) are in Chinese')]);
    expect(ingestPreflightProblems({ ...external, hanlp: { url: 'http://hanlp:8000' } })).toEqual([]);
    expect(ingestPreflightProblems({ ...external, corpus: { dir: '/c', documents: 3, chinese: 0 } })).toEqual([]);
  });

  it('names a busy port unless it is the benchmark’s own running server, and an empty corpus as a setting', () => {
    const busy = ingestPreflightProblems({ ...ready(), coreNlp: { port: 9012, running: false, portFree: false } });
    expect(busy.map((p) => p.what)).toEqual(["port 9012 on 127.0.0.1 (the benchmark's CoreNLP) is in use by another program"]);
    expect(busy[0]!.fix).toContain('CORENLP_PORT');
    expect(ingestPreflightProblems({ ...ready(), coreNlp: { port: 9012, running: true, portFree: false } })).toEqual([]);
    const empty = ingestPreflightProblems({ ...ready(), corpus: { dir: '/nothing', documents: 0, chinese: 0 } });
    expect(empty.map((p) => p.what)).toEqual(['--corpus /nothing: no document to read there']);
    expect(preflightError(empty).exitCode).toBe(ExitCode.CONFIG);
  });
});

describe("the ingest section's command line", () => {
  const parse = (...args: string[]) => parseOptions(['node', 'bench/run.ts', ...args]);

  it('reads --ingest with the evaluation corpus by default, and --corpus and --reports', () => {
    expect(parse('--ingest').options.ingest).toEqual({ corpus: path.join(PROJECT_ROOT, 'tests', 'fixtures', 'eval-corpus') });
    const { options, problems } = parse('--ingest', '--corpus', '/tmp/c', '--reports', '/tmp/r', '--rounds', '2');
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ ingest: { corpus: '/tmp/c' }, reports: '/tmp/r', rounds: 2 });
    expect(parse().options.ingest).toBeUndefined();
  });

  it('runs each side at least twice, and reads --corpus only with --ingest', () => {
    expect(parse('--ingest', '--rounds', '1').problems).toEqual(['--rounds must be 2 or more with --ingest (each side runs at least twice; got "1")']);
    expect(parse('--corpus', '/tmp/c').problems).toEqual(['--corpus is read by the ingest section only: add --ingest, or leave --corpus out']);
  });
});

describe("the ingest section's report", () => {
  it('takes the median of an even number of passes as the mean of the middle two', () => {
    expect(median([3, 1])).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('marks the pipeline met only at 20 articles a minute or more and at most 30% over the floor', () => {
    const good = renderIngestMarkdown(report(50, 60));
    expect(good).toContain('adds **20.0%** to the floor');
    expect(good).toContain('target at most 30%: met');
    expect(good).toContain('**24.0 articles a minute** (target at least 20: met)');
    const bad = renderIngestMarkdown(report(50, 80));
    expect(bad).toContain('adds **60.0%**');
    expect(bad).toContain('target at most 30%: **not met**');
    expect(bad).toContain('(target at least 20: **not met**)');
    expect(bad).toMatch(/\| \(b\) pipeline, warm \|.*\| ≥ 20 \| \*\*not met\*\* \|/);
  });

  it('gives the start-up and both peak RSS, and says when the server was not the benchmark’s to measure', () => {
    const local = renderIngestMarkdown(report(50, 60));
    expect(local).toContain('| 41.5 s |');
    expect(local).toContain('| 3900 MB |');
    expect(local).toContain('| 310 MB |');
    const r = report(50, 60);
    const external = renderIngestMarkdown({ ...r, coreNlp: { url: 'http://nlp:9000', source: 'external', heap: null, startupS: null, peakRssMb: null } });
    expect(external).toContain("not measured: CORENLP_URL=http://nlp:9000 is not the benchmark's server");
  });
});

describe('npm run bench -- --ingest without CoreNLP', () => {
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
  fs.writeFileSync(path.join(corpus, 'note.txt'), 'UNESCO and the World Bank launched the initiative in Paris.\n');
  afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));
  // A variable given as undefined is removed from the child's environment.
  const bench = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'bench', 'run.ts'), '--ingest', '--corpus', corpus, '--reports', corpus], {
      cwd: PROJECT_ROOT,
      env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)),
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('stops with exit code 69, before measuring, when CORENLP_URL points at a closed port', () => {
    const result = bench({ CORENLP_URL: 'http://127.0.0.1:9' });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(ExitCode.UNAVAILABLE);
    expect(result.stderr).toMatch(/nothing was measured[\s\S]*CoreNLP: CORENLP_URL=http:\/\/127\.0\.0\.1:9: no CoreNLP server answers there/);
    expect(fs.existsSync(path.join(corpus, 'ingest-report.json'))).toBe(false);
  }, 35_000);

  it('stops with exit code 69, naming Java, when there is no Java to run CoreNLP', () => {
    const result = bench({ PATH: '/nonexistent', CORENLP_URL: undefined, HANLP_URL: undefined });
    expect(result.status).toBe(ExitCode.UNAVAILABLE);
    expect(result.stderr).toMatch(/nothing was measured[\s\S]*CoreNLP: the ingest section starts its own server[\s\S]*no `java` on PATH/);
  }, 35_000);
});
