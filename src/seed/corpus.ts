import type { SeedFurniture } from './seed-schema';

interface Span {
  start: number;
  end: number;
  kind: string;
}

/** Collapses runs of whitespace so that a quote may wrap lines or lose a doubled space and still match. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A source document's text with its page furniture marked, for checking quotes against it. */
export class CorpusDocument {
  readonly normalized: string;
  private readonly furniture: Span[] = [];

  constructor(
    readonly id: string,
    readonly text: string,
  ) {
    this.normalized = normalizeWhitespace(text);
  }

  /** Marks a furniture span; returns a problem message when its text is not in the document. */
  addFurniture(item: SeedFurniture): string | undefined {
    const start = this.normalized.indexOf(normalizeWhitespace(item.text));
    if (start < 0) return `furniture text "${item.text}" does not occur in ${this.id}`;
    let end = start + normalizeWhitespace(item.text).length;
    if (item.until) {
      const untilAt = this.normalized.indexOf(normalizeWhitespace(item.until), end);
      if (untilAt < 0) return `furniture end marker "${item.until}" does not occur after "${item.text}" in ${this.id}`;
      end = untilAt + normalizeWhitespace(item.until).length;
    }
    this.furniture.push({ start, end, kind: item.kind });
    return undefined;
  }

  /**
   * Why a quote cannot serve as evidence from this document, or undefined when it can: it must occur verbatim
   * (whitespace aside) at least once outside page furniture.
   */
  quoteProblem(quote: string): string | undefined {
    const needle = normalizeWhitespace(quote);
    if (needle.length === 0) return 'quote is empty';
    let from = 0;
    let furnitureKind: string | undefined;
    for (;;) {
      const at = this.normalized.indexOf(needle, from);
      if (at < 0) break;
      const inside = this.furniture.find((span) => at >= span.start && at + needle.length <= span.end);
      if (!inside) return undefined;
      furnitureKind = inside.kind;
      from = at + 1;
    }
    if (furnitureKind) return `quote comes only from page furniture (${furnitureKind}) of ${this.id}, which is not knowledge`;
    return `quote does not occur in ${this.id}: "${quote.length > 80 ? `${quote.slice(0, 77)}...` : quote}"`;
  }
}
