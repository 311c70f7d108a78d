import type { IngestDocument } from '../extractors/extractor';
import { annotateChinese } from '../nlp/hanlp';
import { isChinese } from '../nlp/language';
import type { Parser } from '../nlp/parse';

/**
 * Which annotators the annotate stage may run: a parser (CoreNLP) for a document in English, HanLP for one in Chinese
 * (on unless `hanlp: false`); with neither, the rule pipeline alone reads the document.
 */
export interface AnnotateOptions {
  parser?: Parser;
  hanlp?: boolean;
}

/** How a document was read, as its draft and report say: by CoreNLP, by HanLP, or by the rule pipeline alone. */
export interface ExtractedWith {
  extractor: 'corenlp' | 'hanlp' | 'rules';
  /** The annotator's name and where it ran, when one was used. */
  parser?: string;
}

/** What annotate will use for a document in this language. */
export function extractedWith(language: string, options: AnnotateOptions): ExtractedWith {
  if (isChinese(language)) return options.hanlp === false ? { extractor: 'rules' } : { extractor: 'hanlp', parser: 'HanLP portable 1.8.6' };
  return options.parser ? { extractor: 'corenlp', parser: options.parser.name } : { extractor: 'rules' };
}

/**
 * The annotate stage: what needs a process of its own runs here, before the synchronous extractors, and is attached
 * to the document they read: HanLP's words and names for a document in Chinese, the parser's reading of one in
 * another language (CoreNLP's English models never read Chinese).
 */
export async function annotate(document: IngestDocument, options: AnnotateOptions = {}): Promise<IngestDocument> {
  const how = extractedWith(document.language, options).extractor;
  if (how === 'hanlp') return { ...document, hanlp: await annotateChinese(document.text) };
  if (how === 'corenlp') return { ...document, parse: await options.parser!.parse(document.text, document.language) };
  return document;
}
