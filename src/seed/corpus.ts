import type { EvidencePosition } from '../model/evidence';
import { FURNITURE_KINDS, type FurnitureKind } from '../model/evidence';
import type { SeedLayout } from './seed-schema';

interface Span {
  start: number;
  end: number;
  kind: FurnitureKind | EvidencePosition;
}

/** Where a quote stands: offsets into the stored text (end exclusive) and the region it starts in. */
export interface QuoteLocation {
  start: number;
  end: number;
  position: EvidencePosition;
}

/** Collapses runs of whitespace so that a quote may wrap lines or lose a doubled space and still match. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const isFurniture = (kind: string): kind is FurnitureKind => (FURNITURE_KINDS as readonly string[]).includes(kind);

/**
 * A source document's text with its layout marked (page furniture, and the regions that give a quote its position),
 * for checking quotes against it and locating them in the stored text.
 */
export class CorpusDocument {
  readonly normalized: string;
  /** For each character of the normalized text, its index in the stored text. */
  private readonly rawIndex: number[] = [];
  private readonly spans: Span[] = [];

  constructor(
    readonly id: string,
    readonly text: string,
  ) {
    let normalized = '';
    let pendingSpace = false;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i]!)) {
        pendingSpace = normalized.length > 0;
        continue;
      }
      if (pendingSpace) {
        normalized += ' ';
        this.rawIndex.push(i - 1);
        pendingSpace = false;
      }
      normalized += text[i];
      this.rawIndex.push(i);
    }
    this.normalized = normalized;
  }

  /** The start of every occurrence of a text in the normalized document, in order. */
  private occurrences(needle: string): number[] {
    const found: number[] = [];
    for (let at = this.normalized.indexOf(needle); at >= 0; at = this.normalized.indexOf(needle, at + 1)) found.push(at);
    return found;
  }

  /** Marks a layout region; returns a problem message when its text is not in the document. */
  addLayout(item: SeedLayout): string | undefined {
    const text = normalizeWhitespace(item.text);
    const all = this.occurrences(text);
    if (all.length === 0) return `layout text "${item.text}" does not occur in ${this.id}`;
    const occurrence = item.occurrence ?? 1;
    if (occurrence > all.length) return `layout text "${item.text}" occurs ${all.length} time(s) in ${this.id}, not ${occurrence}`;
    const start = all[occurrence - 1]!;
    let end = start + text.length;
    if (item.until) {
      const untilAt = this.normalized.indexOf(normalizeWhitespace(item.until), end);
      if (untilAt < 0) return `layout end marker "${item.until}" does not occur after "${item.text}" in ${this.id}`;
      end = untilAt + normalizeWhitespace(item.until).length;
    }
    const overlap = this.spans.find((span) => start < span.end && span.start < end);
    if (overlap) return `layout region "${item.text}" (${item.kind}) overlaps another region (${overlap.kind}) of ${this.id}`;
    this.spans.push({ start, end, kind: item.kind });
    return undefined;
  }

  /**
   * Where a quote stands in the stored text, or why it cannot serve as evidence: it must occur verbatim (whitespace
   * aside) outside page furniture, and when it occurs more than once, `occurrence` (1-based, in text order) says which.
   */
  locate(quote: string, occurrence?: number): QuoteLocation | { problem: string } {
    const needle = normalizeWhitespace(quote);
    if (needle.length === 0) return { problem: 'quote is empty' };
    const all = this.occurrences(needle);
    const short = quote.length > 80 ? `${quote.slice(0, 77)}...` : quote;
    if (all.length === 0) return { problem: `quote does not occur in ${this.id}: "${short}"` };
    const regionAt = (at: number) => this.spans.find((span) => at >= span.start && at < span.end);
    const describe = (at: number) => `character ${this.rawIndex[at]} (${regionAt(at)?.kind ?? 'body'})`;
    if (occurrence !== undefined && occurrence > all.length) {
      return { problem: `"occurrence": ${occurrence}, but the quote occurs ${all.length} time(s) in ${this.id}` };
    }
    const knowledge = all.filter((at) => !isFurniture(regionAt(at)?.kind ?? 'body'));
    if (occurrence === undefined && knowledge.length === 0) {
      return { problem: `quote comes only from page furniture (${regionAt(all[0]!)!.kind}) of ${this.id}, which is not knowledge` };
    }
    if (occurrence === undefined && all.length > 1) {
      return {
        problem: `quote occurs ${all.length} times in ${this.id} (at ${all.map(describe).join(', ')}); say which with "occurrence": 1 to ${all.length}`,
      };
    }
    const at = all[(occurrence ?? 1) - 1]!;
    const kind = regionAt(at)?.kind ?? 'body';
    if (isFurniture(kind)) return { problem: `occurrence ${occurrence ?? 1} of the quote is page furniture (${kind}) of ${this.id}, which is not knowledge` };
    return { start: this.rawIndex[at]!, end: this.rawIndex[at + needle.length - 1]! + 1, position: kind };
  }

  /** The marked regions in text order, with offsets in the stored text (end exclusive). */
  regions(): { kind: Span['kind']; start: number; end: number }[] {
    return [...this.spans]
      .sort((a, b) => a.start - b.start)
      .map((span) => ({ kind: span.kind, start: this.rawIndex[span.start]!, end: this.rawIndex[span.end - 1]! + 1 }));
  }

  /** Why a quote cannot serve as evidence from this document, or undefined when it can. */
  quoteProblem(quote: string, occurrence?: number): string | undefined {
    const located = this.locate(quote, occurrence);
    return 'problem' in located ? located.problem : undefined;
  }
}
