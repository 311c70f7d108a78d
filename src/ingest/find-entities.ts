import { distance } from 'fastest-levenshtein';
import { tokenize } from '../model/text-search';
import type { SeedEntity } from '../seed/seed-schema';
import type { Gazetteer } from './link-mentions';
import { taggedWords, type TaggedWord } from './nlp';
import { slug as toSlug } from './slug';

// wink-nlp (its English lite model, offline from npm) gives tokens and part-of-speech tags; it has no person or
// organization tags, so names are capitalized runs of proper nouns, typed by the words they contain and by the
// patterns around them (an honorific, ", Director of", "in <place>", an acronym in parentheses).

/** A proposed new entity: a seed entity (without its proposal status) and why and how sure. */
export interface EntityCandidate {
  entity: SeedEntity;
  confidence: number;
  reason: string;
  /** Offsets of its first mention in the stored text. */
  start: number;
  end: number;
}

type Word = TaggedWord;

const CONNECTORS = new Set(['of', 'for', 'and', '&', 'on', 'de', 'du', 'des', 'la', 'the']);
const HONORIFICS = /^(Mr|Ms|Mrs|Dr|Prof|Professor|H\.E|Sir|Madam|Dame)\.?$/;
const TITLES =
  /^(Director|Director-General|Deputy|Assistant|Minister|Vice|President|Secretary|Secretary-General|Chairman|Chair|Chairwoman|Head|Dean|Rector|Chief|CEO|Founder|Ambassador|Representative|Representatives|Executive|Senior|Commissioner|Governor|Mayor|Officer|Manager|Coordinator|Specialist|Adviser|Advisor)$/;
// Words that open a sentence with a capital without being a name.
const COMMON_OPENERS = new Set([
  'The',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'Its',
  'In',
  'On',
  'At',
  'As',
  'By',
  'For',
  'From',
  'With',
  'More',
  'Most',
  'Some',
  'All',
  'Each',
  'Every',
  'Many',
  'Over',
  'About',
  'After',
  'Before',
  'During',
  'Since',
  'According',
  'Among',
  'Both',
  'Representatives',
  'Participants',
  'Delegates',
  'Experts',
  'Speakers',
  'Students',
  'Teachers',
  'Schools',
  'Countries',
  'Ministers',
  'Leaders',
  'Share',
  'Scan',
  'Subscribe',
  'Related',
  'Read',
  'Click',
]);

const TYPE_CUES: [RegExp, SeedEntity['type'], string?][] = [
  [
    /\b(Week|Conference|Forum|Summit|Symposium|Congress|Expo|Exhibition|Fair|Workshop|Dialogue|Meeting|Festival|Olympiad|Games|Strategic Lab|Policy Lab)\b/,
    'Event',
  ],
  [/\b(Initiative|Alliance|Coalition|Partnership|Declaration|Compact|Charter|Agenda)\b/, 'Initiative'],
  [/\b(Programme|Program|Project|Plan|Zone|Pilot|Platform|Scheme|Strategy)\b/, 'Programme'],
  [/\b(African Union|European Union|ASEAN|Arab League|Commonwealth|Mercosur|SADC|ECOWAS|EU|AU)\b/, 'RegionalBloc'],
  [/\b(Headquarters|Hall|Palace|Stadium|Campus)\b/, 'Place', 'venue'],
  [/\b(University|College|Academy|School)\b/, 'Organization', 'university'],
  [/\b(Foundation|Trust)\b/, 'Organization', 'foundation'],
  [/\b(Ministry|Government|Department|Office|Commission|Agency|Authority|Council)\b/, 'Organization', 'government_body'],
  [/\b(Institute|Centre|Center|Laboratory|Lab)\b/, 'Organization', 'research_centre'],
  [/\b(Company|Corporation|Group|Inc|Ltd|Technologies|Technology|Telecom|Holdings)\b/, 'Organization', 'company'],
  [/\b(Organisation|Organization|Union|Bank|Fund|Association|Federation|Society|Network|Committee|Agency)\b/, 'Organization', 'other'],
];

// The world's countries by their English names (from the ICU data Node carries), for typing names without a cue.
const COUNTRIES = (() => {
  const names = new Map<string, string>();
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = regions.of(code);
        if (name && name !== code && !/Unknown|Pseudo/.test(name)) names.set(name, code);
      } catch {
        // Not a region code.
      }
    }
  }
  return names;
})();

