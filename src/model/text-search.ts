/** A word of a text, folded for matching, with its place in the original text (end exclusive). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// One character folded as names are (entity-resolution.ts): accents dropped, lower case; anything else separates words.
function fold(char: string): string {
  return char
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The words of a text as evidence search matches them: runs of letters and digits, folded (case, accents), so that
 * "UNESCO’s" holds the word "unesco" and "Éducation" the word "education".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = fold(text[i]!);
    if (folded.length > 0) {
      if (word === '') start = i;
      word += folded;
    } else if (word !== '') {
      tokens.push({ word, start, end: i });
      word = '';
    }
  }
  if (word !== '') tokens.push({ word, start, end: text.length });
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

/**
 * Where a text names one of the spellings (each a list of folded words, all of which must occur as whole words):
 * the spans of the matched words, in order, or an empty list when no spelling matches.
 */
export function matchSpans(text: string, spellings: readonly (readonly string[])[]): { start: number; end: number }[] {
  const tokens = tokenize(text);
  const present = new Set(tokens.map((t) => t.word));
  const matched = new Set<string>();
  for (const words of spellings) if (words.length > 0 && words.every((w) => present.has(w))) words.forEach((w) => matched.add(w));
  return tokens.filter((t) => matched.has(t.word)).map(({ start, end }) => ({ start, end }));
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

/** The Lucene query that finds candidates for the spellings: all words of one spelling, or of another. */
export function luceneForSpellings(spellings: readonly (readonly string[])[]): string | null {
  const clauses = spellings.filter((words) => words.length > 0).map((words) => `(${words.join(' AND ')})`);
  return clauses.length > 0 ? clauses.join(' OR ') : null;
}
