import { FURNITURE_KINDS } from '../../model/evidence';
import { CorpusDocument } from '../../seed/corpus';
import type { SeedLayout } from '../../seed/seed-schema';
import type { IngestDocument } from '../extractors/extractor';
import { IngestError } from '../ingest-error';
import { guessLanguage } from '../nlp/language';
import { sentences } from '../nlp/sentences';
import { taggedWords } from '../nlp/tagger';
import type { ExtractedText } from '../source/extract-text';

/** The layout regions of an extraction as seed layout entries of document `id`. */
export function layoutOf(id: string, extracted: ExtractedText): SeedLayout[] {
  return extracted.regions.map((region) => ({
    doc: id,
    kind: region.kind,
    text: region.text,
    ...(region.occurrence ? { occurrence: region.occurrence } : {}),
  }));
}

/**
 * The document extractors read: its text, its regions located as the seed would locate them (furniture apart), and
 * its sentences with their tagged words, its language.
 */
export function segment(id: string, extracted: ExtractedText): IngestDocument {
  const items = layoutOf(id, extracted);
  const corpus = new CorpusDocument(id, extracted.text);
  for (const item of items) {
    const problem = corpus.addLayout(item);
    if (problem) throw new IngestError(`${id}: the ingester marked a region it cannot find again (${problem}).`, 'Please report this file.');
  }
  const layout = corpus.regions();
  return {
    id,
    text: extracted.text,
    layout,
    furniture: layout.filter((r) => (FURNITURE_KINDS as readonly string[]).includes(r.kind)),
    sentences: sentences(extracted.text).map((s) => ({ ...s, words: taggedWords(s.text, s.start) })),
    language: extracted.metadata.language ?? guessLanguage(extracted.text),
  };
}
