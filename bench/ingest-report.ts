import fs from 'node:fs';
import path from 'node:path';
import type { IngestReport } from './report-contract';
import { INGEST_ARTICLES_PER_MINUTE_TARGET, INGEST_OVERHEAD_TARGET_PCT } from './targets';

// The ingest section's report: the JSON as measured, and the Markdown that says which targets were met.

/** Writes ingest-report.json and ingest-report.md into `dir`, and prints the Markdown. */
export function writeIngestReports(report: IngestReport, dir: string): void {
  const markdown = renderIngestMarkdown(report);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'ingest-report.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(dir, 'ingest-report.md'), markdown);
  console.log(markdown);
}

const f = (n: number | null, digits = 1) => (n === null ? '–' : n.toFixed(digits));
const met = (pass: boolean) => (pass ? 'met' : '**not met**');
const counts = (byKey: Record<string, number>) =>
  Object.entries(byKey)
    .map(([key, n]) => `${n} ${key}`)
    .join(', ');

/** The three sides side by side, each pass and its median, with the targets on the pipeline. */
function renderSides(r: IngestReport): string[] {
  const row = (name: string, side: IngestReport['floor'], target: string, verdict: string) =>
    `| ${name} | ${side.what} | ${side.runsS.map((s) => f(s)).join(', ')} | ${f(side.medianS)} | ${f(side.articlesPerMinute)} | ${target} | ${verdict} |`;
  const fastEnough = r.pipeline.articlesPerMinute >= INGEST_ARTICLES_PER_MINUTE_TARGET;
  return [
    '| side | what it runs | passes (s) | median pass (s) | articles a minute | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('(a) floor', r.floor, '–', '–'),
    row('(b) pipeline, warm', r.pipeline, `≥ ${INGEST_ARTICLES_PER_MINUTE_TARGET}`, met(fastEnough)),
    row('(c) rules alone', r.rules, '–', '–'),
    '',
    `The pipeline adds **${f(r.overheadPct)}%** to the floor's median pass (${f(r.pipeline.medianS)} s against ${f(r.floor.medianS)} s; ` +
      `target at most ${INGEST_OVERHEAD_TARGET_PCT}%: ${met(r.overheadPct <= INGEST_OVERHEAD_TARGET_PCT)}). ` +
      `The pipeline reads **${f(r.pipeline.articlesPerMinute)} articles a minute** (target at least ${INGEST_ARTICLES_PER_MINUTE_TARGET}: ${met(fastEnough)}).`,
  ];
}

/** CoreNLP's start-up and both processes' peak memory, for which issue 27 sets no target. */
function renderServers(r: IngestReport): string[] {
  const { coreNlp, node } = r;
  const local = coreNlp.source === 'local';
  return [
    '## Start-up and memory',
    '',
    '| measure | value | target |',
    '| --- | --- | --- |',
    `| CoreNLP start-up, cold (from spawning its JVM to its first ready answer${local ? `; heap ${coreNlp.heap}` : ''}) | ${local ? `${f(coreNlp.startupS)} s` : `not measured: CORENLP_URL=${coreNlp.url} is not the benchmark's server`} | none set (measured) |`,
    `| CoreNLP JVM peak RSS (VmHWM) | ${local ? `${f(coreNlp.peakRssMb, 0)} MB` : 'not measured (external server)'} | none set (measured) |`,
    `| Node process peak RSS (maxRSS; runs the pipeline and the rules) | ${f(node.peakRssMb, 0)} MB | none set (measured) |`,
  ];
}

/** Each document's median time on each side. */
function renderDocuments(r: IngestReport): string[] {
  return [
    '## Per document (medians over the rounds, ms)',
    '',
    '| split | file | language | characters | floor | pipeline | rules | pipeline − floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.documents.map(
      (d) =>
        `| ${d.split} | ${d.file} | ${d.language} | ${d.characters} | ${f(d.floorMs, 0)} | ${f(d.pipelineMs, 0)} | ${f(d.rulesMs, 1)} | ${f(d.pipelineMs - d.floorMs, 0)} |`,
    ),
  ];
}

/** The ingest section's Markdown. */
export function renderIngestMarkdown(r: IngestReport): string {
  return [
    '# Benchmark report: ingest',
    '',
    `Machine: ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}. Corpus: ${r.corpus.dir}, ${r.corpus.documents} documents ` +
      `(${counts(r.corpus.bySplit)}; ${counts(r.corpus.byLanguage)}), ${r.corpus.characters} characters of text. ` +
      `Each side ran ${r.rounds} times, one document at a time: after one untimed warm-up pass of the pipeline, each round took every document through the three sides in turn (floor and pipeline swapping places each round), and a side's pass is the sum of its documents' times; ` +
      `figures are medians. CoreNLP at ${r.coreNlp.url} (${r.coreNlp.source}). Run took ${f(r.durationS, 0)} s.`,
    '',
    '## Articles a minute',
    '',
    ...renderSides(r),
    '',
    ...renderServers(r),
    '',
    ...renderDocuments(r),
    '',
  ].join('\n');
}
