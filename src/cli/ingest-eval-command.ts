import path from 'node:path';
import type { Command } from 'commander';
import {
  evaluateArticles,
  evaluateCorpus,
  evaluateSeed,
  formatByType,
  formatEvaluation,
  formatSplit,
  totalsOf,
  type SplitEvaluation,
} from '../ingest/evaluate';
import { PROJECT_ROOT } from '../project-root';
import { annotatorsFor, extractorChoice, type ExtractorChoice } from './corenlp-commands';

/** Adds `ingest-eval`: the ingester scored on the seed articles, the test articles and the evaluation corpus. */
export function registerIngestEvalCommand(program: Command): void {
  program
    .command('ingest-eval')
    .description(
      'Run the ingester on the seed articles as if new (graph empty, then the other articles known) and score its proposals against the curated seed; ' +
        'then the test articles and each split of the evaluation corpus, the seed known',
    )
    .option('--seed <dir>', 'the curated seed to score against', path.join(PROJECT_ROOT, 'seed'))
    .option(
      '--articles <dir>',
      'test articles with their expected proposals (gold.json), scored with the seed known',
      path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest'),
    )
    .option(
      '--corpus <dir>',
      'the evaluation corpus: one folder per split, each with its gold.json',
      path.join(PROJECT_ROOT, 'tests', 'fixtures', 'eval-corpus'),
    )
    .option('--documents', "also print the corpus's scores per document")
    .option('--json', 'print the scores as JSON')
    .option('--extractor <how>', 'auto (CoreNLP when Java is here), corenlp, or rules (the rule pipeline alone)', extractorChoice, 'auto')
    .action(async (options: { seed: string; articles: string; corpus: string; documents?: boolean; json?: boolean; extractor: ExtractorChoice }) => {
      const seedDir = path.resolve(options.seed);
      const annotators = await annotatorsFor(options.extractor, seedDir);
      const seed = await evaluateSeed(seedDir, annotators);
      const articleRuns = await evaluateArticles(seedDir, path.resolve(options.articles), annotators);
      const splits = await evaluateCorpus(seedDir, path.resolve(options.corpus), annotators);
      console.error(
        `Read with ${annotators.parser ? `CoreNLP and the dependency rules (${annotators.parser.name})` : 'the rule pipeline alone'} in English, ${annotators.hanlp ? 'HanLP' : 'the rules alone'} in Chinese.`,
      );
      if (options.json) {
        console.log(JSON.stringify({ seed: seed.runs, articles: articleRuns, seedByType: seed.byType, corpus: splits.map(splitAsJson) }, null, 2));
        return;
      }
      console.log(`The seed articles, each read as if new\n\n${formatEvaluation(seed.runs)}\n`);
      console.log(
        `Test articles (${path.relative(process.cwd(), options.articles) || options.articles}), the seed known\n\n${formatEvaluation(articleRuns, false)}`,
      );
      console.log(`\nRelationships per type, the seed articles (both runs)\n\n${formatByType(seed.byType)}`);
      for (const split of splits) console.log(`\n${formatSplitReport(split, path.join(options.corpus, split.split), options.documents === true)}`);
    });
}

// Held-out articles are read by the scorer only: the header says so where their scores are printed.
const splitNote = (split: string) => (split === 'held-out' ? ' (never read while rules are written: look at its scores, not its texts)' : '');

/** One corpus split as text: its totals, its relationships per type and, if asked, its documents. */
function formatSplitReport(split: SplitEvaluation, dir: string, documents: boolean): string {
  const where = path.relative(process.cwd(), dir) || dir;
  return [
    `Evaluation corpus, ${split.split} split (${where}), the seed known${splitNote(split.split)}`,
    '',
    formatSplit(split),
    '',
    `Relationships per type, ${split.split} split`,
    '',
    formatByType(split.byType),
    ...(documents
      ? [
          '',
          formatEvaluation(
            split.articles.map((a) => a.run),
            false,
          ),
        ]
      : []),
  ].join('\n');
}

/** One corpus split as JSON: totals, per type, per document (with its language and per-type counts). */
const splitAsJson = (split: SplitEvaluation) => ({
  split: split.split,
  totals: totalsOf(split.articles.map((a) => a.run)),
  byType: split.byType,
  documents: split.articles.map((a) => ({ ...a.run, language: a.language, byType: a.byType })),
});
