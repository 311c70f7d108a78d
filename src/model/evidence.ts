/**
 * Where in its document a quote stands, so that a reader can weigh it: a headline or a caption says less, and says it
 * differently, than the body text. A quote outside every marked region stands in the body.
 */
export const EVIDENCE_POSITIONS = ['masthead', 'headline', 'dateline', 'heading', 'body', 'caption', 'table', 'list', 'note'] as const;

export type EvidencePosition = (typeof EVIDENCE_POSITIONS)[number];

/** What a position is, in words: the API's EvidencePosition enum carries these descriptions (checked by model-docs.test.ts). */
export const EVIDENCE_POSITION_DESCRIPTIONS: Record<EvidencePosition, string> = {
  masthead: "the publisher's name and tagline above the article",
  headline: "the article's title",
  dateline: 'the publication date (and time or section) under the title',
  heading: 'a section heading inside the article',
  body: 'the running text of the article',
  caption: 'a photo or figure caption',
  table: 'a table cell or row (copies of web tables lose their column breaks)',
  list: 'an item of a numbered or bulleted list',
  note: "the article's own note on its data or sources",
};

/** Page furniture: text of a web page that is not knowledge (a quote from it is refused). */
export const FURNITURE_KINDS = ['site header', 'share button', 'navigation', 'related link', 'newsletter', 'test string', 'footer'] as const;

export type FurnitureKind = (typeof FURNITURE_KINDS)[number];

/** The parallel lists on a node or relationship that hold its evidence, one entry per item (Neo4j has no maps). */
export const EVIDENCE_PROPERTIES = {
  docs: 'evidenceDocs',
  quotes: 'evidenceQuotes',
  positions: 'evidencePositions',
  starts: 'evidenceStarts',
  ends: 'evidenceEnds',
} as const;

/** The lists on a Figure that hold the quotes qualifying it without stating it (a table's header, the article's note). */
export const FIGURE_CONTEXT_PROPERTIES = {
  docs: 'contextDocs',
  quotes: 'contextQuotes',
  positions: 'contextPositions',
  starts: 'contextStarts',
  ends: 'contextEnds',
} as const;
