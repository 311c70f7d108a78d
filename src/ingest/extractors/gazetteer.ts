import { distance } from 'fastest-levenshtein';
import { tokenize } from '../../model/text-search';

/** An entity as the gazetteer knows it: its id, type and every way the graph spells it. */
export interface KnownEntity {
  id: string;
  type: string;
  name: string;
  spellings: string[];
  /** Its curated values of the properties another source may state otherwise (model/claims.ts), when known. */
  properties?: Record<string, string>;
}

/**
 * The longest spelling, in words, the gazetteer holds: a Chinese character is a word of its own, so that
 * "联合国教科文组织高等教育创新中心" (16) fits.
 */
export const LONGEST_SPELLING = 24;

export interface Spelling {
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