const PREFIX: Record<SeedEntity['type'], string> = {
  Organization: 'org',
  Person: 'person',
  Country: 'country',
  RegionalBloc: 'bloc',
  Place: 'place',
  EventSeries: 'series',
  Event: 'event',
  Initiative: 'initiative',
  Programme: 'programme',
  Goal: 'goal',
  Theme: 'theme',
};

const slug = (text: string) => toSlug(text, { maxLength: 60 });

const isCapitalized = (word: string) => /^[‘“'"]?[A-Z\u00C0-\u00DE]/.test(word) || /^\d{4}$/.test(word);
const isAcronym = (word: string) => /^[A-Z][A-Z0-9&]{1,9}$/.test(word) && !NOT_ORGANIZATIONS.has(word);
// Capitalized abbreviations of things, not of organizations.
const NOT_ORGANIZATIONS = new Set([
  'AI',
  'ICT',
  'ICTS',
  'IT',
  'SDG',
  'SDGS',
  'STEM',
  'STEAM',
  'GDP',
  'VR',
  'AR',
  'XR',
  'PPP',
  'MOOC',
  'MOOCS',
  'OER',
  'TVET',
  'ECD',
  'CEO',
  'PHD',
  'TV',
  'USB',
  'GPS',
  'COVID',
  'IOT',
  'API',
  'K12',
  'MOU',
  'NGO',
  'NGOS',
]);
const MONTHS_AND_DAYS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Note|Internet|Web)$/;
// A word glued to digits ("Africa156Kenya"): table cells that lost their borders, not a name.
const GLUED = /[A-Za-z]\d|\d[A-Za-z]{2}/;

/** The words of a sentence with their offsets in the stored text. */
const words = (sentence: { text: string; start: number }): Word[] => taggedWords(sentence.text, sentence.start);

/** The type (and kind) a name's words or its neighbours suggest, with the reason; null when nothing does. */
function typeOf(name: string, before: Word[], after: Word[]): { type: SeedEntity['type']; kind?: string; reason: string } | null {
  for (const [pattern, type, kind] of TYPE_CUES) {
    const cue = pattern.exec(name);
    if (cue) return { type, ...(kind ? { kind } : {}), reason: `the word "${cue[0]}"` };
  }
  if (COUNTRIES.has(name)) return { type: 'Country', reason: 'a country name' };
  if (before.at(-1) && HONORIFICS.test(before.at(-1)!.text)) return { type: 'Person', reason: `the honorific "${before.at(-1)!.text}"` };
  if (after[0]?.text === ',' && after[1] && TITLES.test(after[1].text)) return { type: 'Person', reason: `the title after it ("${after[1].text}")` };
  if (isAcronym(name)) return { type: 'Organization', kind: 'other', reason: 'an acronym' };
  const preposition = before.at(-1)?.text.toLowerCase();
  if ((preposition === 'in' || preposition === 'at') && !name.includes(' ')) return { type: 'Place', kind: 'city', reason: `"${preposition}" before it` };
  return null;
}

/**
 * Proposes the entities a text names that the graph does not know: capitalized runs of proper nouns (with "of", "for",
 * "and" inside), typed by cue words, honorifics, titles, country names and prepositions; an acronym in parentheses
 * after a name becomes its alias, and later uses of either are the same candidate. Names the gazetteer knows, runs in
 * `skip` (furniture) and names with no type cue are left out.
 */
