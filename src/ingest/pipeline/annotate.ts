import type { IngestDocument } from '../extractors/extractor';
import { annotateChinese } from '../nlp/hanlp';
import { isChinese } from '../nlp/language';

/** Which annotators the annotate stage may run: HanLP for documents in Chinese (the default), or none (rules only). */
export interface AnnotateOptions {
  hanlp?: boolean;
}

/**
 * The annotate stage: what needs a process of its own runs here, before the synchronous extractors, and is attached
 * to the document they read (HanLP's words and names for a document in Chinese).
 */
export async function annotate(document: IngestDocument, options: AnnotateOptions = {}): Promise<IngestDocument> {
  if (options.hanlp === false || !isChinese(document.language)) return document;
  return { ...document, hanlp: await annotateChinese(document.text) };
}
