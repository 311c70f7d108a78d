/** A word of a text, folded for matching, with its place in the original text (end exclusive). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// Characters of the scripts written without spaces between words (Han, kana): each is a word on its own, as Lucene's
// standard tokenizer reads them, so that a name in Chinese is found inside a longer run of characters.
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** Whether a character is of a script written without spaces between words (Chinese, Japanese kana). */
export function isUnspaced(char: string): boolean {
  return UNSPACED.test(char);
}

// One character folded as names are (entity-resolution.ts): accents dropped, lower case, letters and digits of any
// script kept; anything else separates words.
function fold(char: string): string {
  return char
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The words of a text as evidence search matches them: runs of letters and digits of any script, folded (case,
 * accents), so that "UNESCO’s" holds the word "unesco" and "Éducation" the word "education"; a Chinese character is a
 * word of its own ("教科文" holds "教", "科", "文").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let start = 0;
  const close = (end: number) => {
    if (word !== '') tokens.push({ word, start, end });
    word = '';
  };
  let i = 0;
  // By code point, so that a character outside the basic plane (a rare Han character) is never cut in two.
  for (const char of text) {
    const folded = fold(char);
    if (folded.length > 0 && isUnspaced(char)) {
      close(i);
      tokens.push({ word: folded, start: i, end: i + char.length });
    } else if (folded.length > 0) {
      if (word === '') start = i;
      word += folded;
    } else close(i);
    i += char.length;
  }
  close(text.length);
  return tokens;
}

/** Quotes as the full-text index reads them: their folded words, one quote per line, so that Lucene splits words as we do. */
export function indexedEvidenceText(quotes: readonly string[]): string {
  return quotes
    .map((quote) =>
      tokenize(quote)
        .map((t) => t.word)
        .join(' '),
    )
    .join('\n');
}

/** Whether a spelling's words are all characters of an unspaced script: such a spelling matches only as a run. */
const unspacedSpelling = (words: readonly string[]) => words.length > 0 && words.every((w) => [...w].length === 1 && isUnspaced(w));

/**
 * Where a text names one of the spellings (each a list of folded words, all of which must occur as whole words; a
 * spelling in Chinese characters as the run of them): the spans of the matched words, in order, or an empty list when
 * no spelling matches.
 */
export function matchSpans(text: string, spellings: readonly (readonly string[])[]): { start: number; end: number }[] {
  const tokens = tokenize(text);
  const present = new Set(tokens.map((t) => t.word));
  const matched = new Set<string>();
  const inRuns = new Set<number>();
  for (const words of spellings) {
    if (unspacedSpelling(words)) {
      for (let i = 0; i + words.length <= tokens.length; i++) {
        if (words.every((w, k) => tokens[i + k]!.word === w)) words.forEach((_, k) => inRuns.add(i + k));
      }
    } else if (words.length > 0 && words.every((w) => present.has(w))) words.forEach((w) => matched.add(w));
  }
  return tokens.filter((t, i) => matched.has(t.word) || inRuns.has(i)).map(({ start, end }) => ({ start, end }));
}

/** A text with the given spans wrapped in ** (Markdown bold), readable as plain text and in notebooks. */
export function highlight(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)}**${text.slice(span.start, span.end)}**`;
    at = span.end;
  }
  return out + text.slice(at);
}

/** A word as a Lucene term; a run of Chinese characters as a phrase, so that an analyzer that splits it keeps it whole. */
export function luceneTerm(word: string): string {
  return [...word].length > 1 && [...word].some(isUnspaced) ? `"${word}"` : word;
}

/**
 * The Lucene query that finds candidates for the spellings: all words of one spelling, or of another; a spelling in
 * Chinese characters as the phrase of them.
 */
export function luceneForSpellings(spellings: readonly (readonly string[])[]): string | null {
  const clauses = spellings
    .filter((words) => words.length > 0)
    .map((words) => (unspacedSpelling(words) && words.length > 1 ? `"${words.join(' ')}"` : `(${words.map(luceneTerm).join(' AND ')})`));
  return clauses.length > 0 ? clauses.join(' OR ') : null;
}
