import path from 'node:path';
import type { Extractor } from '../extractors/extractor';
import { Gazetteer } from '../extractors/gazetteer';
import { EXTRACTORS } from '../extractors/index';
import type { ExtractedText } from '../source/extract-text';
import type { ParsedDocument, Parser } from '../nlp/parse';
import type { ExtractedWith } from './annotate';
import { annotate } from './annotate';
import { extract } from './extract';
import { propose, type Draft } from './propose';
import { readArticle, type SourceOptions } from './read';
import { resolve, type Proposals } from './resolve';
import { layoutOf, segment } from './segment';

/**
 * What the ingester proposes for a text it has read, with `gazetteer` as the graph it knows: segment, extract with
 * each extractor in turn, resolve into proposals (mentions of known entities, new entities, relationships, figures,
 * claims); nothing in page furniture. With `parse`, the extractors that read a parse use it. No file is read or written.
 */
export function analyse(
  id: string,
  extracted: ExtractedText,
  gazetteer: Gazetteer,
  extractors: readonly Extractor[] = EXTRACTORS,
  parse?: ParsedDocument,
): Proposals {
  const document = segment(id, extracted);
  return resolve(extract(parse ? { ...document, parse } : document, gazetteer, extractors));
}

/** analyse, after the parser (when one is given) has read the text: ingest and ingest-eval run through this. */
export async function analyseParsed(
  id: string,
  extracted: ExtractedText,
  gazetteer: Gazetteer,
  { parser, language = 'en', extractors = EXTRACTORS }: { parser?: Parser; language?: string; extractors?: readonly Extractor[] },
): Promise<Proposals> {
  const document = await annotate(segment(id, extracted), language, parser);
  return resolve(extract(document, gazetteer, extractors));
}

/** How an ingestion reads documents: with a parser (CoreNLP), or the rule pipeline alone, and which extractors. */
export interface IngestMethod {
  parser?: Parser;
  extractors?: readonly Extractor[];
}

/** What the method says of itself in a draft and its report. */
export function extractedWith(method: IngestMethod): ExtractedWith {
  return method.parser ? { extractor: 'corenlp', parser: method.parser.name } : { extractor: 'rules' };
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
  const { article, known } = readArticle(file, options, seedDir, out ? [draftsDir, path.dirname(out)] : [draftsDir]);
  const id = article.document.id;
  const proposals = await analyseParsed(id, article.extracted, new Gazetteer(known), {
    ...(method.parser ? { parser: method.parser } : {}),
    ...(method.extractors ? { extractors: method.extractors } : {}),
    language: article.document.language ?? 'en',
  });
  const draftDir = out ?? path.join(draftsDir, id.slice('doc:'.length));
  return { ...propose(article, layoutOf(id, article.extracted), proposals, known, draftDir), extractedWith: extractedWith(method) };
}
