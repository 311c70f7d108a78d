import path from 'node:path';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { readDraft } from '../ingest/draft-files';
import { formatMerge, mergeDraft } from '../ingest/merge-draft';
import { reviewDraft, type Prompter } from '../ingest/review-draft';
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
import { draftReport, proposeDraft, writeDraft, type SourceOptions } from '../ingest/index';
import { PROJECT_ROOT } from '../project-root';

/** Where drafts go unless --out says otherwise (git-ignored). */
export const DRAFTS_DIR = path.join(PROJECT_ROOT, 'drafts');

/** Adds `ingest FILE [--title --publisher --published --url --language --kind --out DIR --seed DIR --drafts DIR]`. */
export function registerIngestCommands(program: Command): void {
  program
    .command('ingest')
    .description('Read an article (text, Markdown or HTML) into a draft folder in the seed format, proposing its mentions of known entities')
    .argument('<file>', 'the article: .txt, .md or .html, UTF-8, at most 2 MiB')
    .option('--title <title>', "the document's title (else the page's own)")
    .option('--publisher <name>', 'who published it (else the page says)')
    .option('--published <date>', 'when: YYYY-MM-DD, YYYY-MM or YYYY (else the page says)')
    .option('--url <url>', 'where it was published')
    .option('--language <tag>', 'its language, such as "en" (else the page says, else "zh" for a text mostly in Chinese characters, else "en")')
    .option('--kind <kind>', 'what it is: "news item", "press release", "conference programme"...', undefined)
    .option('--out <dir>', 'the draft folder to write (default: drafts/<document>)')
    .option('--seed <dir>', 'the seed whose entities mentions link to', path.join(PROJECT_ROOT, 'seed'))
    .option('--drafts <dir>', 'the folder of drafts, searched for texts already ingested', DRAFTS_DIR)
    .action(async (file: string, options: SourceOptions & { out?: string; seed: string; drafts: string }) => {
      const draft = await proposeDraft(
        path.resolve(file),
        options,
        path.resolve(options.seed),
        path.resolve(options.drafts),
        options.out && path.resolve(options.out),
      );
      writeDraft(draft);
      console.log(draftReport(draft));
    });

  program
    .command('review')
    .description("Walk a draft's proposals (accept, edit, reject, merge into a known entity), then merge what was accepted into the seed files")
    .argument('<draft>', 'the draft folder that ingest wrote')
    .option('--accept-above <confidence>', 'accept, without asking, every proposal at least this sure (0 to 1)', (value: string) => {
      const n = Number(value);
      if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError(`must be a number from 0 to 1, got "${value}"`);
      return n;
    })
    .option('--seed <dir>', 'the seed folder to merge into', path.join(PROJECT_ROOT, 'seed'))
    .option('--no-merge', 'only record the decisions in the draft')
    .action(async (draftDir: string, options: { acceptAbove?: number; seed: string; merge: boolean }) => {
      const dir = path.resolve(draftDir);
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
      const lines = rl[Symbol.asyncIterator]();
      const prompter: Prompter = {
        say: (line) => console.log(line),
        ask: async (question) => {
          process.stdout.write(question);
          const next = await lines.next();
          // The end of the input (a closed pipe, Ctrl-D) ends the review, saving what was decided.
          return next.done ? 'q' : next.value;
        },
      };
      try {
        const counts = await reviewDraft(dir, prompter, options.acceptAbove === undefined ? {} : { acceptAbove: options.acceptAbove });
        console.log(
          `\nReviewed: ${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.merged} merged into known entities, ${counts.open} left open.`,
        );
      } finally {
        rl.close();
      }
      if (!options.merge) return;
      const summary = mergeDraft(readDraft(dir), path.resolve(options.seed));
      console.log(formatMerge(summary));
      console.log('Load it into the graph with: npm run seed');
    });

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
    .action(async (options: { seed: string; articles: string; corpus: string; documents?: boolean; json?: boolean }) => {
      const seed = await evaluateSeed(path.resolve(options.seed));
      const articleRuns = await evaluateArticles(path.resolve(options.seed), path.resolve(options.articles));
      const splits = await evaluateCorpus(path.resolve(options.seed), path.resolve(options.corpus));
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
