import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationship-types';
import type { SeedRelationship } from '../../seed/seed-schema';
import { located, type Extractor, type IngestDocument, type Located, type Sentence } from './extractor';
import { namedSpans, type NamedSpan } from './named-spans';

/** A proposed relationship: the seed entry, how sure and why, and the sentence that states it. */
interface Found extends Located {
  relationship: SeedRelationship;
}

// Sentences are matched as templates in which every named entity is a placeholder ⟨k⟩, so that one pattern covers
// every spelling of every name: "⟨0⟩ was organized by ⟨1⟩, ⟨2⟩ and ⟨3⟩."
const E = '⟨(\\d+)⟩';
const LIST = `((?:⟨\\d+⟩)(?:(?:,\\s*|,?\\s+and\\s+|\\s*&\\s*)(?:the\\s+)?⟨\\d+⟩)*)`;
const TITLE =
  '((?:(?:Deputy|Assistant|Vice|Executive|Senior|Chief|Acting|Former)[\\s-]+)*(?:Director(?:-General)?|Secretary(?:-General)?|President|Minister|Chair(?:man|woman|person)?|Head|Dean|Rector|CEO|Founder|Ambassador|Commissioner|Coordinator|Representative|Professor)(?:\\s+(?:for|of)\\s+[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*)*)?)';

interface Pattern {
  type: RelationshipType;
  regex: RegExp;
  /** From the match, the pairs (from, to) as placeholder numbers and the relationship's properties. */
  pairs: (m: RegExpExecArray, list: (text: string) => number[]) => { from: number; to: number; properties?: Record<string, string> }[];
  confidence: number;
  reason: string;
}

// "the week", "the initiative", "It was preceded by": the event or initiative the document is about, where a
// sentence does not name it.
const ANAPHORA: { pattern: RegExp; types: readonly string[]; insert?: string }[] = [
  {
    pattern:
      /\b[Tt]he (?:(?:closing|opening|ministerial|plenary|high-level|main) )?(?:week|conference|forum|event|summit|symposium|meeting|congress|session|ceremony|exhibition)\b(?!\s*⟨)/g,
    types: ['Event', 'EventSeries'],
  },
  { pattern: /\b[Tt]he (?:initiative|alliance|coalition|declaration)\b(?!\s*⟨)/g, types: ['Initiative'] },
  { pattern: /^It(?= was (?:preceded|held|organi[sz]ed|attended|opened|launched))/g, types: ['Event', 'EventSeries', 'Initiative'] },
  // Taking part, with no event named, is taking part in the event the document is about.
  { pattern: /(?<=\btook part)(?![^⟨]*⟨\d+⟩\s*(?:,|$|\.))(?=,?\s+(?:among them|including))/g, types: ['Event'], insert: ' in ' },
  // A speech whose sentence names no event was given at the event the document is about.
  { pattern: /(?<=\b(?:delivered|gave) a (?:keynote )?(?:speech|presentation))(?![^⟨]*⟨)/g, types: ['Event'], insert: ' at ' },
];

const each = (from: number[], to: number[], properties?: Record<string, string>) =>
  from.flatMap((f) => to.map((t) => ({ from: f, to: t, ...(properties ? { properties } : {}) })));
const n = (text: string | undefined) => Number(text);

