import path from 'node:path';
import type { SeedDocument, SeedLayout } from '../../seed/seed-schema';
import type { KnownEntity } from '../extractors/gazetteer';
import type { ExtractedWith } from './annotate';
import type { ReadArticle } from './read';
import type { Proposals } from './resolve';

/** The draft an ingestion proposes, before it is written. */
export interface Draft extends Proposals {
  dir: string;
  document: SeedDocument;
  text: string;
  layout: SeedLayout[];
  /** The entities the draft was linked against (the seed's), for the report's names. */
  known: KnownEntity[];
  contentHash: string;
  source: { file: string; format: string };
  /** Whether CoreNLP or the rule pipeline alone read it (said in draft.json and the report). */
  extractedWith?: ExtractedWith;
}

/** The draft of an article: its document entry, text, layout and proposals, and where it goes. */
export function propose(article: ReadArticle, layout: SeedLayout[], proposals: Proposals, known: KnownEntity[], dir: string): Draft {
  return {
    dir,
    document: article.document,
    text: article.extracted.text,
    layout,
    ...proposals,
    known,
    contentHash: article.contentHash,
    source: { file: path.resolve(article.file), format: article.source.format },
  };
}
