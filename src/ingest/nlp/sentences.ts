// An opening quote or bracket that the segmenter leaves at the end of a sentence ("是的。“引号。”") opens the next one.
const OPENING_AT_END = /[\s“‘「『《〈（([]+$/u;

/**
 * The sentences of a text with their offsets: paragraphs first (a headline has no full stop), then Intl.Segmenter,
 * which also ends a sentence at the Chinese full stop, exclamation and question marks (。！？).
 */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  const result: { start: number; end: number; text: string }[] = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    // A line break inside a paragraph (a masthead over two lines) does not end a sentence; the segmenter would say it does.
    const line = m[0].replace(/\n/g, ' ');
    let carried = 0;
    for (const segment of segmenter.segment(line)) {
      const from = segment.index - carried;
      const opening = OPENING_AT_END.exec(segment.segment)?.[0] ?? '';
      const own = line.slice(from, segment.index + segment.segment.length - opening.length);
      carried = opening.length;
      const trimmed = own.trim();
      if (!trimmed) continue;
      const start = m.index + from + own.indexOf(trimmed);
      result.push({ start, end: start + trimmed.length, text: trimmed });
    }
  }
  return result;
}
