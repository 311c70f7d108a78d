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
 * The rule extractors, in the order they run: each sees what those before it proposed (figures and relationships
 * need the names that mentions and entities found). A new extractor is added to a list like this one, not wired in.
 */
export const RULE_EXTRACTORS: readonly Extractor[] = [mentionExtractor, entityExtractor, figureExtractor, relationshipExtractor, dateExtractor];
