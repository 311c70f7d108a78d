import path from 'node:path';
import type { Extractor } from '../extractors/extractor';
import { Gazetteer, type KnownEntity } from '../extractors/gazetteer';
import { EXTRACTORS } from '../extractors/index';
import type { ExtractedText } from '../source/extract-text';
import { annotate, extractedWith, type AnnotateOptions } from './annotate';
import { extract } from './extract';
import { propose, type Draft } from './propose';
import { readArticle, type SourceOptions } from './read';
import { resolve, type Proposals } from './resolve';
import { layoutOf, segment } from './segment';

/**
 * What the ingester proposes for a text it has read, with `gazetteer` as the graph it knows: segment, annotate (HanLP
 * for a text in Chinese, the parser for another), extract with each extractor in turn, resolve into proposals (mentions of known entities, new
 * entities, relationships, figures, claims); nothing in page furniture. No file is read or written (ingest-eval uses
 * it too).
 */
export async function analyse(
  id: string,
  extracted: ExtractedText,
  gazetteer: Gazetteer,
  extractors: readonly Extractor[] = EXTRACTORS,
  options: AnnotateOptions = {},
): Promise<Proposals> {
  return resolve(extract(await annotate(segment(id, extracted), options), gazetteer, extractors));
}

/** How an ingestion reads documents: its annotators (CoreNLP, HanLP) and its extractors. */
export interface IngestMethod extends AnnotateOptions {
  extractors?: readonly Extractor[];
  /**
   * Entities that drafts made earlier in the same corpus run propose: known to this document too, so that an actor
   * named in several documents is one proposal, linked from every other draft (merge the drafts in order).
   */
  proposedEarlier?: readonly KnownEntity[];
}

/**
 * Reads a source and proposes a draft in the seed format: its document entry and normalized text, the layout of its
 * regions (furniture set aside, captions kept), and what the extractors propose; refuses a text already ingested.
 * Drafts are looked for where this one goes too (`out`), so that a second ingestion into the same folder is caught.
 */
export async function proposeDraft(
  file: string,
  options: SourceOptions,
  seedDir: string,
  draftsDir: string,
  out?: string,
  method: IngestMethod = {},
): Promise<Draft> {
  const { article, known } = await readArticle(file, options, seedDir, out ? [draftsDir, path.dirname(out)] : [draftsDir]);
  const id = article.document.id;
  // The language the document entry gives (--language, the page's, or its script's) is the one the stages read.
  const language = article.document.language ?? 'en';
  const extracted = { ...article.extracted, metadata: { ...article.extracted.metadata, language } };
  const { extractors = EXTRACTORS, proposedEarlier = [], ...annotators } = method;
  const knownHere = [...known, ...proposedEarlier];
  const proposals = await analyse(id, extracted, new Gazetteer(knownHere), extractors, annotators);
  const draft = propose(article, layoutOf(id, article.extracted), proposals, knownHere, out ?? path.join(draftsDir, id.slice('doc:'.length)));
  return { ...draft, extractedWith: extractedWith(language, annotators) };
}
