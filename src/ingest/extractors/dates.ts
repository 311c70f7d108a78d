import type { ClaimCandidate, Extractor, IngestDocument, Sentence } from './extractor';
import { located, ofKind } from './extractor';
import type { Gazetteer } from './gazetteer';
import { namedSpans, type NamedSpan } from './named-spans';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;

const day = (year: string, month: string, d: string) => `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;

/** An event's dates as a sentence states them, with the words that state them. */
export interface StatedDates {
  startDate: string;
  endDate: string;
  statedAs: string;
}

// "from 4 to 8 March 2019", "from 30 September to 2 October 2024", "on 5 May 2024", "March 4-8, 2019".
const PATTERNS: { regex: RegExp; dates: (m: RegExpExecArray) => [string, string] }[] = [
  { regex: new RegExp(`\\bfrom (\\d{1,2}) ${MONTH} to (\\d{1,2}) ${MONTH},? (\\d{4})`), dates: (m) => [day(m[5]!, m[2]!, m[1]!), day(m[5]!, m[4]!, m[3]!)] },
  { regex: new RegExp(`\\bfrom (\\d{1,2}) to (\\d{1,2}) ${MONTH},? (\\d{4})`), dates: (m) => [day(m[4]!, m[3]!, m[1]!), day(m[4]!, m[3]!, m[2]!)] },
  { regex: new RegExp(`\\b${MONTH} (\\d{1,2}) ?[-–] ?(\\d{1,2}),? (\\d{4})`), dates: (m) => [day(m[4]!, m[1]!, m[2]!), day(m[4]!, m[1]!, m[3]!)] },
  { regex: new RegExp(`\\bon (\\d{1,2}) ${MONTH},? (\\d{4})`), dates: (m) => [day(m[3]!, m[2]!, m[1]!), day(m[3]!, m[2]!, m[1]!)] },
];

/** The dates of an event a sentence states ("was held ... from 4 to 8 March 2019"), or null. */
export function statedDates(sentence: string): StatedDates | null {
  for (const { regex, dates } of PATTERNS) {
    const m = regex.exec(sentence);
    if (m) {
      const [startDate, endDate] = dates(m);
      return { startDate, endDate, statedAs: m[0] };
    }
  }
  return null;
}

/** The claim of one date, located at its sentence. */
function dateClaim(
  document: IngestDocument,
  sentence: Sentence,
  subject: string,
  property: 'startDate' | 'endDate',
  value: string,
  reason: string,
): ClaimCandidate {
  return {
    kind: 'claim',
    claim: { subject, property, value, evidence: [{ doc: document.id, quote: sentence.text }] },
    ...located(document, sentence.start, sentence.end, 0.7, reason),
  };
}

/**
 * An event's dates, from the sentences that state them about the first event they name: for a proposed event, its
 * dates (the resolve stage gives them to it); for a known one whose curated dates differ, competing claims, one per
 * property.
 */
export function findDates(document: IngestDocument, known: Gazetteer, spans: readonly NamedSpan[], proposed: ReadonlySet<string>): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  const knownById = new Map(known.entities.map((e) => [e.id, e]));
  for (const sentence of document.sentences) {
    const dates = statedDates(sentence.text);
    if (!dates) continue;
    const event = spans.filter((s) => s.type === 'Event' && s.start >= sentence.start && s.end <= sentence.end).sort((a, b) => a.start - b.start)[0];
    if (!event) continue;
    if (proposed.has(event.id)) {
      for (const property of ['startDate', 'endDate'] as const)
        claims.push(dateClaim(document, sentence, event.id, property, dates[property], `the text says "${dates.statedAs}" of the proposed event`));
      continue;
    }
    for (const property of ['startDate', 'endDate'] as const) {
      const curated = knownById.get(event.id)?.properties?.[property];
      if (curated !== undefined && curated !== dates[property] && !claims.some((c) => c.claim.subject === event.id && c.claim.property === property)) {
        claims.push(
          dateClaim(document, sentence, event.id, property, dates[property], `the text says "${dates.statedAs}"; the graph has ${property} ${curated}`),
        );
      }
    }
  }
  return claims;
}

/** Proposes the dates of the events a document names: a proposed event's own, competing claims for a known one's. */
export const dateExtractor: Extractor = {
  name: 'dates',
  kinds: ['claim'],
  extract: (document, { known, found }) => {
    const { spans } = namedSpans(document, known, found);
    const proposedEvents = new Set(
      ofKind(found, 'entity')
        .filter((c) => c.entity.type === 'Event')
        .map((c) => c.entity.id),
    );
    return findDates(document, known, spans, proposedEvents);
  },
};
