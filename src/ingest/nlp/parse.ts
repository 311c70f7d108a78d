/**
 * A document as a syntactic parser reads it, in the ingester's own shape (not a parser's wire format), so that
 * extractors do not depend on which parser produced it. Offsets are into the document's text, end exclusive.
 */
export interface ParsedDocument {
  /** What produced it, for the draft and the report ("CoreNLP 4.5.10 at http://127.0.0.1:9010"). */
  parser: string;
  sentences: ParsedSentence[];
  /** Chains of mentions that refer to the same thing ("the Bank", "it"), each with its most complete mention first. */
  corefs: CorefMention[][];
}

export interface ParsedToken {
  /** Position in its sentence, from 1 (0 is the root of the dependency graph). */
  index: number;
  word: string;
  lemma: string;
  pos: string;
  /** The named-entity tag ("ORGANIZATION", "PERSON", "TITLE", "O"...). */
  ner: string;
  start: number;
  end: number;
}

/** An edge of the enhanced++ dependency graph: governor --dep--> dependent, as token indices of the sentence. */
export interface DependencyEdge {
  dep: string;
  governor: number;
  dependent: number;
}

/** A named entity the parser tagged, with its tokens (tokenStart inclusive, tokenEnd exclusive, 1-based). */
export interface ParsedEntity {
  type: string;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface ParsedSentence {
  start: number;
  end: number;
  tokens: ParsedToken[];
  edges: DependencyEdge[];
  entities: ParsedEntity[];
}

export interface CorefMention {
  /** The index of its sentence in `sentences`. */
  sentence: number;
  start: number;
  end: number;
  /** Token index of its head word in the sentence. */
  head: number;
  /** PROPER, NOMINAL, PRONOMINAL or LIST. */
  kind: string;
}

/** A parser behind the ingester: given a text (and its language), its sentences, tokens, dependencies and coreference. */
export interface Parser {
  readonly name: string;
  parse(text: string, language: string): Promise<ParsedDocument>;
}
