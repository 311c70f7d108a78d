import type { SeedFigure } from '../seed/seed-schema';
import { taggedWords } from './nlp';
import { slug as toSlug } from './slug';

/** A proposed figure: the seed entry, and how sure. */
export interface FigureCandidate {
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

/**
 * Proposes the figures a text states: a number (digits or spelled, with a scale, a currency or a percent sign) and the
 * noun it counts, with a qualifier such as "more than"; years, dates, ordinals and numbers inside names are left out.
 * `subjectAt` names the entity a sentence is about (its first mention), which the figure describes.
 */
export function findFigures(
  sentenceList: readonly { text: string; start: number }[],
  docId: string,
  subjectAt: (sentenceStart: number, sentenceEnd: number) => string | null,
  skip: (start: number) => boolean = () => false,
): FigureCandidate[] {
  const found: FigureCandidate[] = [];
  const seen = new Set<string>();
  // The text before a sentence, where a table's header states its unit ("(in units of 10,000)").
  const contextBefore = (start: number) =>
    sentenceList
      .filter((s) => s.start < start)
      .slice(-8)
      .map((s) => s.text)
      .join(' ');
  const ids = new Set<string>();
  for (const sentence of sentenceList) {
    if (skip(sentence.start)) continue;
    for (const m of sentence.text.matchAll(FIGURE)) {
      const groups = m.groups!;
      const numberText = groups.number!;
      const spelled = SPELLED[numberText.toLowerCase()];
      let value = spelled ?? Number(numberText.replace(/,/g, ''));
      const before = sentence.text.slice(0, m.index);
      const rest = sentence.text.slice(m.index + m[0].length);
      // Years, dates and times are not figures; nor a number glued to letters (5G, COVID-19) or a table's ordinal.
      if (!spelled && /^\d{4}$/.test(numberText) && value >= 1900 && value <= 2100 && !groups.scale && !groups.percent) continue;
      if (new RegExp(`^\\s*(${MONTHS})\\b`).test(rest) || new RegExp(`\\b(${MONTHS})\\s*$`).test(before)) continue;
      // Glued to a capital or a sign ("G20", "COVID-19") the number is part of a name; glued to a lower-case word it is a
      // table cell that lost its border ("network38 countries"), and so is a number glued to a capital after it.
      if (/[A-Z\-+:]$/.test(before) || /^:\d/.test(rest)) continue;
      const tableCell = /[a-z]$/.test(before) && /^[A-Z]/.test(rest);
      const gluedUnit = /^(Mbps|Gbps|kbps|km|kg|GB|MB|TB|GW|MW|kWh)\b/.exec(rest)?.[1];
      if (/^[A-Za-z]/.test(rest) && !tableCell && !gluedUnit && !groups.scale && !groups.percent) continue;
      if (/\bunits? of\s*$/i.test(before)) continue;
      if (/^\s*(to|-|–)\s*\d/.test(rest) || /^[-–]/.test(rest)) continue;
      if (/\b(category|level|grade|phase|No\.?|number|page|article|section)\s*$/i.test(before)) continue;
      if (groups.scale) value *= SCALES[groups.scale.toLowerCase()]!;
      // What is counted: the nouns (and their adjectives) that follow, as tagged by wink-nlp, up to five words.
      const unitWords: string[] = [];
      if (gluedUnit) unitWords.push(gluedUnit);
      else if (!tableCell) {
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
      }
      // A table cell's unit is its column's header, e.g. "Discussion volume (10,000)" or "(in units of 10,000)".
      const headers = tableCell
        ? [...`${contextBefore(sentence.start)} ${before}`.matchAll(/([A-Z][a-z]+(?: [a-z]+)*)? ?\((?:in )?(?:units? of )?([\d,]+)\)/g)]
        : [];
      const header = headers.length > 0 ? `${headers.at(-1)![1] ? `${headers.at(-1)![1].toLowerCase()}, ` : ''}units of ${headers.at(-1)![2]}` : undefined;
      if (tableCell && !header) continue;
      const percent = Boolean(groups.percent);
      const unit = percent
        ? 'percent'
        : groups.currency
          ? groups.currency.replace(/\s/g, '').replace('$', 'US$').replace('USUS$', 'US$')
          : (header ?? unitWords.join(' ').replace(/ - /g, '-'));
      if (!unit) continue;
      const statedAs = (
        m[0] + (percent || groups.currency || tableCell ? '' : rest.slice(0, rest.indexOf(unitWords.at(-1) ?? '') + (unitWords.at(-1)?.length ?? 0)))
      ).trim();
      const subject = subjectAt(sentence.start, sentence.start + sentence.text.length);
      if (!subject) continue;
      // The same figure stated twice (a summary, then the body) is proposed once.
      if (seen.has(`${subject}|${statedAs}`)) continue;
      seen.add(`${subject}|${statedAs}`);
      let id = `figure:${slug(`${subject.split(':')[1]}-${unit}`)}`;
      for (let n = 2; ids.has(id); n++) id = `figure:${slug(`${subject.split(':')[1]}-${unit}`)}-${n}`;
      ids.add(id);
      const start = sentence.start + m.index;
      if (skip(start)) continue;
      found.push({
        figure: {
          id,
          subject,
          metric: percent ? unitWords.join(' ') || 'share' : unit,
          value,
          unit,
          qualifier: groups.qualifier ? QUALIFIERS[groups.qualifier.trim().toLowerCase()]! : 'exact',
          statedAs,
          status: 'reported',
          evidence: [{ doc: docId, quote: sentence.text }],
          context: [],
        },
        confidence: groups.qualifier || groups.scale || percent ? 0.8 : 0.65,
        start,
        end: start + statedAs.length,
      });
    }
  }
  return found;
}
