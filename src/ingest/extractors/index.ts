import { dateExtractor } from './dates';
import { entityExtractor } from './entities';
import type { Extractor } from './extractor';
import { figureExtractor } from './figures';
import { mentionExtractor } from './mentions';
import { relationshipExtractor } from './relationships';

export type {
  Candidate,
  CandidateKind,
  CandidateOf,
  ClaimCandidate,
  EntityCandidate,
  ExtractionContext,
  Extractor,
  FigureCandidate,
  IngestDocument,
  LayoutRegion,
  Located,
  MentionCandidate,
  RelationshipCandidate,
  Sentence,
} from './extractor';
export { inFurniture, located, ofKind } from './extractor';
export { Gazetteer, type KnownEntity } from './gazetteer';
export type { Mention, MatchKind } from './mentions';

/**
 * The extractors the pipeline runs unless given others, in their order: each sees what those before it proposed
 * (figures, relationships and dates need the names that mentions and entities found). Today all are rule sets; a
 * new extractor, rules or a model, is registered here (or in a list given to the pipeline), not wired in.
 */
export const EXTRACTORS: readonly Extractor[] = [mentionExtractor, entityExtractor, figureExtractor, relationshipExtractor, dateExtractor];
