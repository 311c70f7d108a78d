/**
 * How large seed input may be. A seed file is read whole and every string of it is stored in the graph, so each is
 * bounded: a description or a quote may be longer than a name, and a source document's text far longer than either.
 */
export const SEED_LIMITS = {
  /** Characters in one string of a seed item, by field name; `default` for every field not listed. */
  fieldChars: { default: 1_000, description: 10_000, quote: 5_000, statement: 5_000, inference: 2_000, attribution: 2_000 } as Record<string, number>,
  /** Bytes of one source document's text in corpus/. */
  documentBytes: 5 * 1024 * 1024,
  /** Bytes of one seed JSON file. */
  fileBytes: 50 * 1024 * 1024,
} as const;

/** The most characters a string of the named field may hold. */
export function fieldCharLimit(field: string): number {
  return SEED_LIMITS.fieldChars[field] ?? SEED_LIMITS.fieldChars.default!;
}
