import { distance } from 'fastest-levenshtein';
import { tokenize } from '../../model/text-search';
import type { ParsedSentence } from '../nlp/parse';
import type { SeedEntity } from '../../seed/seed-schema';
import type { TaggedWord } from '../nlp/tagger';
import { slug as toSlug } from '../slug';
import {
  COMMON_OPENERS,
  CONNECTORS,
  COUNTRIES,
  defaultKind,
  GLUED,
  HONORIFICS,
  isAcronym,
  isCapitalized,
  MONTHS_AND_DAYS,
  NOT_ORGANIZATIONS,
  PREFIX,
  TITLES,
  TYPE_CUES,
  typeOf,
} from './entity-cues';
import { inFurniture, located, type Extractor, type IngestDocument, type Sentence } from './extractor';
import type { Gazetteer } from './gazetteer';

type Word = TaggedWord;

/** A new entity as the finder proposes it, before it is located for the pipeline. */
interface Found {
  entity: SeedEntity;
  confidence: number;
  reason: string;
  /** Offsets of its first mention in the stored text. */
  start: number;
  end: number;
}

/** A run of capitalized words in a sentence, with the words around it, that may be a name. */
interface Site {
  sentence: Sentence;
  run: Word[];
  /** How many leading words were left out as the end of a title or a common noun. */
  trimmed: number;
  previous: Word | undefined;
  before: Word[];
  after: Word[];
  /** The index, in the sentence's words, just after the run. */
  next: number;
}

type Typed = { type: SeedEntity['type']; kind?: string; reason: string };

const slug = (text: string) => toSlug(text, { maxLength: 60 });

/** Whether a word can open a name: capitalized, not punctuation, not an honorific, not "The". */
const opensName = (first: Word) => isCapitalized(first.text) && first.pos !== 'PUNCT' && !HONORIFICS.test(first.text) && first.text !== 'The';

/**
 * The end (exclusive) of the run of capitalized words that opens at `i`, with connectors inside when a capitalized
 * word follows them; a title in quotes ("‘A Global Conference – Principles for AI: Towards a Humanistic Approach?’")
 * is taken whole.
 */
function runEnd(list: readonly Word[], i: number): number {
  let j = i + 1;
  const opening = list[i - 1] && /^[‘“]$/.test(list[i - 1]!.text) ? list[i - 1]!.text : null;
  const closingAt = opening ? list.findIndex((w, k) => k > i && k < i + 30 && w.text === (opening === '‘' ? '’' : '”')) : -1;
  if (closingAt > 0) return closingAt;
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
      // "and" belongs to a name only after "of", "for" or "on" ("Organisation for Economic Co-operation and
      // Development", "Conference on Artificial Intelligence and Education"); otherwise it joins two names ("World
      // Bank and UNICEF", "ProFuturo Foundation and Skillogs").
      !(/^(and|&)$/i.test(w.text) && !list.slice(i, j).some((x) => /^(of|for|on)$/i.test(x.text)))
    )
      j++;
    else break;
  }
  return j;
}

/**
 * The words of the run `i`..`j` that may be a name: none when it ends "of <known name>" without a cue word of its own;
 * trailing connectors and quotes left out; leading words the text also writes in lower case left out.
 */
