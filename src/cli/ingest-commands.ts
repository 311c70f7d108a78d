import path from 'node:path';
import type { Command } from 'commander';
import { evaluateArticles, evaluateIngest, formatEvaluation } from '../ingest/evaluate';
import { draftReport, knownEntities, proposeDraft, writeDraft, type SourceOptions } from '../ingest/ingest-file';
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
    .option('--language <tag>', 'its language, such as "en" (else the page says, else "en")')
    .option('--kind <kind>', 'what it is: "news item", "press release", "conference programme"...', undefined)
    .option('--out <dir>', 'the draft folder to write (default: drafts/<document>)')
    .option('--seed <dir>', 'the seed whose entities mentions link to', path.join(PROJECT_ROOT, 'seed'))
    .option('--drafts <dir>', 'the folder of drafts, searched for texts already ingested', DRAFTS_DIR)
    .action((file: string, options: SourceOptions & { out?: string; seed: string; drafts: string }) => {
      const draft = proposeDraft(
        path.resolve(file),
        options,
        path.resolve(options.seed),
        path.resolve(options.drafts),
        options.out && path.resolve(options.out),
      );
      writeDraft(draft);
      console.log(draftReport(draft, knownEntities(path.resolve(options.seed))));
    });

  program
    .command('ingest-eval')
    .description(
      'Run the ingester on the seed articles as if new (graph empty, then the other articles known) and score its proposals against the curated seed',
    )
    .option('--seed <dir>', 'the curated seed to score against', path.join(PROJECT_ROOT, 'seed'))
    .option(
      '--articles <dir>',
      'test articles with their expected proposals (gold.json), scored with the seed known',
      path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest'),
    )
    .option('--json', 'print the scores as JSON')
    .action((options: { seed: string; articles: string; json?: boolean }) => {
      const seedRuns = evaluateIngest(path.resolve(options.seed));
      const articleRuns = evaluateArticles(path.resolve(options.seed), path.resolve(options.articles));
      if (options.json) {
        console.log(JSON.stringify({ seed: seedRuns, articles: articleRuns }, null, 2));
        return;
      }
      console.log(`The seed articles, each read as if new\n\n${formatEvaluation(seedRuns)}\n`);
      console.log(
        `Test articles (${path.relative(process.cwd(), options.articles) || options.articles}), the seed known\n\n${formatEvaluation(articleRuns, false)}`,
      );
    });
}
