import os from 'node:os';
import path from 'node:path';
import type { Env } from '../src/config/env';
import { Gazetteer } from '../src/ingest/extractors/gazetteer';
import { CoreNlpParser } from '../src/ingest/nlp/corenlp';
import { stopHanlp } from '../src/ingest/nlp/hanlp';
import { knownEntities } from '../src/ingest/pipeline/read';
import { PROJECT_ROOT } from '../src/project-root';
import { readCorpus, type CorpusEntry } from './ingest-corpus';
import { benchCoreNlp, type BenchCoreNlp } from './ingest-corenlp';
import { ingestPreflight } from './ingest-preflight-facts';
import { writeIngestReports } from './ingest-report';
import { pass, sides, timeDocument, type Side } from './ingest-sides';
import { REPORTS_DIR, type BenchOptions } from './options';
import type { IngestReport, IngestSide } from './report-contract';

// `npm run bench -- --ingest`: the corpus read three ways in one run, round after round (the annotators alone, the
// whole pipeline, the rules alone), after one untimed warm-up pass of the pipeline; no Neo4j, no API.

/** The graph ingest links mentions to: the curated seed, as `ingest` and `ingest-eval` read it. */
const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each side's time on each document, round by round, in ms. */
type Passes = Record<Side['name'], { documentMs: number[][] }>;

/**
 * The warm-up pass, then `rounds` rounds in which each document goes through the three sides in turn, the floor and
 * the pipeline swapping places every round: on a shared machine a busy spell then falls on all three sides alike,
 * where whole passes one after the other measured a minute apart (73 to 152 s for the same pass in one run).
 */
async function timeSides(all: Side[], corpus: CorpusEntry[], rounds: number, log: (line: string) => void): Promise<Passes> {
  const warmMs = await pass(
    all.find((side) => side.name === 'pipeline')!,
    corpus,
  );
  log(`warm-up pass of the pipeline (not timed): ${(warmMs / 1000).toFixed(1)} s`);
  const passes = Object.fromEntries(all.map((side) => [side.name, { documentMs: [] }])) as unknown as Passes;
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? all : [all[1]!, all[0]!, ...all.slice(2)];
    for (const side of all) passes[side.name].documentMs.push([]);
    for (const entry of corpus) {
      for (const side of order) passes[side.name].documentMs.at(-1)!.push(await timeDocument(side, entry));
    }
    const total = (name: Side['name']) => (sum(passes[name].documentMs.at(-1)!) / 1000).toFixed(1);
    log(`round ${round}/${rounds}: ${corpus.length} documents; floor ${total('floor')} s, pipeline ${total('pipeline')} s, rules ${total('rules')} s`);
  }
  return passes;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** A side's figures: each round's pass (the sum of its documents' times) and the median pass. */
function sideReport(side: Side, documentMs: number[][], documents: number): IngestSide {
  const totalMs = documentMs.map(sum);
  const medianS = median(totalMs) / 1000;
  return { what: side.what, runsS: totalMs.map((ms) => ms / 1000), medianS, articlesPerMinute: (documents * 60) / medianS };
}

const countBy = (corpus: CorpusEntry[], key: (entry: CorpusEntry) => string) =>
  corpus.reduce<Record<string, number>>((counts, entry) => ({ ...counts, [key(entry)]: (counts[key(entry)] ?? 0) + 1 }), {});

/** The report of one run, from its passes and the servers' memory at its end. */
function buildReport(corpusDir: string, corpus: CorpusEntry[], rounds: number, all: Side[], passes: Passes, coreNlp: BenchCoreNlp, env: Env): IngestReport {
  const [floor, pipeline, rules] = all.map((side) => sideReport(side, passes[side.name].documentMs, corpus.length)) as [IngestSide, IngestSide, IngestSide];
  const documentMedian = (name: Side['name'], index: number) => median(passes[name].documentMs.map((run) => run[index]!));
  return {
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    corpus: {
      dir: path.relative(PROJECT_ROOT, corpusDir) || corpusDir,
      documents: corpus.length,
      bySplit: countBy(corpus, (entry) => entry.split),
      byLanguage: countBy(corpus, (entry) => entry.language),
      characters: corpus.reduce((sum, entry) => sum + entry.extracted.text.length, 0),
    },
    rounds,
    floor,
    pipeline,
    rules,
    overheadPct: ((pipeline.medianS - floor.medianS) / floor.medianS) * 100,
    coreNlp: {
      url: coreNlp.url,
      source: coreNlp.source,
      heap: coreNlp.source === 'local' ? env.CORENLP_HEAP : null,
      startupS: coreNlp.startupS,
      peakRssMb: coreNlp.peakRssMb(),
    },
    node: { peakRssMb: process.resourceUsage().maxRSS / 1024 },
    documents: corpus.map((entry, index) => ({
      split: entry.split,
      file: entry.file,
      language: entry.language,
      characters: entry.extracted.text.length,
      floorMs: documentMedian('floor', index),
      pipelineMs: documentMedian('pipeline', index),
      rulesMs: documentMedian('rules', index),
    })),
    durationS: 0,
  };
}

/** Runs the ingest section: preflight, CoreNLP started cold, the sides timed, the reports written; servers left as found. */
export async function runIngestSection(options: BenchOptions, problems: string[], env: Env, log: (line: string) => void): Promise<void> {
  const began = performance.now();
  const corpusDir = options.ingest!.corpus;
  const corpus = readCorpus(corpusDir);
  await ingestPreflight(problems, corpusDir, corpus, env, log);
  const coreNlp = await benchCoreNlp(env, SEED_DIR, log);
  try {
    const mapping = coreNlp.regexnerMapping ? { regexnerMapping: coreNlp.regexnerMapping } : {};
    const parser = new CoreNlpParser({ url: coreNlp.url, ...mapping });
    const all = sides({ coreNlp: { url: coreNlp.url, ...mapping }, annotators: { parser, hanlp: true }, gazetteer: new Gazetteer(knownEntities(SEED_DIR)) });
    const passes = await timeSides(all, corpus, options.rounds, log);
    const report = buildReport(corpusDir, corpus, options.rounds, all, passes, coreNlp, env);
    writeIngestReports({ ...report, durationS: (performance.now() - began) / 1000 }, options.reports ?? REPORTS_DIR);
    log(`done in ${((performance.now() - began) / 1000).toFixed(0)} s; reports in ${path.relative(process.cwd(), options.reports ?? REPORTS_DIR) || '.'}`);
  } finally {
    stopHanlp();
    await coreNlp.restore();
  }
}