function nameWords(
  text: string,
  list: readonly Word[],
  i: number,
  j: number,
  known: (name: string) => boolean,
  named: (start: number, end: number) => boolean,
): { run: Word[]; trimmed: number } {
  let run = list.slice(i, j);
  // "Education of UNESCO" (the end of a title) names UNESCO, which the graph knows: a run that ends "of <known name>"
  // keeps its head only if that has a cue word of its own ("Ministry of Education of China" stays whole).
  const ofKnown = run.findIndex((w, k) => k > 0 && /^(of|for)$/i.test(w.text) && known(text.slice(run[k + 1]?.start ?? 0, run.at(-1)!.end)));
  // Unless the parser names the head a person or a body of its own ("Borhene Chakroun of UNESCO"): then the head is the name.
  if (ofKnown > 0 && !TYPE_CUES.some(([pattern]) => pattern.test(text.slice(run[0]!.start, run[ofKnown - 1]!.end))))
    run = named(run[0]!.start, run[ofKnown - 1]!.end) ? run.slice(0, ofKnown) : [];
  while (run.length > 0 && (CONNECTORS.has(run.at(-1)!.text.toLowerCase()) || /^[-–‘“’”'"]$/.test(run.at(-1)!.text))) run = run.slice(0, -1);
  if (run.length === 0) return { run, trimmed: 0 };
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
  return { run, trimmed };
}

/** The runs of a sentence that may be names, in order. */
function sitesOf(text: string, sentence: Sentence, known: (name: string) => boolean, named: (start: number, end: number) => boolean): Site[] {
  const sites: Site[] = [];
  const list = sentence.words;
  for (let i = 0; i < list.length;) {
    const first = list[i]!;
    if (!opensName(first)) {
      i++;
      continue;
    }
    const j = runEnd(list, i);
    // A title opening the run ("Director of ICHEI") is a post, not a name: the part after "of" may be one; nor is
    // the tail of a hyphenated word ("Director-General") a name of its own.
    const previous = list[i - 1];
    if (TITLES.test(first.text) || (previous && previous.end === first.start && /^[-–]$/.test(previous.text))) {
      i++;
      continue;
    }
    const { run, trimmed } = nameWords(text, list, i, j, known, named);
    if (run.length > 0) sites.push({ sentence, run, trimmed, previous, before: list.slice(Math.max(0, i - 2), i), after: list.slice(j, j + 3), next: j });
    i = j;
  }
  return sites;
}

/** Whether a site's words can be a name at all: not a sentence's opening word, a number, an abbreviation, a known name or a lone cue word. */
function mayBeName(site: Site, name: string, known: (name: string) => boolean): boolean {
  const atSentenceStart = site.run[0]!.start === site.sentence.start;
  if (site.run.length === 1 && (COMMON_OPENERS.has(name) || (atSentenceStart && !isAcronym(name) && !COUNTRIES.has(name)))) return false;
  if (/^\d+$/.test(name) || GLUED.test(name) || NOT_ORGANIZATIONS.has(name.toUpperCase()) || known(name)) return false;
  // A lone cue word ("Symposium", "Lab") is a common noun written with a capital, not a name.
  if (site.run.length === 1 && !isAcronym(name) && TYPE_CUES.some(([pattern]) => pattern.test(name))) return false;
  return name.length >= 2;
}

/** The type a name's cues give it, else a person when a title stands just before a trimmed run; null when nothing does. */
function typedSite(site: Site, name: string): Typed | null {
  const list = site.sentence.words;
  return (
    typeOf(name, site.before, site.after) ??
    (site.trimmed > 0 && list.slice(Math.max(0, site.next - 6), site.next).some((w) => TITLES.test(w.text.split('-')[0]!)) && site.run.length <= 3
      ? { type: 'Person' as const, reason: 'the title before it' }
      : null)
  );
}

/**
 * Whether a run of proper nouns with no cue to its type is still a name (proposed with little confidence): inside a
 * sentence, not glued to a word before it; one such word needs a capital inside it (ProFuturo) or no lower-case use
 * anywhere in the text.
 */
function untypedName(text: string, site: Site, name: string): boolean {
  const start = site.run[0]!.start;
  // A word glued to the one before it ("1Controversy": a table that lost its borders) starts a name only with a cue.
  const glued = site.previous !== undefined && site.previous.end === start && site.trimmed === 0;
  return (
    start !== site.sentence.start &&
    !glued &&
    site.run.every((w) => w.pos === 'PROPN' || /^(of|for|and|&|de|la)$/i.test(w.text)) &&
    (site.run.length > 1 || /^.[a-z]+[A-Z]/.test(name) || (!new RegExp(`\\b${name.toLowerCase()}\\b`).test(text) && !MONTHS_AND_DAYS.test(name)))
  );
}

/** The proposal for a typed (or untyped) name at a site, with its acronym as an alias. */
function proposal(docId: string, site: Site, name: string, typed: Typed | null, acronym: string | null): Found {
  const type = typed ?? { type: 'Organization' as const, kind: 'other', reason: 'nothing (a proper noun with no cue to its type)' };
  const honorific = site.before.at(-1);
  const entity = {
    id: `${PREFIX[type.type]}:${slug(name)}`,
    type: type.type,
    ...(type.kind ? { kind: type.kind } : defaultKind(type.type)),
    name,
    aliases: acronym ? [acronym] : [],
    ...(type.type === 'Person' && honorific && HONORIFICS.test(honorific.text) ? { honorific: honorific.text } : {}),
    ...(type.type === 'Organization' && acronym ? { acronym } : {}),
    evidence: [{ doc: docId, quote: site.sentence.text }],
  } as SeedEntity;
  return {
    entity,
    confidence: !typed ? 0.4 : acronym || typed.reason.startsWith('the word') || typed.type === 'Country' ? 0.8 : 0.6,
    reason: `a capitalized name typed by ${type.reason}${acronym ? `, with its acronym ${acronym}` : ''}`,
    start: site.run[0]!.start,
    end: site.run.at(-1)!.end,
  };
}

// CoreNLP's tags in the model's kinds; MISC, TITLE, dates and numbers are not kinds of actor.
const PARSER_KINDS: Record<string, Typed> = {
  PERSON: { type: 'Person', reason: "CoreNLP's tag PERSON" },
  ORGANIZATION: { type: 'Organization', kind: 'other', reason: "CoreNLP's tag ORGANIZATION" },
  COUNTRY: { type: 'Country', reason: "CoreNLP's tag COUNTRY" },
  CITY: { type: 'Place', kind: 'city', reason: "CoreNLP's tag CITY" },
  STATE_OR_PROVINCE: { type: 'Place', kind: 'region', reason: "CoreNLP's tag STATE_OR_PROVINCE" },
  LOCATION: { type: 'Place', kind: 'other', reason: "CoreNLP's tag LOCATION" },
};

/**
 * The type the text gives a name in so many words: "Giga, the joint initiative of ITU and UNICEF", "Giga is an
 * initiative": the noun it is put beside (apposition) or equated with (copula), when that noun is a cue word.
 */
function describedAs(document: IngestDocument, start: number, end: number): Typed | null {
  const name = document.text.slice(start, end);
  for (let at = document.text.indexOf(name); at >= 0; at = document.text.indexOf(name, at + name.length)) {
    const sentence = document.parse?.sentences.find((s) => s.start <= at && at + name.length <= s.end);
    const typed = sentence && describedIn(document.text, sentence, at, at + name.length);
    if (typed) return typed;
  }
  return null;
}

// Between a name and the noun that describes it: ", the joint " (apposition) or " is an " (copula).
const DESCRIBING = /^(?:,|\s+(?:is|was|are|were|remains|became))\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}$/i;

/** The type a sentence gives the name at start..end by the noun beside it, when that noun is a cue word. */
function describedIn(text: string, sentence: ParsedSentence, start: number, end: number): Typed | null {
  const inName = new Set(sentence.tokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.index));
  // The name's head: its word whose governor lies outside it.
  const head = sentence.edges.find((e) => inName.has(e.dependent) && !inName.has(e.governor))?.dependent ?? [...inName].at(-1);
  if (head === undefined) return null;
  const nouns = sentence.edges.flatMap((e) =>
    e.dep === 'appos' && e.governor === head ? [e.dependent] : e.dep === 'nsubj' && e.dependent === head ? [e.governor] : [],
  );
  // A parser may hang the apposition on the wrong name (a dateline before it): the first noun after the name counts too.
  const next = sentence.tokens.find((t) => t.start >= end && t.pos.startsWith('NN'));
  if (next) nouns.push(next.index);
  for (const index of nouns) {
    const noun = sentence.tokens[index - 1];
    if (!noun || !noun.pos.startsWith('NN') || inName.has(index) || !DESCRIBING.test(text.slice(end, noun.start))) continue;
    const word = noun.word.charAt(0).toUpperCase() + noun.word.slice(1).toLowerCase();
    const cue = TYPE_CUES.find(([pattern]) => pattern.test(word));
    if (cue) return { type: cue[1], ...(cue[2] ? { kind: cue[2] } : {}), reason: `the text calling it "${noun.word}"` };
  }
  return null;
}

/** Whether the parser tagged exactly these words as a person or an organization. */
function parserNames(document: IngestDocument, start: number, end: number): boolean {
  const sentence = document.parse?.sentences.find((s) => s.start <= start && end <= s.end);
  return Boolean(sentence?.entities.some((m) => m.start === start && m.end === end && (m.type === 'PERSON' || m.type === 'ORGANIZATION')));
}

/** Whether the parser tagged every word of the run as a title ("General" of "General Manager"): a post, not a name. */
function taggedAsTitle(document: IngestDocument, site: Site): boolean {
  if (!document.parse) return false;
  const tokens = document.parse.sentences.flatMap((s) => s.tokens).filter((t) => t.start >= site.run[0]!.start && t.end <= site.run.at(-1)!.end);
  return tokens.length > 0 && tokens.every((t) => t.ner === 'TITLE');
}

/**
 * The type of a name once a parser has read the text: a cue word in the name ("Foundation", "Summit") is kept, since
 * it speaks for the whole name; a weaker guess (a preposition, a title nearby, nothing) gives way to the parser's tag
 * of the same words, which reads the context with a trained model.
 */
function withParserTag(document: IngestDocument, site: Site, typed: Typed | null): Typed | null {
  if (!document.parse || typed?.reason.startsWith('the word') || typed?.type === 'Country') return typed;
  const start = site.run[0]!.start;
  const end = site.run.at(-1)!.end;
  const described = describedAs(document, start, end);
  if (described) return described;
  const sentence = document.parse.sentences.find((s) => s.start <= start && end <= s.end);
  const mention = sentence?.entities.find((m) => m.start <= start && end <= m.end && m.end - m.start <= (end - start) * 2 + 2);
  const tagged = mention && PARSER_KINDS[mention.type];
  // One word tagged PERSON is as often a product or a programme ("Giga"): people are named with two words or more.
  if (!tagged || tagged.type === typed?.type || (tagged.type === 'Person' && site.run.length < 2)) return typed;
  return tagged;
}

/**
 * Proposes the entities a text names that the graph does not know: capitalized runs of proper nouns (with "of", "for",
 * "and" inside), typed by cue words, honorifics, titles, country names and prepositions; an acronym in parentheses
 * after a name becomes its alias, and later uses of either are the same candidate. Names the gazetteer knows, runs in
 * page furniture and names with no type cue are left out.
 */
export function findEntities(document: IngestDocument, gazetteer: Gazetteer): Found[] {
  const { text } = document;
  const byKey = new Map<string, Found>();
  const byAlias = new Map<string, Found>();
  const known = (name: string) => gazetteer.exact(tokenize(name).map((t) => t.word)) !== undefined;
  for (const sentence of document.sentences) {
    if (inFurniture(document, sentence.start)) continue;
    for (const site of sitesOf(text, sentence, known, (start, end) => parserNames(document, start, end))) {
      const name = text.slice(site.run[0]!.start, site.run.at(-1)!.end);
      if (!mayBeName(site, name, known)) continue;
      const { after } = site;
      const acronym = after[0]?.text === '(' && after[1] && isAcronym(after[1].text) && after[2]?.text === ')' ? after[1].text : null;
      if (taggedAsTitle(document, site)) continue;
      const ruleTyped = typedSite(site, name);
      const typed = withParserTag(document, site, ruleTyped);
      const existing = byKey.get(slug(name)) ?? byAlias.get(name);
      if (existing) {
        if (acronym && !existing.entity.aliases.includes(acronym)) existing.entity.aliases.push(acronym);
        continue;
      }
      // A run with no cue of its own is a name when the parser's model tagged it as one, or, with no parser, when it
      // looks like one ("Opening", "Plenary" at the head of a programme's line do, to the rules alone).
      if (!ruleTyped && typed === ruleTyped && (document.parse || !untypedName(text, site, name))) continue;
      if (acronym && known(acronym)) continue;
      const candidate = proposal(document.id, site, name, typed, acronym);
      byKey.set(slug(name), candidate);
      if (acronym) byAlias.set(acronym, candidate);
    }
  }
  return seriesOfEditions(mergeAcronyms([...byKey.values()], text));
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
function mergeAcronyms(candidates: Found[], text: string): Found[] {
  const count = (name: string) => text.split(name).length - 1;
  const merged = new Set<Found>();
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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A proposed event whose name another's carries with a year ("2019 Mobile Learning Week") is the series. */
function seriesOfEditions(candidates: Found[]): Found[] {
  for (const candidate of candidates) {
    const edition = candidates.find(
      (c) =>
        c !== candidate &&
        c.entity.type === 'Event' &&
        new RegExp(`^(\\d{4} ${escape(candidate.entity.name)}|${escape(candidate.entity.name)} \\d{4})$`).test(c.entity.name),
    );
    if (edition && candidate.entity.type === 'Event') {
      const { kind: _kind, ...rest } = candidate.entity;
      candidate.entity = { ...rest, type: 'EventSeries' } as SeedEntity;
      candidate.reason += `; a series, since "${edition.entity.name}" is one of its editions`;
    }
  }
  return candidates;
}

/** Proposes the entities a document names that the graph does not know, each located at its first mention. */
export const entityExtractor: Extractor = {
  name: 'entities',
  kinds: ['entity'],
  extract: (document, { known }) =>
    findEntities(document, known).map(({ entity, confidence, reason, start, end }) => ({
      kind: 'entity' as const,
      entity,
      ...located(document, start, end, confidence, reason),
    })),
};
