import type { SeedClaim, SeedEntity, SeedFigure, SeedRelationship } from '../../seed/seed-schema';
import type { HanlpAnnotation } from '../nlp/hanlp';
import type { ParsedDocument } from '../nlp/parse';
import type { TaggedWord } from '../nlp/tagger';
import type { Gazetteer } from './gazetteer';

/** A sentence of a document: its offsets in the text (end exclusive), its text and its tagged words. */
export interface Sentence {
  start: number;
  end: number;
  /** The sentence on one line (a line break inside a paragraph read as a space), as quotes give it. */
  text: string;
  /** Its words with their part-of-speech tags and offsets in the document's text. */
  words: readonly TaggedWord[];
}

/** A region of the document's layout (a headline, a caption, page furniture...) located in its text. */
export interface LayoutRegion {
  kind: string;
  start: number;
  end: number;
}

/** What every extractor reads: the document's text, its layout, its sentences; furniture is where nothing is proposed. */
export interface IngestDocument {
  id: string;
  text: string;
  layout: readonly LayoutRegion[];
  /** The layout regions that are page furniture (navigation, share buttons, related links). */
  furniture: readonly LayoutRegion[];
  sentences: readonly Sentence[];
  /** Its language tag ("en", "zh"...), as the source gives it or as its script says. */
  language: string;
  /** The document as a parser read it (CoreNLP's sentences, dependencies, coreference), when one was asked to. */
  parse?: ParsedDocument;
  /** HanLP's words and names, attached by the annotate stage to a document in Chinese. */
  hanlp?: HanlpAnnotation;
}

/** What a candidate of any kind carries: where it is in the text, how sure the extractor is, and why. */
export interface Located {
  /** Offsets in the document's text (end exclusive). */
  start: number;
  end: number;
  /** The text at those offsets, `text.slice(start, end)`. */
  quote: string;
  /** From 0 to 1. */
  confidence: number;
  /** Why it is proposed, in words a reviewer reads. */
  reason: string;
}

/** How a mention matched: the spelling as written, the same words with other case or accents, or one typo away. */
export type MatchKind = 'exact' | 'folded' | 'typo';

/** A proposed link from a passage of the text to a known entity (or, when ambiguous, to several candidates). */
export interface Mention {
  /** The entity meant, or null when the words name more than one (see candidates). */
  entity: string | null;
  candidates?: string[];
  /** The words as the text writes them. */
  surface: string;
  /** The spelling of the graph they matched. */
  spelling: string;
  match: MatchKind;
  confidence: number;
  /** Offsets of the words in the stored text (end exclusive). */
  start: number;
  end: number;
  /** The sentence that holds them, the quote a reviewer reads and the evidence an accepted mention gives. */
  quote: string;
  quoteStart: number;
  status: 'proposed';
}

/** A passage that names a known entity (or, ambiguous, several). */
export interface MentionCandidate extends Located {
  kind: 'mention';
  mention: Mention;
}

/** A new entity the graph does not know, located at its first mention. */
export interface EntityCandidate extends Located {
  kind: 'entity';
  entity: SeedEntity;
}

/** A relationship the text states, located at its sentence. */
export interface RelationshipCandidate extends Located {
  kind: 'relationship';
  relationship: SeedRelationship;
}

/** A figure the text states, located at its words ("more than 1,000 participants"). */
export interface FigureCandidate extends Located {
  kind: 'figure';
  figure: SeedFigure;
}

/** A value the text gives for an entity's property, located at its sentence: a competing claim for a known entity. */
export interface ClaimCandidate extends Located {
  kind: 'claim';
  claim: SeedClaim;
}

export type Candidate = MentionCandidate | EntityCandidate | RelationshipCandidate | FigureCandidate | ClaimCandidate;
export type CandidateKind = Candidate['kind'];
export type CandidateOf<K extends CandidateKind> = Extract<Candidate, { kind: K }>;

/** What an extractor knows besides the document: the graph's entities, and what the extractors before it proposed. */
export interface ExtractionContext {
  known: Gazetteer;
  /** The candidates of the extractors that ran before this one, in their order. */
  found: readonly Candidate[];
}

/**
 * One way of finding candidates in a document: a rule set today, a statistical model tomorrow. It declares the kinds
 * it proposes, and returns them from the document and the context only (no file, no clock), the same every time.
 */
export interface Extractor {
  /** A short name, for reports and tests ("entities", "figures"). */
  readonly name: string;
  readonly kinds: readonly CandidateKind[];
  extract(document: IngestDocument, context: ExtractionContext): Candidate[];
}

/** Whether an offset lies in page furniture, where nothing is proposed. */
export function inFurniture(document: IngestDocument, at: number): boolean {
  return document.furniture.some((r) => at >= r.start && at < r.end);
}

/** The offsets, quote, confidence and reason of a candidate found at `start`..`end` of the document. */
export function located(document: IngestDocument, start: number, end: number, confidence: number, reason: string): Located {
  return { start, end, quote: document.text.slice(start, end), confidence, reason };
}

/** The candidates of one kind among those found. */
export function ofKind<K extends CandidateKind>(candidates: readonly Candidate[], kind: K): CandidateOf<K>[] {
  return candidates.filter((c): c is CandidateOf<K> => c.kind === kind);
}
