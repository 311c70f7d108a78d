import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { readDraft } from '../ingest/draft-files';
import { formatMerge, mergeDraft } from '../ingest/merge-draft';
import { reviewDraft, type Prompter } from '../ingest/review-draft';
import { corpusFiles, corpusReportText, draftReport, ingestCorpus, proposeDraft, writeDraft, type CorpusReport, type SourceOptions } from '../ingest/index';
import { IngestError } from '../ingest/ingest-error';
import { PROJECT_ROOT } from '../project-root';
import { annotatorsFor, extractorChoice, type ExtractorChoice } from './corenlp-commands';
import { progressDisplay } from './progress';

/** Where drafts go unless --out says otherwise (git-ignored). */
export const DRAFTS_DIR = path.join(PROJECT_ROOT, 'drafts');

/** The options of `ingest`. */
type IngestOptions = SourceOptions & { out?: string; seed: string; drafts: string; extractor: ExtractorChoice };

/** Adds `ingest` and `review`. */
export function registerIngestCommands(program: Command): void {
  registerIngest(program);
  registerReview(program);
}

/** Adds `ingest PATH... [--title --publisher --published --url --language --kind --out DIR --seed DIR --drafts DIR --extractor HOW]`. */
function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'Read an article (text, Markdown, HTML, PDF or Word) into a draft folder in the seed format, proposing its mentions of known entities; ' +
        'given a folder or several paths, ingest each document into its own draft and report on the corpus',
    )
    .argument('<paths...>', 'the article (.txt, .md or .html, UTF-8, at most 2 MiB; .pdf or .docx, at most 64 MiB), or folders of them')
    .option('--title <title>', "the document's title (else the page's own)")
    .option('--publisher <name>', 'who published it (else the page says)')
    .option('--published <date>', 'when: YYYY-MM-DD, YYYY-MM or YYYY (else the page says)')
    .option('--url <url>', 'where it was published')
    .option('--language <tag>', 'its language, such as "en" (else the page says, else "zh" for a text mostly in Chinese characters, else "en")')
    .option('--kind <kind>', 'what it is: "news item", "press release", "conference programme"...', undefined)
    .option('--out <dir>', 'the draft folder to write (default: drafts/<document>)')
    .option('--seed <dir>', 'the seed whose entities mentions link to', path.join(PROJECT_ROOT, 'seed'))
    .option('--drafts <dir>', 'the folder of drafts, searched for texts already ingested', DRAFTS_DIR)
    .option(
      '--extractor <how>',
      'auto: CoreNLP (English) or HanLP (Chinese) with the rules when Java is here, else the rules alone; corenlp: those or an error; rules: the rule pipeline alone',
      extractorChoice,
      'auto',
    )
    .action(async (paths: string[], options: IngestOptions) => {
      const corpus = paths.length > 1 || paths.some((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
      if (corpus) return ingestMany(paths, options);
      const annotators = await annotatorsFor(options.extractor, path.resolve(options.seed));
      const draft = await proposeDraft(
        path.resolve(paths[0]!),
        options,
        path.resolve(options.seed),
        path.resolve(options.drafts),
        options.out && path.resolve(options.out),
        annotators,
      );
      writeDraft(draft);
      console.log(draftReport(draft));
    });
}

/** Adds `review DRAFT`. */
function registerReview(program: Command): void {
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
}

/** Ingests a corpus (a folder, or several paths), one draft per document, with progress on stderr and the report on stdout. */
async function ingestMany(paths: string[], options: IngestOptions): Promise<void> {
  for (const [name, flag] of [
    ['out', '--out'],
    ['title', '--title'],
    ['url', '--url'],
  ] as const) {
    if (options[name] !== undefined) {
      throw new IngestError(`${flag} names one document, and ingest was given a folder or several paths.`, `Ingest that document alone to give its ${flag}.`);
    }
  }
  // A folder with nothing to read is refused before any annotator is set up for it.
  corpusFiles(paths.map((p) => path.resolve(p)));
  // The annotators serve the whole corpus: CoreNLP starts once, with the first document in a language it reads.
  const method = await annotatorsFor(options.extractor, path.resolve(options.seed));
  const progress = progressDisplay(process.stderr);
  let report: CorpusReport;
  try {
    report = await ingestCorpus(
      paths.map((p) => path.resolve(p)),
      options,
      { seedDir: path.resolve(options.seed), draftsDir: path.resolve(options.drafts), method },
      progress.update,
    );
  } finally {
    progress.end();
  }
  console.log(corpusReportText(report));
  if (report.refused > 0) {
    throw new IngestError(
      `${report.refused} of ${report.documents} documents were refused (listed above, and in ${path.relative(process.cwd(), report.file)}); the others were drafted or skipped.`,
      'Fix or remove the refused files and run the same command again: what is done is skipped.',
    );
  }
}
