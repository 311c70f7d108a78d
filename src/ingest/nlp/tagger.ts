import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** wink-nlp with its English lite model (offline, from npm), loaded once for the whole ingester; no other module imports it. */
const nlp = winkNLP(model);
const its = nlp.its;

/** A word of a text with its part-of-speech tag and its offsets in the text given (end exclusive). */
export interface TaggedWord {
  text: string;
  pos: string;
  start: number;
  end: number;
}

/** The words of `text` with their tags and offsets, shifted by `offset` (where the text starts in a larger one). */
export function taggedWords(text: string, offset = 0): TaggedWord[] {
  const result: TaggedWord[] = [];
  let cursor = 0;
  nlp
    .readDoc(text)
    .tokens()
    .each((token: ItemToken) => {
      const word = token.out();
      const at = text.indexOf(word, cursor);
      if (at < 0) return;
      cursor = at + word.length;
      // Tables that lost their borders glue cells together ("Africa156Kenya", "education320United"): such a token
      // is split where letters meet digits, each part tagged on its own.
      const parts = word.length > 3 && /[A-Za-z]\d|\d[A-Za-z]{2}/.test(word) ? word.match(/\d+(?:[.,]\d+)*%?|[^\d]+/g)! : [word];
      let inner = 0;
      for (const part of parts) {
        const pos = parts.length === 1 ? token.out(its.pos) : /^\d/.test(part) ? 'NUM' : /^[A-Z]/.test(part) ? 'PROPN' : 'NOUN';
        result.push({ text: part, pos, start: offset + at + inner, end: offset + at + inner + part.length });
        inner += part.length;
      }
    });
  return result;
}
