import { distance } from 'fastest-levenshtein';
import { tokenize, type Token } from '../model/text-search';

/** An entity as the gazetteer knows it: its id, type and every way the graph spells it. */
export interface KnownEntity {
  id: string;
  type: string;
  name: string;
  spellings: string[];
  /** Its curated values of the properties another source may state otherwise (model/claims.ts), when known. */
  properties?: Record<string, string>;
}

/** How a mention matched: the spelling as written, the same words with other case or accents, or one typo away. */
export type MatchKind = 'exact' | 'folded' | 'typo';

/** A proposed link from a passage of the text to a known entity (or, when ambiguous, to several candidates). */
export interface Mention {
  /** The entity meant, or null when the words name more than one (see candidates). */
  entity: string | null;
  candidates?: string[];
  /** The words as the text writes them. */
  surface: string;
  /** The spelling of the graph they matched. */
  spelling: string;
  match: MatchKind;
  confidence: number;
  /** Offsets of the words in the stored text (end exclusive). */
  start: number;
  end: number;
  /** The sentence that holds them, the quote a reviewer reads and the evidence an accepted mention gives. */
  quote: string;
  quoteStart: number;
  status: 'proposed';
}

const CONFIDENCE: Record<MatchKind, number> = { exact: 0.98, folded: 0.9, typo: 0.75 };
const LONGEST_SPELLING = 12;

interface Spelling {
  text: string;
  words: string[];
  ids: Set<string>;
  /** An acronym (all capitals, no space) matches only capitals, so that "who" is never the WHO. */
  acronym: boolean;
}

/** The graph's names, aliases and acronyms, folded into word sequences, for finding them in a text. */
export class Gazetteer {
  private readonly byWords = new Map<string, Spelling>();
  /** Single-word spellings long enough to be matched with one typo, by length, for the typo pass. */
  private readonly typoCandidates: Spelling[] = [];

  constructor(readonly entities: readonly KnownEntity[]) {
    for (const entity of entities) {
      for (const text of new Set([entity.name, ...entity.spellings])) {
        const words = tokenize(text).map((t) => t.word);
        if (words.length === 0 || words.length > LONGEST_SPELLING) continue;
        const key = words.join(' ');
        const known = this.byWords.get(key);
        if (known) {
          known.ids.add(entity.id);
          continue;
        }
        const spelling: Spelling = { text, words, ids: new Set([entity.id]), acronym: /^[A-Z][A-Z0-9&-]{1,11}$/.test(text) };
        this.byWords.set(key, spelling);
        if (words.length === 1 && (spelling.acronym ? words[0]!.length >= 4 : words[0]!.length >= 7)) this.typoCandidates.push(spelling);
      }
    }
  }

  /** The spelling a run of folded words matches exactly, if any. */
  exact(words: readonly string[]): Spelling | undefined {
    return this.byWords.get(words.join(' '));
  }

  /** The one spelling a single word is one typo away from; none when there are several or the word is a known spelling. */
  typo(word: string, written: string): Spelling | undefined {
    const capitals = /^[A-Z0-9]+$/.test(written);
    if (!/^[A-Z]/.test(written)) return undefined;
    const near = this.typoCandidates.filter(
      (s) => s.acronym === capitals && Math.abs(s.words[0]!.length - word.length) <= 1 && distance(s.words[0]!, word) === 1,
    );
    return near.length === 1 ? near[0] : undefined;
  }
}

/** The sentences of a text with their offsets: paragraphs first (a headline has no full stop), then Intl.Segmenter. */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  const result: { start: number; end: number; text: string }[] = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    // A line break inside a paragraph (a masthead over two lines) does not end a sentence; the segmenter would say it does.
    for (const segment of segmenter.segment(m[0].replace(/\n/g, ' '))) {
      const trimmed = segment.segment.trim();
      if (!trimmed) continue;
      const start = m.index + segment.index + segment.segment.indexOf(trimmed);
      result.push({ start, end: start + trimmed.length, text: trimmed });
    }
  }
  return result;
}

/**
 * Every mention of a known entity in `text`, longest spelling first: exact (as the graph writes it), folded (other case
 * or accents; still capitalized as a name), or one typo from a long name or an acronym ("UNECO"). Words that name more
 * than one entity are proposed with their candidates and no choice. `skip` leaves out spans (page furniture).
 */
export function linkMentions(text: string, gazetteer: Gazetteer, skip: (start: number) => boolean = () => false): Mention[] {
  const tokens = tokenize(text);
  const sentenceList = sentences(text);
  const sentenceAt = (offset: number) => sentenceList.find((s) => offset >= s.start && offset < s.end);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length;) {
    let found: { spelling: Spelling; length: number; match: MatchKind } | undefined;
    for (let length = Math.min(LONGEST_SPELLING, tokens.length - i); length >= 1 && !found; length--) {
      const run = tokens.slice(i, i + length);
      const spelling = gazetteer.exact(run.map((t) => t.word));
      if (!spelling) continue;
      const written = text.slice(run[0]!.start, run[length - 1]!.end);
      // A one-word name is written with a capital (or a digit): in lower case it is an ordinary word; a longer name
      // may be written in lower case ("developing countries").
      if (length === 1 && !/^[A-Z0-9\u00C0-\u024F]/.test(written)) continue;
      if (spelling.acronym && written !== written.toUpperCase()) continue;
      found = { spelling, length, match: written === spelling.text ? 'exact' : 'folded' };
    }
    if (!found) {
      const token: Token = tokens[i]!;
      const spelling = gazetteer.typo(token.word, text.slice(token.start, token.end));
      if (spelling) found = { spelling, length: 1, match: 'typo' };
    }
    if (!found) {
      i++;
      continue;
    }
    const start = tokens[i]!.start;
    const end = tokens[i + found.length - 1]!.end;
    i += found.length;
    if (skip(start)) continue;
    const sentence = sentenceAt(start) ?? { start, end, text: text.slice(start, end) };
    const ids = [...found.spelling.ids].sort();
    mentions.push({
      entity: ids.length === 1 ? ids[0]! : null,
      ...(ids.length > 1 ? { candidates: ids } : {}),
      surface: text.slice(start, end),
      spelling: found.spelling.text,
      match: found.match,
      confidence: ids.length > 1 ? 0.5 : CONFIDENCE[found.match],
      start,
      end,
      quote: sentence.text,
      quoteStart: sentence.start,
      status: 'proposed',
    });
  }
  return mentions;
}
