import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors/app-error';
import { AlreadyIngestedError, IngestError } from '../ingest-error';
import { isIngestible } from '../source/read-source';
import type { SeedEntity } from '../../seed/seed-schema';
import type { KnownEntity } from '../extractors/gazetteer';
import type { Draft } from './propose';
import type { SourceOptions } from './read';
import { proposeDraft, type IngestMethod } from './run';
import { writeDraft } from './write-draft';

/** The kinds of proposal a corpus report counts. */
const PROPOSAL_KINDS = ['mentions', 'entities', 'relationships', 'figures', 'claims'] as const;
type ProposalCounts = Record<(typeof PROPOSAL_KINDS)[number], number>;

/** What became of one file of a corpus: drafted (where, with what), skipped (why) or refused (the reason). */
export interface CorpusOutcome {
  file: string;
  status: 'drafted' | 'skipped' | 'refused';
  reason?: string;
  document?: string;
  draft?: string;
  proposals?: ProposalCounts;
  /** How it was read: CoreNLP, HanLP or the rule pipeline alone (with the annotator's name). */
  extractedWith?: string;
  seconds: number;
}

/** The corpus report: what was read, skipped and refused, the proposals per kind, and the time taken. */
export interface CorpusReport {
  started: string;
  seconds: number;
  paths: string[];
  documents: number;
  drafted: number;
  skipped: number;
  refused: number;
  proposals: ProposalCounts;
  /** How many documents were read each way: CoreNLP, HanLP or the rule pipeline alone. */
  extractors: Record<string, number>;
  outcomes: CorpusOutcome[];
  /** Where the report was written as JSON. */
  file: string;
}

/** One step of a corpus run, for a progress display: a file begun, or a file done with its outcome. */
export type CorpusProgress = { index: number; total: number; file: string } & ({ stage: 'start' } | { stage: 'done'; outcome: CorpusOutcome });

/** A path as the person typed it, roughly: relative under the working folder, absolute elsewhere. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
};

/** The files under a folder, sorted, hidden files and folders (".git", ".DS_Store") left out. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(full);
      return entry.isFile() ? [full] : [];
    });
}

/**
 * The files a corpus run reads, from files and folders: a folder gives its files of the formats ingest reads, the
 * others listed as unsupported; a folder with nothing ingest can read is refused, naming it.
 */
export function corpusFiles(paths: readonly string[]): { files: string[]; unsupported: string[] } {
  const files: string[] = [];
  const unsupported: string[] = [];
  for (const given of paths) {
    if (!fs.existsSync(given) || !fs.statSync(given).isDirectory()) {
      // A file named on the command line is read whatever its extension (its reader says if it cannot).
      files.push(given);
      continue;
    }
    const under = filesUnder(given);
    const readable = under.filter(isIngestible);
    if (readable.length === 0) {
      throw new IngestError(
        `${shown(given)}: no file ingest can read in this folder (${under.length} file${under.length === 1 ? '' : 's'}, none .txt, .md, .html, .pdf or .docx).`,
        'Give a folder of articles in those formats, or convert the documents first.',
      );
    }
    files.push(...readable);
    unsupported.push(...under.filter((file) => !isIngestible(file)));
  }
  return { files: [...new Set(files)], unsupported: [...new Set(unsupported)] };
}

/** The proposals of a draft, per kind. */
const countsOf = (draft: Draft): ProposalCounts => ({
  mentions: draft.mentions.filter((m) => m.entity).length,
  entities: draft.entities.length,
  relationships: draft.relationships.length,
  figures: draft.figures.length,
  claims: draft.claims.length,
});

/** A refusal's message without the file's name it starts with ("dir/a.pdf: scanned: ..."): the report names the file. */
function withoutFileName(message: string, file: string): string {
  const prefix = `${path.basename(file)}: `;
  const at = message.indexOf(prefix);
  return at >= 0 && !/\s/.test(message.slice(0, at)) ? message.slice(at + prefix.length) : message;
}

/** Where a corpus run reads the known entities from and writes its drafts, and how it reads documents. */
export interface CorpusTarget {
  seedDir: string;
  draftsDir: string;
  method?: IngestMethod;
}

/** A proposed entity as the gazetteer of the documents after it reads it: its name, aliases and acronym. */
function asKnown(entity: SeedEntity): KnownEntity {
  const acronym = 'acronym' in entity && typeof entity.acronym === 'string' ? [entity.acronym] : [];
  return { id: entity.id, type: entity.type, name: entity.name, spellings: [...entity.aliases, ...acronym] };
}

