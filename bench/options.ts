import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../src/project-root';

/** The command line of `npm run bench`: the scale, the generator's seed and the rounds per measurement. */
export interface BenchOptions {
  relationships: number;
  seed: number;
  rounds: number;
  /** `--ingest`: run the ingest section alone (bench/ingest-run.ts), on the documents of `corpus`; set only when asked. */
  ingest?: { corpus: string };
  /** `--reports <dir>`: where the reports go; set only when given (reports/bench otherwise). */
  reports?: string;
}

/** Where the reports go unless `--reports` says otherwise. */
export const REPORTS_DIR = path.join(PROJECT_ROOT, 'reports', 'bench');
/** The documents the ingest section reads unless `--corpus` says otherwise: every split of the evaluation corpus. */
const EVAL_CORPUS = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'eval-corpus');

/** A whole number of at least `min`, or undefined. */
function wholeNumber(text: string, min: number): number | undefined {
  const value = Number(text);
  return /^\s*-?\d+\s*$/.test(text) && Number.isSafeInteger(value) && value >= min ? value : undefined;
}

interface RawOptions {
  relationships: string;
  seed: string;
  rounds: string;
  ingest?: boolean;
  corpus?: string;
  reports?: string;
}

function readCommandLine(argv: string[]): RawOptions {
  return new Command()
    .name('npm run bench --')
    .option('--relationships <n>', 'seed relationships to generate (10000, 100000, 1000000...)', '10000')
    .option('--seed <n>', 'generator seed', '42')
    .option('--rounds <n>', 'interleaved rounds per measurement', '3')
    .option('--ingest', 'measure ingest alone: the corpus read by CoreNLP alone, by the whole pipeline and by the rules (no Neo4j)')
    .option('--corpus <dir>', 'with --ingest: a folder of documents, or of folders of them (default: every split of the evaluation corpus)')
    .option('--reports <dir>', 'where the reports are written (default: reports/bench)')
    .parse(argv)
    .opts<RawOptions>();
}

/** The options, and a sentence for each one that is not a whole number in its range (the preflight lists them). */
export function parseOptions(argv: string[]): { options: BenchOptions; problems: string[] } {
  const raw = readCommandLine(argv);
  const problems: string[] = [];
  const read = (name: 'relationships' | 'seed' | 'rounds', min: number, what: string) => {
    const value = wholeNumber(raw[name], min);
    if (value === undefined) problems.push(`--${name} must be ${what} (got "${raw[name]}")`);
    return value ?? NaN;
  };
  const options: BenchOptions = {
    relationships: read('relationships', 1, 'a whole number of seed relationships, 1 or more'),
    seed: read('seed', Number.MIN_SAFE_INTEGER, 'a whole number'),
    rounds: read('rounds', 1, 'a whole number of rounds, 1 or more'),
    ...(raw.ingest ? { ingest: { corpus: path.resolve(raw.corpus ?? EVAL_CORPUS) } } : {}),
    ...(raw.reports ? { reports: path.resolve(raw.reports) } : {}),
  };
  // Each side's figure is a median over its passes, so the ingest section runs each at least twice.
  if (raw.ingest && options.rounds === 1) problems.push('--rounds must be 2 or more with --ingest (each side runs at least twice; got "1")');
  if (raw.corpus && !raw.ingest) problems.push('--corpus is read by the ingest section only: add --ingest, or leave --corpus out');
  return { options, problems };
}
