import { chineseExtractor } from './chinese';
import { dateExtractor } from './dates';
import { dependencyExtractor } from './dependency-relations';
import { entityExtractor } from './entities';
import type { Extractor } from './extractor';
import { figureExtractor } from './figures';
import { mentionExtractor } from './mentions';
import { relationshipExtractor } from './relationships';

// What a caller of the seam needs; the candidate types themselves are in ./extractor, where extractors import them.
export type { Candidate, Extractor, IngestDocument } from './extractor';
export { located, ofKind } from './extractor';
export { Gazetteer, type KnownEntity } from './gazetteer';

/**
 * The extractors the pipeline runs unless given others, in their order: each sees what those before it proposed
 * (figures, relationships and dates need the names that mentions and entities found). Today all are rule sets; a
 * new extractor, rules or a model, is registered here (or in a list given to the pipeline), not wired in.
 */
export const EXTRACTORS: readonly Extractor[] = [
  mentionExtractor,
  entityExtractor,
  // Names and posts of a document in Chinese, from HanLP's words (nothing for another language).
  chineseExtractor,
  figureExtractor,
  relationshipExtractor,
  // Reads the dependency parse with the rules of src/ingest/rules; proposes nothing when no parser read the document.
  dependencyExtractor(),
  dateExtractor,
];
