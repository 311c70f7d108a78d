import { tokenize, type Token } from '../../model/text-search';
import { sentences } from '../nlp/sentences';
import { inFurniture, located, type Extractor, type MatchKind, type Mention } from './extractor';
import { LONGEST_SPELLING, type Gazetteer, type Spelling } from './gazetteer';

const CONFIDENCE: Record<MatchKind, number> = { exact: 0.98, folded: 0.9, typo: 0.75 };

/**
 * Every mention of a known entity in `text`, longest spelling first: exact (as the graph writes it), folded (other case
 * or accents; still capitalized as a name), or one typo from a long name or an acronym ("UNECO"). Words that name more
 * than one entity are proposed with their candidates and no choice. `skip` leaves out spans (page furniture).
 */
export function linkMentions(text: string, gazetteer: Gazetteer, skip: (start: number) => boolean = () => false): Mention[] {
  return mentionsIn(text, sentences(text), gazetteer, skip);
}

/** linkMentions with the sentences already found (the segment stage's), for the quotes. */
function mentionsIn(
  text: string,
  sentenceList: readonly { start: number; end: number; text: string }[],
  gazetteer: Gazetteer,
  skip: (start: number) => boolean,
): Mention[] {
  const tokens = tokenize(text);
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

/** Why a mention is proposed, in words. */
const reasonOf = (m: Mention) =>
  m.entity ? `${m.match} match of the spelling "${m.spelling}"` : `"${m.spelling}" spells ${m.candidates!.length} entities: ${m.candidates!.join(', ')}`;

/** Links the passages that name known entities (the gazetteer's spellings), outside page furniture. */
export const mentionExtractor: Extractor = {
  name: 'mentions',
  kinds: ['mention'],
  extract: (document, { known }) =>
    mentionsIn(document.text, document.sentences, known, (at) => inFurniture(document, at)).map((mention) => ({
      kind: 'mention' as const,
      mention,
      ...located(document, mention.start, mention.end, mention.confidence, reasonOf(mention)),
    })),
};