export function findEntities(
  text: string,
  sentenceList: readonly { text: string; start: number; end: number }[],
  gazetteer: Gazetteer,
  docId: string,
  skip: (start: number) => boolean = () => false,
): EntityCandidate[] {
  const byKey = new Map<string, EntityCandidate>();
  const byAlias = new Map<string, EntityCandidate>();
  const known = (name: string) => gazetteer.exact(tokenize(name).map((t) => t.word)) !== undefined;
  for (const sentence of sentenceList) {
    if (skip(sentence.start)) continue;
    const list = words(sentence);
    for (let i = 0; i < list.length;) {
      const first = list[i]!;
      if (!isCapitalized(first.text) || first.pos === 'PUNCT' || HONORIFICS.test(first.text) || first.text === 'The') {
        i++;
        continue;
      }
      // A run of capitalized words, with connectors inside when a capitalized word follows them; a title in quotes
      // ("‘A Global Conference – Principles for AI: Towards a Humanistic Approach?’") is taken whole.
      let j = i + 1;
      const opening = list[i - 1] && /^[‘“]$/.test(list[i - 1]!.text) ? list[i - 1]!.text : null;
      const closingAt = opening ? list.findIndex((w, k) => k > i && k < i + 30 && w.text === (opening === '‘' ? '’' : '”')) : -1;
      if (closingAt > 0) j = closingAt;
      while (closingAt < 0 && j < list.length) {
        const w = list[j]!;
        if (isCapitalized(w.text) && w.pos !== 'PUNCT' && !TITLES.test(w.text)) j++;
        else if (/^[‘“]$/.test(w.text) && list[j + 1] && isCapitalized(list[j + 1]!.text)) {
          const close = list.findIndex((x, k) => k > j && k < j + 30 && x.text === (w.text === '‘' ? '’' : '”'));
          j = close > 0 ? close : j + 1;
        } else if (
          /^[-–'"]$/.test(w.text) &&
          list[j + 1] &&
          (isCapitalized(list[j + 1]!.text) || (/^[‘“]$/.test(list[j + 1]!.text) && isCapitalized(list[j + 2]?.text ?? '')))
        )
          j++;
        else if (
          CONNECTORS.has(w.text.toLowerCase()) &&
          list[j + 1] &&
          isCapitalized(list[j + 1]!.text) &&
          !TITLES.test(list[j + 1]!.text) &&
          // "and" belongs to a name only after "of" or "for" ("Organisation for Economic Co-operation and Development");
          // otherwise it joins two names ("World Bank and UNICEF", "ProFuturo Foundation and Skillogs").
          !(/^(and|&)$/i.test(w.text) && !list.slice(i, j).some((x) => /^(of|for)$/i.test(x.text)))
        )
          j++;
        else break;
      }
      let run = list.slice(i, j);
      // A title opening the run ("Director of ICHEI") is a post, not a name: the part after "of" may be one; nor is
      // the tail of a hyphenated word ("Director-General") a name of its own.
      const previous = list[i - 1];
      if (TITLES.test(first.text) || (previous && previous.end === first.start && /^[-–]$/.test(previous.text))) {
        i++;
        continue;
      }
      // "Education of UNESCO" (the end of a title) names UNESCO, which the graph knows: a run that ends "of <known name>"
      // keeps its head only if that has a cue word of its own ("Ministry of Education of China" stays whole).
      const ofKnown = run.findIndex((w, k) => k > 0 && /^(of|for)$/i.test(w.text) && known(text.slice(run[k + 1]?.start ?? 0, run.at(-1)!.end)));
      if (ofKnown > 0 && !TYPE_CUES.some(([pattern]) => pattern.test(text.slice(run[0]!.start, run[ofKnown - 1]!.end)))) run = [];
      while (run.length > 0 && (CONNECTORS.has(run.at(-1)!.text.toLowerCase()) || /^[-–‘“’”'"]$/.test(run.at(-1)!.text))) run = run.slice(0, -1);
      const before = list.slice(Math.max(0, i - 2), i);
      const after = list.slice(j, j + 3);
      i = j;
      if (run.length === 0) continue;
      // Leading words that the text also writes in lower case ("Education Stefania Giannini", after "Director-General
      // of") are the end of a title or a common noun, not the name.
      const lowerCaseUse = (w: Word) => new RegExp(`(^|[^\\w])${w.text.toLowerCase().replace(/[^\w]/g, '')}([^\\w]|$)`).test(text);
      let trimmed = 0;
      while (
        run.length > 2 &&
        run[0]!.pos !== 'PROPN' &&
        /^[A-Z][a-z]+$/.test(run[0]!.text) &&
        lowerCaseUse(run[0]!) &&
        !TYPE_CUES.some(([p]) => p.test(run[0]!.text))
      ) {
        run = run.slice(1);
        trimmed++;
      }
      const start = run[0]!.start;
      const end = run.at(-1)!.end;
      const name = text.slice(start, end);
      // A word glued to the one before it ("1Controversy": a table that lost its borders) starts a name only with a cue.
      const glued = previous !== undefined && previous.end === start && trimmed === 0;
      const atSentenceStart = start === sentence.start;
      if (run.length === 1 && (COMMON_OPENERS.has(name) || (atSentenceStart && !isAcronym(name) && !COUNTRIES.has(name)))) continue;
      if (/^\d+$/.test(name) || GLUED.test(name) || NOT_ORGANIZATIONS.has(name.toUpperCase()) || known(name)) continue;
      // A lone cue word ("Symposium", "Lab") is a common noun written with a capital, not a name.
      if (run.length === 1 && !isAcronym(name) && TYPE_CUES.some(([pattern]) => pattern.test(name))) continue;
      if (name.length < 2) continue;
      const acronym = after[0]?.text === '(' && after[1] && isAcronym(after[1].text) && after[2]?.text === ')' ? after[1].text : null;
      const typed =
        typeOf(name, before, after) ??
        (trimmed > 0 && list.slice(Math.max(0, i - 6), i).some((w) => TITLES.test(w.text.split('-')[0]!)) && run.length <= 3
          ? { type: 'Person' as const, reason: 'the title before it' }
          : null);
      const existing = byKey.get(slug(name)) ?? byAlias.get(name);
      if (existing) {
        if (acronym && !existing.entity.aliases.includes(acronym)) existing.entity.aliases.push(acronym);
        continue;
      }
      // A run of proper nouns inside a sentence with no cue to its type is still a name: proposed, with little confidence.
      // One such word needs more: a capital inside it (ProFuturo), or no lower-case use of it anywhere in the text.
      const untyped =
        !typed &&
        !atSentenceStart &&
        !glued &&
        run.every((w) => w.pos === 'PROPN' || /^(of|for|and|&|de|la)$/i.test(w.text)) &&
        (run.length > 1 || /^.[a-z]+[A-Z]/.test(name) || (!new RegExp(`\\b${name.toLowerCase()}\\b`).test(text) && !MONTHS_AND_DAYS.test(name)));
      if (!typed && !untyped) continue;
      if (acronym && known(acronym)) continue;
      const type = typed ?? { type: 'Organization' as const, kind: 'other', reason: 'nothing (a proper noun with no cue to its type)' };
      const entity = {
        id: `${PREFIX[type.type]}:${slug(name)}`,
        type: type.type,
        ...(type.kind ? { kind: type.kind } : defaultKind(type.type)),
        name,
        aliases: acronym ? [acronym] : [],
        ...(type.type === 'Person' && before.at(-1) && HONORIFICS.test(before.at(-1)!.text) ? { honorific: before.at(-1)!.text } : {}),
        ...(type.type === 'Organization' && acronym ? { acronym } : {}),
        evidence: [{ doc: docId, quote: sentence.text }],
      } as SeedEntity;
      const candidate: EntityCandidate = {
        entity,
        confidence: !typed ? 0.4 : acronym || typed.reason.startsWith('the word') || typed.type === 'Country' ? 0.8 : 0.6,
        reason: `a capitalized name typed by ${type.reason}${acronym ? `, with its acronym ${acronym}` : ''}`,
        start,
        end,
      };
      byKey.set(slug(name), candidate);
      if (acronym) byAlias.set(acronym, candidate);
    }
  }
  return mergeAcronyms([...byKey.values()], text);
}

const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');

/**
 * Folds candidates that are one entity: an acronym whose letters are the initials of a longer name becomes its alias
 * ("ICHEI" of "International Centre for Higher Education Innovation"), and an acronym one letter from a more
 * frequent one is its misspelling ("UNECO" of "UNESCO").
 */
function mergeAcronyms(candidates: EntityCandidate[], text: string): EntityCandidate[] {
  const count = (name: string) => text.split(name).length - 1;
  const merged = new Set<EntityCandidate>();
  for (const short of candidates.filter((c) => isAcronym(c.entity.name))) {
    const into =
      candidates.find((c) => c !== short && !merged.has(c) && c.entity.name.includes(' ') && initials(c.entity.name) === short.entity.name) ??
      candidates.find(
        (c) =>
          c !== short &&
          !merged.has(c) &&
          isAcronym(c.entity.name) &&
          distance(c.entity.name, short.entity.name) === 1 &&
          count(c.entity.name) > count(short.entity.name),
      );
    if (!into) continue;
    if (!into.entity.aliases.includes(short.entity.name)) into.entity.aliases.push(short.entity.name);
    merged.add(short);
  }
  return candidates.filter((c) => !merged.has(c));
}

/** The kind a type needs when no cue word gave one. */
function defaultKind(type: SeedEntity['type']): { kind?: string } {
  switch (type) {
    case 'Organization':
      return { kind: 'other' };
    case 'Place':
      return { kind: 'city' };
    case 'Event':
      return { kind: 'conference' };
    case 'Programme':
      return { kind: 'programme' };
    default:
      return {};
  }
}
