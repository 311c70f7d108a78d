import {
  gutters,
  isCaption,
  isPageNumber,
  layoutPages,
  linesOf,
  paragraphs,
  readingOrder,
  type PlacedLine,
  type PlacedText,
} from '../../../src/ingest/source/pdf-layout';

// The layout rules on placed text made here (no PDF): lines, columns, paragraphs, running headers and footers.

const run = (str: string, x: number, y: number, size = 10): PlacedText => ({ str, x, y, width: str.length * size * 0.5, size });
const line = (text: string, x0: number, y: number, size = 10): PlacedLine => ({ text, x0, x1: x0 + text.length * size * 0.5, y, size });
const texts = (lines: PlacedLine[][]) => lines.map((group) => group.map((l) => l.text));

// Two columns of prose, each line about 40 characters (200 points) wide, 100 points apart.
const LEFT = ['The ministry of education asked teachers', 'to describe how they use digital tools in', 'class and what training they still need.'];
const RIGHT = ['The teachers union answered for its own', 'members and asked for paid training time', 'in every school year from now on.'];
const columns = (top: number) => [...LEFT.map((t, i) => line(t, 50, top - i * 13)), ...RIGHT.map((t, i) => line(t, 350, top - i * 13))];

describe('lines of a PDF page', () => {
  it('joins the runs of a baseline, with a space where there is a gap, and splits it at a gutter', () => {
    const lines = linesOf([run('Regional', 50, 700), run('network', 95, 700), run('Right column', 350, 700.5), run('', 200, 700), run('Next', 50, 687)]);
    expect(lines.map((l) => [l.text, l.y])).toEqual([
      ['Regional network', 700],
      ['Right column', 700.5],
      ['Next', 687],
    ]);
  });
});

describe('column order', () => {
  it('reads the left column, then the right one', () => {
    const lines = columns(700).sort((a, b) => b.y - a.y || a.x0 - b.x0);
    expect(gutters(lines)).toHaveLength(1);
    expect(texts(readingOrder(lines))).toEqual([LEFT, RIGHT]);
  });

  it('reads a title across the columns first, and the columns under it after', () => {
    const title = line('A survey of teacher training across three regions', 50, 740, 12);
    const lines = [title, ...columns(700)].sort((a, b) => b.y - a.y || a.x0 - b.x0);
    expect(texts(readingOrder(lines))).toEqual([[title.text], LEFT, RIGHT]);
  });

  it('reads a one-column page and a table of short cells row by row', () => {
    const prose = LEFT.map((t, i) => line(t, 50, 700 - i * 13));
    expect(texts(readingOrder(prose))).toEqual([LEFT]);
    const table = ['Region', 'Schools', 'North', '120', 'South', '95'].map((t, i) => line(t, i % 2 ? 350 : 50, 700 - Math.floor(i / 2) * 13));
    expect(gutters(table)).toEqual([]);
    expect(texts(readingOrder(table))).toEqual([['Region', 'Schools', 'North', '120', 'South', '95']]);
  });
});

describe('paragraphs, captions and page numbers', () => {
  it('joins close lines into a paragraph, rejoins a hyphenated word, and starts a caption apart', () => {
    const blocks = paragraphs([
      line('The observatory trained new educa-', 50, 700),
      line('tion officers in 2024.', 50, 687),
      line('A second paragraph follows later.', 50, 650),
      line('Figure 2: Officers trained, by year.', 50, 637, 8),
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      'The observatory trained new education officers in 2024.',
      'A second paragraph follows later.',
      'Figure 2: Officers trained, by year.',
    ]);
  });

  it('tells captions from running text that names a table', () => {
    expect(isCaption({ text: 'Figure 1: Schools online, by region.', size: 10, lines: 1 }, 10)).toBe(true);
    expect(isCaption({ text: 'Table 2 Hours of training a year', size: 8, lines: 1 }, 10)).toBe(true);
    expect(isCaption({ text: 'Table 2 shows that most ministries train teachers every year, and that ...', size: 10, lines: 3 }, 10)).toBe(false);
    expect(isCaption({ text: 'The figure of 20 schools', size: 8, lines: 1 }, 10)).toBe(false);
  });

  it('knows a page number when it sees one', () => {
    for (const text of ['7', 'Page 7', '7 of 20', '- 7 -', 'vii']) expect(isPageNumber(text)).toBe(true);
    for (const text of ['2024 report', 'Page seven of the plan', 'UNESCO']) expect(isPageNumber(text)).toBe(false);
  });
});

describe('running headers and footers', () => {
  const page = (n: number, top: string) => ({
    width: 600,
    height: 800,
    items: [run('Teacher Policy Digest | issue 4', 50, 770), run(top, 50, 700), run(`Digest ${n} of 3`, 50, 30), run(String(n), 540, 30)],
  });

  it('marks lines repeated in the margins of most pages, and page numbers, as furniture', () => {
    const pages = layoutPages([page(1, 'First page text.'), page(2, 'Second page text.'), page(3, 'Third page text.')]);
    expect(pages[1]!.map((b) => [b.text, b.role])).toEqual([
      ['Teacher Policy Digest | issue 4', 'running header'],
      ['Second page text.', 'body'],
      ['Digest 2 of 3', 'running footer'],
      ['2', 'page number'],
    ]);
  });

  it('keeps a line at the top of one page only (a title) as body text', () => {
    const pages = layoutPages([{ width: 600, height: 800, items: [run('A title at the top', 50, 770), run('Body', 50, 700), run('1', 300, 30)] }]);
    expect(pages[0]!.map((b) => b.role)).toEqual(['body', 'body', 'page number']);
  });

  it('joins a sentence that a page break cuts, before the footer and the next header', () => {
    const pageOf = (n: number, body: string[]) => ({
      width: 600,
      height: 800,
      items: [run('Teacher Policy Digest', 50, 770), ...body.map((t, i) => run(t, 50, 700 - i * 13)), run(String(n), 540, 30)],
    });
    const pages = layoutPages([
      pageOf(1, ['The network trained new teachers in']),
      pageOf(2, ['three regions during 2024.', '', 'A new paragraph.']),
      pageOf(3, ['Ends here.']),
    ]);
    expect(pages.map((blocks) => blocks.map((b) => b.text))).toEqual([
      ['Teacher Policy Digest', 'The network trained new teachers in three regions during 2024.', '1'],
      ['Teacher Policy Digest', 'A new paragraph.', '2'],
      ['Teacher Policy Digest', 'Ends here.', '3'],
    ]);
  });
});
