import type { SeedFigure } from '../../seed/seed-schema';
import { taggedWords } from '../nlp/tagger';
import { slug as toSlug } from '../slug';
import { inFurniture, located, ofKind, type Extractor, type IngestDocument, type Sentence } from './extractor';

/** A proposed figure: the seed entry, how sure, and where its words are. */
interface Found {
  figure: SeedFigure;
  confidence: number;
  start: number;
  end: number;
}

const SPELLED: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const QUALIFIERS: Record<string, SeedFigure['qualifier']> = {
  'more than': 'more than',
  over: 'more than',
  'upwards of': 'more than',
  'at least': 'at least',
  nearly: 'approximately',
  almost: 'approximately',
  about: 'approximately',
  around: 'approximately',
  approximately: 'approximately',
  some: 'approximately',
  'less than': 'less than',
  'fewer than': 'less than',
  under: 'less than',
  'up to': 'at most',
  within: 'at most',
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
// Words that end a unit: what follows a counted noun rather than naming it.
const UNIT_STOP =
  /^(from|in|of|at|on|to|for|and|or|by|with|who|which|that|the|a|an|is|are|was|were|have|has|had|will|would|attended|took|joined|across|around|per|each|than)$/i;

const FIGURE = new RegExp(
  String.raw`(?<qualifier>\b(?:more than|upwards of|at least|fewer than|less than|up to|nearly|almost|about|around|approximately|some|over|under|within)\s+)?` +
    String.raw`(?<currency>US\$|USD\s?|\$|€|£)?` +
    String.raw`(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:${Object.keys(SPELLED).join('|')})\b)` +
    String.raw`(?:\s?(?<scale>thousand|million|billion|trillion)\b)?` +
    String.raw`(?<percent>\s?%|\s?percent\b|\s?per cent\b)?`,
  'gi',
);

const ADJECTIVE_ENDING = /^(new|major|more|other|such|several|main|top|key)$/i;

const slug = (text: string) => toSlug(text, { maxLength: 50 });

/** The number a figure's match states, with the text around it in its sentence. */
interface Reading {
  value: number;
  /** A table cell that lost its border ("network38 countries"): its unit is its column's header. */
  tableCell: boolean;
  /** A unit glued to the number ("100Mbps"). */
  gluedUnit: string | undefined;
  before: string;
  rest: string;
}

/** The number a match states, or null when it is a year, a date, part of a name, a range's bound or an ordinal. */
function numberAt(sentence: string, m: RegExpMatchArray): Reading | null {
  const groups = m.groups!;
  const numberText = groups.number!;
  const spelled = SPELLED[numberText.toLowerCase()];
  let value = spelled ?? Number(numberText.replace(/,/g, ''));
  const before = sentence.slice(0, m.index);
  const rest = sentence.slice(m.index! + m[0].length);
  // Years, dates and times are not figures; nor a number glued to letters (5G, COVID-19) or a table's ordinal.
  if (!spelled && /^\d{4}$/.test(numberText) && value >= 1900 && value <= 2100 && !groups.scale && !groups.percent) return null;
  if (new RegExp(`^\\s*(${MONTHS})\\b`).test(rest) || new RegExp(`\\b(${MONTHS})\\s*$`).test(before)) return null;
  // Glued to a capital or a sign ("G20", "COVID-19") the number is part of a name; glued to a lower-case word it is a
  // table cell that lost its border ("network38 countries"), and so is a number glued to a capital after it.
  if (/[A-Z\-+:]$/.test(before) || /^:\d/.test(rest)) return null;
  const tableCell = /[a-z]$/.test(before) && /^[A-Z]/.test(rest);
  const gluedUnit = /^(Mbps|Gbps|kbps|km|kg|GB|MB|TB|GW|MW|kWh)\b/.exec(rest)?.[1];
  if (/^[A-Za-z]/.test(rest) && !tableCell && !gluedUnit && !groups.scale && !groups.percent) return null;
  if (/\bunits? of\s*$/i.test(before)) return null;
  if (/^\s*(to|-|–)\s*\d/.test(rest) || /^[-–]/.test(rest)) return null;
  if (/\b(category|level|grade|phase|No\.?|number|page|article|section)\s*$/i.test(before)) return null;
  if (groups.scale) value *= SCALES[groups.scale.toLowerCase()]!;
  return { value, tableCell, gluedUnit, before, rest };
}

/** What is counted: the nouns (and their adjectives) after the number, as the tagger reads them, up to five words. */
function unitWordsOf({ rest, gluedUnit, tableCell }: Reading): string[] {
  const unitWords: string[] = [];
  if (gluedUnit) unitWords.push(gluedUnit);
  if (gluedUnit || tableCell) return unitWords;
  const tagged = taggedWords(rest.trimStart().slice(0, 80));
  for (const [k, word] of tagged.entries()) {
    const next = tagged[k + 1];
    const naming =
      ['NOUN', 'PROPN', 'ADJ'].includes(word.pos) ||
      word.text === '-' ||
      // The tagger sometimes reads an adjective before a noun ("new digital talents") as an adverb.
      (word.pos === 'ADV' && k === 0 && next !== undefined && ['ADJ', 'NOUN'].includes(next.pos));
    if (!naming || UNIT_STOP.test(word.text) || /^\d/.test(word.text)) break;
    unitWords.push(word.text);
    if (unitWords.filter((w) => w !== '-').length >= 5) break;
  }
  while (unitWords.length > 0 && (unitWords.at(-1) === '-' || ADJECTIVE_ENDING.test(unitWords.at(-1)!))) unitWords.pop();
  return unitWords;
}

/** A table cell's unit: its column's header, e.g. "Discussion volume (10,000)" or "(in units of 10,000)", in the text before it. */
function headerUnit(textBefore: string): string | undefined {
  const headers = [...textBefore.matchAll(/([A-Z][a-z]+(?: [a-z]+)*)? ?\((?:in )?(?:units? of )?([\d,]+)\)/g)];
  return headers.length > 0 ? `${headers.at(-1)![1] ? `${headers.at(-1)![1].toLowerCase()}, ` : ''}units of ${headers.at(-1)![2]}` : undefined;
}

/** The figure a match states without its subject and id: unit, metric, qualifier, the words that state it; null without a unit. */
function statedFigure(m: RegExpMatchArray, reading: Reading, contextBefore: () => string): Omit<SeedFigure, 'id' | 'subject' | 'evidence'> | null {
  const groups = m.groups!;
  const unitWords = unitWordsOf(reading);
  const header = reading.tableCell ? headerUnit(`${contextBefore()} ${reading.before}`) : undefined;
  if (reading.tableCell && !header) return null;
  const percent = Boolean(groups.percent);
  const unit = percent
    ? 'percent'
    : groups.currency
      ? groups.currency.replace(/\s/g, '').replace('$', 'US$').replace('USUS$', 'US$')
      : (header ?? unitWords.join(' ').replace(/ - /g, '-'));
  if (!unit) return null;
  const { rest } = reading;
  const statedAs = (
    m[0] + (percent || groups.currency || reading.tableCell ? '' : rest.slice(0, rest.indexOf(unitWords.at(-1) ?? '') + (unitWords.at(-1)?.length ?? 0)))
  ).trim();
  return {
    metric: percent ? unitWords.join(' ') || 'share' : unit,
    value: reading.value,
    unit,
    qualifier: groups.qualifier ? QUALIFIERS[groups.qualifier.trim().toLowerCase()]! : 'exact',
    statedAs,
    status: 'reported',
    context: [],
  };
}

/**
 * Proposes the figures a text states: a number (digits or spelled, with a scale, a currency or a percent sign) and the
 * noun it counts, with a qualifier such as "more than"; years, dates, ordinals and numbers inside names are left out.
 * `subjectAt` names the entity a sentence is about (its first mention), which the figure describes.
 */
export function findFigures(document: IngestDocument, subjectAt: (sentenceStart: number, sentenceEnd: number) => string | null): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  const ids = new Set<string>();
  // The text before a sentence, where a table's header states its unit ("(in units of 10,000)").
  const contextBefore = (start: number) =>
    document.sentences
      .filter((s) => s.start < start)
      .slice(-8)
      .map((s) => s.text)
      .join(' ');
  for (const sentence of document.sentences) {
    if (inFurniture(document, sentence.start)) continue;
    for (const m of sentence.text.matchAll(FIGURE)) {
      const reading = numberAt(sentence.text, m);
      const stated = reading && statedFigure(m, reading, () => contextBefore(sentence.start));
      if (!stated) continue;
      const subject = subjectAt(sentence.start, sentence.start + sentence.text.length);
      if (!subject) continue;
      // The same figure stated twice (a summary, then the body) is proposed once.
      if (seen.has(`${subject}|${stated.statedAs}`)) continue;
      seen.add(`${subject}|${stated.statedAs}`);
      let id = `figure:${slug(`${subject.split(':')[1]}-${stated.unit}`)}`;
      for (let n = 2; ids.has(id); n++) id = `figure:${slug(`${subject.split(':')[1]}-${stated.unit}`)}-${n}`;
      ids.add(id);
      const start = sentence.start + m.index;
      if (inFurniture(document, start)) continue;
      found.push(figureOf(document.id, sentence, { id, subject, ...stated }, m, start));
    }
  }
  return found;
}

