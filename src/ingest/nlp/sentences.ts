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
