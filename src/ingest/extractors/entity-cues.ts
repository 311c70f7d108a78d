import type { SeedEntity } from '../../seed/seed-schema';
import type { TaggedWord } from '../nlp/tagger';

type Word = TaggedWord;

// wink-nlp (its English lite model, offline from npm) gives tokens and part-of-speech tags; it has no person or
// organization tags, so names are capitalized runs of proper nouns, typed by the words they contain and by the
// patterns around them (an honorific, ", Director of", "in <place>", an acronym in parentheses).

export const CONNECTORS = new Set(['of', 'for', 'and', '&', 'on', 'de', 'du', 'des', 'la', 'the']);
export const HONORIFICS = /^(Mr|Ms|Mrs|Dr|Prof|Professor|H\.E|Sir|Madam|Dame)\.?$/;
export const TITLES =
  /^(Director|Director-General|Deputy|Assistant|Minister|Vice|President|Secretary|Secretary-General|Chairman|Chair|Chairwoman|Head|Dean|Rector|Chief|CEO|Founder|Ambassador|Representative|Representatives|Executive|Senior|Commissioner|Governor|Mayor|Officer|Manager|Coordinator|Specialist|Adviser|Advisor)$/;
// Words that open a sentence with a capital without being a name.
export const COMMON_OPENERS = new Set([
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

export const TYPE_CUES: [RegExp, SeedEntity['type'], string?][] = [
  [
    /\b(Week|Conference|Forum|Summit|Symposium|Congress|Expo|Exhibition|Fair|Workshop|Dialogue|Meeting|Festival|Olympiad|Games|Strategic Lab|Policy Lab)\b/,
    'Event',
  ],
  [/\b(Initiative|Alliance|Coalition|Partnership|Declaration|Compact|Charter|Agenda)\b/, 'Initiative'],
  [/\b(Programme|Program|Project|Plan|Zone|Pilot|Platform|Scheme|Strategy)\b/, 'Programme'],
  [/\b(African Union|European Union|ASEAN|Arab League|Commonwealth|Mercosur|SADC|ECOWAS|EU|AU)\b/, 'RegionalBloc'],
  [/\b(Headquarters|Hall|Palace|Stadium|Campus)\b/, 'Place', 'venue'],
  [/\b(University|College|Academy|School)\b/, 'Organization', 'university'],
  [/\b(Foundation|Trust|Fundación|Fundação|Fondation|Stiftung)(?![\w])/, 'Organization', 'foundation'],
  [
    /\b(Ministry|Government|Department|Office|Commission|Agency|Authority|Council|Bureau|Directorate|Secretariat|Division)\b/,
    'Organization',
    'government_body',
  ],
  [/\b(Institute|Centre|Center|Laboratory|Lab)\b/, 'Organization', 'research_centre'],
  [/\b(Company|Corporation|Group|Inc|Ltd|Technologies|Technology|Telecom|Holdings)\b/, 'Organization', 'company'],
  [/\b(Organisation|Organization|Union|Bank|Fund|Association|Federation|Society|Network|Committee|Agency)\b/, 'Organization', 'other'],
];

// The world's countries by their English names (from the ICU data Node carries), for typing names without a cue.
export const COUNTRIES = (() => {
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

export const PREFIX: Record<SeedEntity['type'], string> = {
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

export const isCapitalized = (word: string) => /^[‘“'"]?[A-Z\u00C0-\u00DE]/.test(word) || /^\d{4}$/.test(word);
export const isAcronym = (word: string) => /^[A-Z][A-Z0-9&]{1,9}$/.test(word) && !NOT_ORGANIZATIONS.has(word);
// Capitalized abbreviations of things, not of organizations.
export const NOT_ORGANIZATIONS = new Set([
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
export const MONTHS_AND_DAYS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Note|Internet|Web)$/;
// A word glued to digits ("Africa156Kenya"): table cells that lost their borders, not a name.
export const GLUED = /[A-Za-z]\d|\d[A-Za-z]{2}/;

/** The type (and kind) a name's words or its neighbours suggest, with the reason; null when nothing does. */
export function typeOf(name: string, before: Word[], after: Word[]): { type: SeedEntity['type']; kind?: string; reason: string } | null {
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

/** The kind a type needs when no cue word gave one. */
export function defaultKind(type: SeedEntity['type']): { kind?: string } {
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