/** The proposal of a stated figure, its keys in the seed's order, quoting its sentence. */
function figureOf(docId: string, sentence: Sentence, stated: Omit<SeedFigure, 'evidence'>, m: RegExpMatchArray, start: number): Found {
  const groups = m.groups!;
  const { id, subject, metric, value, unit, qualifier, statedAs, status } = stated;
  return {
    figure: { id, subject, metric, value, unit, qualifier, statedAs, status, evidence: [{ doc: docId, quote: sentence.text }], context: [] },
    confidence: groups.qualifier || groups.scale || groups.percent ? 0.8 : 0.65,
    start,
    end: start + statedAs.length,
  };
}

/**
 * A figure describes what its sentence is about: the first entity named there (a linked mention or a proposed entity,
 * of the extractors before this one), else the last one named before it outside furniture.
 */
function subjects(document: IngestDocument, found: Parameters<Extractor['extract']>[1]['found']) {
  const named = [
    ...ofKind(found, 'mention').flatMap(({ mention: m }) => (m.entity ? [{ id: m.entity, start: m.start }] : [])),
    ...ofKind(found, 'entity').map((c) => ({ id: c.entity.id, start: c.start })),
  ].sort((a, b) => a.start - b.start);
  return (start: number, end: number) =>
    named.find((n) => n.start >= start && n.start < end)?.id ?? named.filter((n) => n.start < start && !inFurniture(document, n.start)).at(-1)?.id ?? null;
}

/** Proposes the figures a document states, each about the entity its sentence names. */
export const figureExtractor: Extractor = {
  name: 'figures',
  kinds: ['figure'],
  extract: (document, { found }) =>
    findFigures(document, subjects(document, found)).map(({ figure, confidence, start, end }) => ({
      kind: 'figure' as const,
      figure,
      ...located(document, start, end, confidence, `"${figure.statedAs}" in its sentence`),
    })),
};
