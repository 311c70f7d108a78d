import type { EvidencePosition } from './evidence';
import { partialDateInWords } from './partial-date';

/** What a citation needs of a document (the stored Document properties of the same names). */
export interface CitableDocument {
  title: string;
  publisher?: string | null;
  published?: string | null;
  url?: string | null;
  retrieved?: string | null;
  file?: string | null;
}

/** Where a quote stands, when known. */
export interface QuotePlace {
  position?: EvidencePosition | null;
  start?: number | null;
  end?: number | null;
}

/**
 * A document, or a quote in it, as one line a reader can cite: publisher, title, publication date, address (or that
 * none was recorded), when the copy was taken, and where the quote stands.
 */
export function formatCitation(doc: CitableDocument, quote?: QuotePlace): string {
  const parts = [
    doc.publisher ? `${doc.publisher}.` : undefined,
    `"${doc.title}".`,
    doc.published ? `${partialDateInWords(doc.published)}.` : undefined,
    doc.url ? `${doc.url}.` : 'Source URL not recorded.',
    doc.retrieved ? `Copy retrieved ${partialDateInWords(doc.retrieved)}${doc.file ? ` (${doc.file})` : ''}.` : undefined,
  ];
  if (quote?.position) {
    const range = quote.start != null && quote.end != null ? `, characters ${quote.start}-${quote.end}` : '';
    parts.push(`Quoted from the ${quote.position}${range}.`);
  }
  return parts.filter((part) => part !== undefined).join(' ');
}
