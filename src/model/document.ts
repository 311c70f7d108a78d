/**
 * What a Document node stores about its source besides the full text and the evidence lists: the seed format's
 * document entries and the API's document projection are both checked against this list.
 */
export const DOCUMENT_METADATA = [
  'id',
  'file',
  'title',
  'name',
  'kind',
  'published',
  'section',
  'dataPeriodFrom',
  'dataPeriodTo',
  'attribution',
  'publisher',
  'url',
  'retrieved',
  'language',
  'terms',
] as const;

export type DocumentMetadataKey = (typeof DOCUMENT_METADATA)[number];

/** The property holding a document's full text, which the API reads only when asked for. */
export const DOCUMENT_TEXT = 'text';
