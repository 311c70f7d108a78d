import type { IngestDocument } from '../extractors/extractor';
import type { Parser } from '../nlp/parse';

/** How a document was read: by a parser (its name), or by the rule pipeline alone. */
export interface ExtractedWith {
  extractor: 'corenlp' | 'rules';
  /** The parser's name and where it ran, when one was used. */
  parser?: string;
}

/** The document with its parse attached, when a parser is given; the document as it is otherwise. */
export async function annotate(document: IngestDocument, language: string, parser?: Parser): Promise<IngestDocument> {
  if (!parser) return document;
  return { ...document, parse: await parser.parse(document.text, language) };
}
