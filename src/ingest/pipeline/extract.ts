import type { Candidate, Extractor, IngestDocument } from '../extractors/extractor';
import type { Gazetteer } from '../extractors/gazetteer';

/** Runs the extractors in their order over a document, each seeing the candidates of those before it; all of them, in order. */
export function extract(document: IngestDocument, known: Gazetteer, extractors: readonly Extractor[]): Candidate[] {
  const found: Candidate[] = [];
  for (const extractor of extractors) found.push(...extractor.extract(document, { known, found: [...found] }));
  return found;
}