/** Ingests one file of a corpus into its own draft; a refusal or failure is its outcome, never thrown. */
async function ingestOne(
  file: string,
  options: SourceOptions,
  { seedDir, draftsDir, method = {} }: CorpusTarget,
  proposedEarlier: KnownEntity[],
): Promise<CorpusOutcome> {
  const began = Date.now();
  const seconds = () => Math.round((Date.now() - began) / 100) / 10;
  try {
    const draft = await proposeDraft(file, options, seedDir, draftsDir, undefined, method);
    if (fs.existsSync(draft.dir)) {
      // Another text of the corpus (or an earlier run) has the same title, hence the same document id and folder.
      const reason = `its draft ${shown(draft.dir)} already exists and holds another text with the same document id (${draft.document.id}); ingest this file alone with --title or --out`;
      return { file, status: 'refused', reason, seconds: seconds() };
    }
    writeDraft(draft);
    proposedEarlier.push(...draft.entities.map(({ entity }) => asKnown(entity)));
    const how = draft.extractedWith ? `${draft.extractedWith.extractor}${draft.extractedWith.parser ? ` (${draft.extractedWith.parser})` : ''}` : 'rules';
    return { file, status: 'drafted', document: draft.document.id, draft: draft.dir, proposals: countsOf(draft), extractedWith: how, seconds: seconds() };
  } catch (error) {
    if (error instanceof AlreadyIngestedError) return { file, status: 'skipped', reason: `already ingested, as ${error.already}`, seconds: seconds() };
    // A bug met on one document (a reader's exception) is that document's failure; the corpus goes on.
    const reason = error instanceof AppError ? withoutFileName(error.message, file) : `unexpected error: ${(error as Error).message}`;
    return { file, status: 'refused', reason, seconds: seconds() };
  }
}

/**
 * Ingests a corpus (files and folders), one draft per document in `target.draftsDir`, read with `target.method`: a text already ingested (in the seed or
 * a draft, by its hash) is skipped and said so, so that a run that was interrupted continues where it stopped; one
 * document's refusal never stops the others. Writes the corpus report as JSON into `draftsDir` and returns it.
 */
export async function ingestCorpus(
  paths: readonly string[],
  options: SourceOptions,
  target: CorpusTarget,
  onProgress: (progress: CorpusProgress) => void = () => {},
): Promise<CorpusReport> {
  const { draftsDir } = target;
  const started = new Date();
  const { files, unsupported } = corpusFiles(paths);
  const outcomes: CorpusOutcome[] = unsupported.map((file) => ({
    file,
    status: 'skipped',
    reason: `not a format ingest reads (${path.extname(file) || 'no extension'})`,
    seconds: 0,
  }));
  // An actor new to the graph is proposed by the first draft that names it; the later ones link to that proposal.
  const proposedEarlier: KnownEntity[] = [];
  for (const [index, file] of files.entries()) {
    onProgress({ index, total: files.length, file, stage: 'start' });
    const outcome = await ingestOne(file, options, { ...target, method: { ...target.method, proposedEarlier } }, proposedEarlier);
    outcomes.push(outcome);
    onProgress({ index, total: files.length, file, stage: 'done', outcome });
  }
  const proposals = Object.fromEntries(
    PROPOSAL_KINDS.map((kind) => [kind, outcomes.reduce((sum, o) => sum + (o.proposals?.[kind] ?? 0), 0)]),
  ) as ProposalCounts;
  const count = (status: CorpusOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  fs.mkdirSync(draftsDir, { recursive: true });
  const file = path.join(draftsDir, `corpus-report-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const report: CorpusReport = {
    started: started.toISOString(),
    seconds: Math.round((Date.now() - started.getTime()) / 100) / 10,
    paths: paths.map((p) => path.resolve(p)),
    documents: files.length,
    drafted: count('drafted'),
    skipped: count('skipped'),
    refused: count('refused'),
    proposals,
    extractors: outcomes.reduce<Record<string, number>>((counts, o) => {
      if (o.extractedWith) counts[o.extractedWith] = (counts[o.extractedWith] ?? 0) + 1;
      return counts;
    }, {}),
    outcomes,
    file,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** The corpus report as `ingest` prints it: the totals, then every document skipped or refused, with why. */
export function corpusReportText(report: CorpusReport): string {
  const skipped = report.outcomes.filter((o) => o.status === 'skipped');
  const refused = report.outcomes.filter((o) => o.status === 'refused');
  return [
    `Corpus: ${report.documents} document${report.documents === 1 ? '' : 's'} read in ${report.seconds} s: ${report.drafted} drafted, ` +
      `${report.skipped} skipped, ${report.refused} refused`,
    `Read with: ${
      Object.entries(report.extractors)
        .map(([how, n]) => `${how} x${n}`)
        .join(', ') || 'nothing (no document drafted)'
    }`,
    `Proposals: ${PROPOSAL_KINDS.map((kind) => `${report.proposals[kind]} ${kind}`).join(', ')}`,
    ...report.outcomes.filter((o) => o.status === 'drafted').map((o) => `  drafted ${shown(o.file)}: ${o.document} in ${shown(o.draft!)} (${o.seconds} s)`),
    `Skipped: ${skipped.length}`,
    ...skipped.map((o) => `  ${shown(o.file)}: ${o.reason}`),
    `Refused: ${refused.length}`,
    ...refused.map((o) => `  ${shown(o.file)}: ${o.reason}`),
    `Report written to ${shown(report.file)}`,
  ].join('\n');
}
