// Validity at a date, shared by the API's queries and the exports, which both read facts 'as of' a partial date.
import { earliestDay, latestDay } from './partial-date';

/** The calendar-day interval a partial date covers, as the parameters asOfFilter reads. */
export function asOfParams(asOf: string | null | undefined): { asOfStart: string | null; asOfEnd: string | null } {
  if (!asOf) return { asOfStart: null, asOfEnd: null };
  return { asOfStart: earliestDay(asOf), asOfEnd: latestDay(asOf) };
}

/**
 * A predicate keeping relationship `r` when valid at $asOfStart..$asOfEnd (undated facts are kept); just `true` without
 * an asOf, since Cypher would otherwise read both dates of every relationship to discard the test. A statement testing
 * several dates names each pair's parameters with its own prefix.
 */
export function asOfFilter(r: string, asOf: string | null | undefined, paramPrefix = ''): string {
  const [start, end] = [`$${paramPrefix}asOfStart`, `$${paramPrefix}asOfEnd`];
  return asOf ? `((${r}.validFromDay IS NULL OR ${r}.validFromDay <= ${end}) AND (${r}.validToDay IS NULL OR ${r}.validToDay >= ${start}))` : 'true';
}