const PATTERNS: Pattern[] = [
  {
    type: 'HOLDS_POST',
    regex: new RegExp(`${E},?\\s+(?:the\\s+)?${TITLE}\\s+(?:of|at)\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[3]), properties: { title: m[2]!.replace(/\s+/g, ' ') } }],
    confidence: 0.85,
    reason: '"<person>, <title> of <organization>"',
  },
  {
    type: 'HOLDS_POST',
    regex: new RegExp(`${E}(?:'s|’s)?\\s+${TITLE}\\s+${E}`, 'g'),
    pairs: (m) => [{ from: n(m[3]), to: n(m[1]), properties: { title: m[2]!.replace(/\s+/g, ' ') } }],
    confidence: 0.7,
    reason: '"<organization> <title> <person>"',
  },
  {
    type: 'ORGANIZED',
    regex: new RegExp(
      `${E}[^⟨.]{0,40}?\\b(?:was|were|is|are|has been|will be)\\s+(?:jointly\\s+|co-)?(?:organi[sz]ed|hosted|convened)\\s+by\\s+${LIST}(?:,?\\s+and\\s+(?:co-organi[sz]ed|co-hosted|supported)\\s+by\\s+${LIST})?`,
      'g',
    ),
    pairs: (m, list) => [...each(list(m[2]!), [n(m[1])]), ...(m[3] && /co-/.test(m[0]) ? each(list(m[3]), [n(m[1])], { role: 'co-organizer' }) : [])],
    confidence: 0.85,
    reason: '"<event> was organized by <organizers>"',
  },
  {
    type: 'ORGANIZED',
    regex: new RegExp(`${LIST}\\s+(?:jointly\\s+)?(?:organi[sz]ed|hosted|convened|co-organi[sz]ed)\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m, list) => each(list(m[1]!), [n(m[2])]),
    confidence: 0.8,
    reason: '"<organizers> organized <event>"',
  },
  {
    type: 'ORGANIZED',
    regex: new RegExp(`${E}\\s+is\\s+${E}(?:'s|’s)\\s+[^⟨.]{0,60}?\\b(?:conference|event|forum|summit|meeting|week)\\b`, 'g'),
    pairs: (m) => [{ from: n(m[2]), to: n(m[1]), properties: { role: 'flagship organizer' } }].filter(() => /flagship/.test(m[0])),
    confidence: 0.6,
    reason: '"<event> is <organization>\'s flagship conference"',
  },
  {
    type: 'ORGANIZED',
    regex: new RegExp(`${E}\\s+(?:jointly\\s+)?(?:organi[sz]ed|hosted|convened)\\s+${E}\\s+(?:together\\s+)?with\\s+(?:the\\s+)?${LIST}`, 'g'),
    pairs: (m, list) => each([n(m[1]), ...list(m[3]!)], [n(m[2])]),
    confidence: 0.8,
    reason: '"<organizer> organized <event> together with <organizers>"',
  },
  {
    type: 'PARTICIPATED_IN',
    regex: new RegExp(
      `${LIST}\\s+(?:also\\s+)?(?:participated|took part|was invited to participate|were invited to participate)\\s+in\\s+(?:the\\s+)?${E}(?:\\s+with\\s+(?:its\\s+[^⟨]{0,40})?${LIST})?`,
      'gi',
    ),
    pairs: (m, list) => [
      ...each(list(m[1]!), [n(m[2])], { role: /invited/i.test(m[0]) ? 'invited participant' : 'participant' }),
      ...(m[3] ? each(list(m[3]), [n(m[2])], { role: 'participant' }) : []),
    ],
    confidence: 0.8,
    reason: '"<actors> participated in <event> (with <actors>)"',
  },
  {
    type: 'PARTICIPATED_IN',
    regex: new RegExp(`${LIST}\\s+(?:also\\s+)?attended\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m, list) => each(list(m[1]!), [n(m[2])], { role: 'attendee' }),
    confidence: 0.8,
    reason: '"<actors> attended <event>"',
  },
  {
    type: 'PARTICIPATED_IN',
    regex: new RegExp(`took part in ${E},?\\s+(?:among them|including)\\s+(?:(?:the\\s+)?representatives\\s+(?:of|from)\\s+)?(?:the\\s+)?${LIST}`, 'g'),
    pairs: (m, list) => each(list(m[2]!), [n(m[1])], { role: /representatives/.test(m[0]) ? 'representative' : 'participant' }),
    confidence: 0.7,
    reason: '"... took part, among them representatives of <actors>"',
  },
  {
    type: 'PARTICIPATED_IN',
    regex: new RegExp(`${LIST}\\s+(?:presented|showcased|exhibited)\\b[^⟨.]{0,80}?\\bat\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m, list) => each(list(m[1]!), [n(m[2])], { role: 'exhibitor' }),
    confidence: 0.6,
    reason: '"<actors> presented ... at <event>"',
  },
  {
    type: 'SPOKE_AT',
    regex: new RegExp(`${E}[^⟨.]{0,20}?\\b(?:opened|closed|addressed)\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]), properties: { format: 'speech' } }],
    confidence: 0.6,
    reason: '"<speaker> opened <event>"',
  },
  {
    type: 'PARTICIPATED_IN',
    regex: new RegExp(`${E}\\s+brings together\\s+[^⟨]{0,80}?including\\s+(?:representatives\\s+(?:from|of)\\s+)?${LIST}`, 'g'),
    pairs: (m, list) => each(list(m[2]!), [n(m[1])], { role: 'representative' }),
    confidence: 0.7,
    reason: '"<event> brings together ..., including <actors>"',
  },
  {
    type: 'SPOKE_AT',
    // Matched with appositions left out: "⟨a⟩, Director-General of ⟨b⟩ delivered a speech" is ⟨a⟩ speaking.
    regex: new RegExp(
      `${E}[^⟨.]{0,40}?\\b(?:delivered|gave|made)\\s+(?:a\\s+|the\\s+)?(?:keynote\\s+)?(speech|presentation|address)\\b[^⟨.]{0,60}?\\b(?:at|in|to)\\s+(?:the\\s+)?${E}`,
      'g',
    ),
    pairs: (m) => [{ from: n(m[1]), to: n(m[3]), properties: { format: m[2] === 'presentation' ? 'presentation' : 'speech' } }],
    confidence: 0.75,
    reason: '"<speaker> delivered a speech at <event>"',
  },
  {
    type: 'SPOKE_AT',
    regex: new RegExp(`${E}\\s+(?:spoke|presented)\\s+at\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]), properties: { format: /presented/.test(m[0]) ? 'presentation' : 'speech' } }],
    confidence: 0.75,
    reason: '"<speaker> spoke at <event>"',
  },
  {
    type: 'PARTNER_OF',
    regex: new RegExp(`${E}[^⟨.]{0,80}?\\bits\\s+((?:[\\w-]+\\s+){0,3})partners?\\s*[-—–:,]?\\s*${LIST}`, 'g'),
    pairs: (m, list) => each([n(m[1])], list(m[3]!), { kind: `${m[2]!.trim() ? `${m[2]!.trim()} ` : ''}partner` }),
    confidence: 0.75,
    reason: '"<organization> ... its <kind> partners <organizations>"',
  },
  {
    type: 'UNDER_AUSPICES_OF',
    regex: new RegExp(`${E}\\s*[,(]?\\s*(?:\\w+\\s+){0,6}?under the auspices of\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]) }],
    confidence: 0.85,
    reason: '"<organization> under the auspices of <organization>"',
  },
  {
    type: 'HELD_IN',
    // The event may be named well before "held" ("⟨MLW⟩ is ⟨UNESCO⟩'s flagship conference which was held at ⟨HQ⟩").
    regex: new RegExp(`${E}[^.]{0,120}?\\b(?:was|is|will be|were)\\s+(?:\\w+\\s+)?held\\s+(?:\\w+\\s+)?(?:at|in)\\s+(?:the\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]) }],
    confidence: 0.8,
    reason: '"<event> was held at <place>"',
  },
  {
    type: 'HELD_IN',
    regex: new RegExp(`${E}\\s+(?:(?:was|is)\\s+)?(?:took place|closed|opened|in)\\s+(?:in\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]) }],
    confidence: 0.6,
    reason: '"<event> (took place) in <place>"',
  },
  {
    type: 'LOCATED_IN',
    regex: new RegExp(`${E}\\s+in\\s+${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]) }],
    confidence: 0.6,
    reason: '"<place> in <place>"',
  },
  {
    type: 'PRECEDED_BY',
    regex: new RegExp(`${E}[^⟨.]{0,60}?\\bwas preceded by\\s+[‘'"“]?(?:the\\s+)?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[1]), to: n(m[2]) }],
    confidence: 0.8,
    reason: '"<event> was preceded by <event>"',
  },
  {
    type: 'INITIATED',
    regex: new RegExp(`${E}[^⟨.]{0,60}?\\b(?:was|were|has been)\\s+(?:jointly\\s+)?(?:initiated|launched|started)\\s+by\\s+${LIST}`, 'g'),
    pairs: (m, list) => each(list(m[2]!), [n(m[1])], /jointly/.test(m[0]) ? { jointly: 'yes' } : undefined),
    confidence: 0.8,
    reason: '"<initiative> was initiated by <actors>"',
  },
  {
    type: 'PART_OF',
    regex: new RegExp(`${E}\\s+(?:includes|included|comprises|consists of)\\s+[^.]*?${E}`, 'g'),
    pairs: (m) => [{ from: n(m[2]), to: n(m[1]) }],
    confidence: 0.6,
    reason: '"<event> includes <event>"',
  },
];

const allows = (type: RelationshipType, from: string, to: string) =>
  (RELATIONSHIP_TYPES[type].from as readonly string[]).includes(from) && (RELATIONSHIP_TYPES[type].to as readonly string[]).includes(to);

/** The relationships found so far, one per type and ends: the first statement of a fact is kept. */
class Facts {
  readonly found = new Map<string, Found>();

  constructor(private readonly document: IngestDocument) {}

  add(type: RelationshipType, from: NamedSpan, to: NamedSpan, where: { start: number; end: number; quote: string }, how: Omit<Fact, 'from' | 'to'>): void {
    if (from.id === to.id || !allows(type, from.type, to.type)) return;
    const key = `${type}|${from.id}|${to.id}`;
    if (this.found.has(key)) return;
    const { confidence, reason, properties = {}, inferred } = how;
    this.found.set(key, {
      relationship: {
        type,
        from: from.id,
        to: to.id,
        properties,
        evidence: [{ doc: this.document.id, quote: where.quote }],
        ...(inferred ? { inferred: `Inferred: ${inferred}.` } : {}),
      },
      ...located(this.document, where.start, where.end, confidence, reason),
    });
  }
}

/** How a pattern read a pair: how sure, why, its properties, and what was inferred. */
interface Fact {
  from: number;
  to: number;
  confidence: number;
  reason: string;
  properties?: Record<string, string>;
  inferred?: string;
}

/** A sentence as a template: each named entity a placeholder ⟨k⟩ for `ends[k]`; `readAs` the phrases read as the document's main entity. */
interface Template {
  template: string;
  /** The template with appositions left out ("⟨a⟩, Director of ⟨b⟩ was invited" is ⟨a⟩ was invited). */
  reduced: string;
  ends: NamedSpan[];
  readAs: Map<number, string>;
}

/** The document's main entity of some kinds: the one of them it names most often. */
function mainOf(spans: readonly NamedSpan[], types: readonly string[]): NamedSpan | undefined {
  const counts = new Map<string, number>();
  for (const span of spans) if (types.includes(span.type)) counts.set(span.id, (counts.get(span.id) ?? 0) + 1);
  const id = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return spans.find((s) => s.id === id);
}

/** A sentence as a template of the names inside it; null when it names nothing. */
function templateOf(text: string, sentence: Sentence, spans: readonly NamedSpan[]): Template | null {
  const inside = spans.filter((s) => s.start >= sentence.start && s.end <= sentence.end).sort((a, b) => a.start - b.start);
  if (inside.length < 1) return null;
  let template = '';
  let at = sentence.start;
  inside.forEach((span, k) => {
    if (span.start < at) return;
    template += text.slice(at, span.start) + `⟨${k}⟩`;
    at = span.end;
  });
  template += text.slice(at, sentence.end);
  // A sentence that says "the week" without naming an event means the document's main event: an inference.
  const ends = [...inside];
  const readAs = new Map<number, string>();
  for (const { pattern, types, insert } of ANAPHORA) {
    const main = mainOf(spans, types);
    if (!main || inside.some((span) => span.id === main.id)) continue;
    template = template.replace(pattern, (phrase) => {
      readAs.set(ends.length, phrase || 'no event for the speech');
      ends.push(main);
      return `${insert ?? ''}⟨${ends.length - 1}⟩`;
    });
  }
  // "⟨a⟩, Director of ⟨b⟩ was invited": after its post is read, the apposition is left out, so that ⟨a⟩ is the subject.
  const reduced = template.replace(new RegExp(`(⟨\\d+⟩),\\s+(?:the\\s+)?${TITLE}\\s+(?:of|at)\\s+(?:the\\s+)?⟨\\d+⟩,?`, 'g'), '$1');
  return { template, reduced, ends, readAs };
}

/** The facts the patterns read in a sentence's template, an inferred end said so, with less confidence. */
function readFacts(facts: Facts, sentence: Sentence, { template, reduced, ends, readAs }: Template, names: ReadonlyMap<string, string>): void {
  const list = (part: string) => [...part.matchAll(/⟨(\d+)⟩/g)].map((m) => Number(m[1]));
  const where = { start: sentence.start, end: sentence.end, quote: sentence.text };
  for (const pattern of PATTERNS) {
    for (const m of (pattern.type === 'HOLDS_POST' ? template : reduced).matchAll(pattern.regex)) {
      for (const pair of pattern.pairs(m as RegExpExecArray, list)) {
        const from = ends[pair.from];
        const to = ends[pair.to];
        const phrase = readAs.get(pair.from) ?? readAs.get(pair.to);
        const meant = readAs.has(pair.from) ? from : to;
        const says = phrase?.startsWith('no event') ? `the sentence names ${phrase}` : `the sentence says "${phrase}"`;
        const inferred = phrase && meant ? `${says}, read as ${names.get(meant.id) ?? meant.id}, which the document is about` : undefined;
        const confidence = inferred ? pattern.confidence - 0.15 : pattern.confidence;
        if (from && to) facts.add(pattern.type, from, to, where, { confidence, reason: pattern.reason, properties: pair.properties, inferred });
      }
    }
  }
}

/** Editions by name: "2019 Mobile Learning Week" is an edition of "Mobile Learning Week" when both are named. */
function readEditions(facts: Facts, document: IngestDocument, spans: readonly NamedSpan[], names: ReadonlyMap<string, string>): void {
  const events = [...new Map(spans.filter((s) => s.type === 'Event' || s.type === 'EventSeries').map((s) => [s.id, s])).values()];
  for (const edition of events) {
    const name = names.get(edition.id) ?? '';
    const year = /^(\d{4})\s+(.+)$/.exec(name) ?? /^(.+?)\s+(\d{4})$/.exec(name);
    if (!year) continue;
    const seriesName = /^\d{4}$/.test(year[1]!) ? year[2]! : year[1]!;
    const series = events.find((e) => e.id !== edition.id && (names.get(e.id) ?? '').toLowerCase() === seriesName.toLowerCase());
    if (!series) continue;
    const sentence = document.sentences.find((s) => s.start <= edition.start && edition.end <= s.end);
    const where = sentence ? { start: sentence.start, end: sentence.end, quote: sentence.text } : { start: edition.start, end: edition.end, quote: name };
    facts.add('EDITION_OF', edition, series, where, {
      confidence: 0.7,
      reason: "the edition's name is the series' with its year",
      properties: { year: /^\d{4}$/.test(year[1]!) ? year[1]! : year[2]! },
    });
  }
}

/**
 * Proposes the relationships a text states, sentence by sentence, from patterns of the model's relationship types
 * (a post, organized or hosted by, took part, spoke at, partner of, under the auspices of, held in, part of, ...);
 * a pair whose kinds the model does not allow for the type is dropped. `spans` are the names found in the text,
 * `names` the entities' names by id.
 */
export function findRelationships(document: IngestDocument, spans: readonly NamedSpan[], names: ReadonlyMap<string, string>): Found[] {
  const facts = new Facts(document);
  for (const sentence of document.sentences) {
    const template = templateOf(document.text, sentence, spans);
    if (template) readFacts(facts, sentence, template, names);
  }
  readEditions(facts, document, spans, names);
  return [...facts.found.values()];
}

/** Proposes the relationships a document states between the entities named in it, known or proposed before. */
export const relationshipExtractor: Extractor = {
  name: 'relationships',
  kinds: ['relationship'],
  extract: (document, { known, found }) => {
    const { spans, names } = namedSpans(document, known, found);
    return findRelationships(document, spans, names).map((c) => ({ kind: 'relationship' as const, ...c }));
  },
};
