import { normalizeWhitespace } from '../../seed/corpus';

/** A run of text as a PDF page places it: its words, where its baseline starts (x, y from the bottom), its width and font size. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A page's size and the text placed on it. */
export interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
}

/** A line (or the part of a line in one column): its text, its left and right edges, its baseline and font size. */
export interface PlacedLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** What a block of a page is, as the layout shows it; the reader of the PDF turns it into a region kind. */
export type BlockRole = 'body' | 'running header' | 'running footer' | 'page number';

/** A paragraph of a page (lines read together), with its font size and what the layout says it is. */
export interface PageBlock {
  text: string;
  size: number;
  lines: number;
  role: BlockRole;
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Joins the runs of one line, adding a space where the gap between two runs is wider than a letter's spacing. */
function joinRuns(runs: PlacedText[]): PlacedLine {
  let text = '';
  let end = runs[0]!.x;
  for (const run of runs) {
    const gap = run.x - end;
    if (text && gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  const size = Math.max(...runs.map((r) => r.size));
  return { text: normalizeWhitespace(text), x0: runs[0]!.x, x1: end, y: runs[0]!.y, size };
}

/**
 * The lines of a page: runs on one baseline, left to right, split where a gap is wider than two letters (the gutter
 * between columns), so that a line never spans two columns; top to bottom.
 */
export function linesOf(items: readonly PlacedText[]): PlacedLine[] {
  const runs = items.filter((item) => item.str.trim() !== '' && item.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PlacedText[][] = [];
  for (const run of runs) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - run.y) <= Math.min(row[0]!.size, run.size) * 0.4) row.push(run);
    else rows.push([run]);
  }
  const lines: PlacedLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let part: PlacedText[] = [];
    for (const run of row) {
      const last = part[part.length - 1];
      if (last && run.x - (last.x + last.width) > Math.max(run.size, last.size) * 1.5) {
        lines.push(joinRuns(part));
        part = [];
      }
      part.push(run);
    }
    if (part.length > 0) lines.push(joinRuns(part));
  }
  return lines;
}

/** The x ranges inside the text that at most `allowance` of the lines cross, at least `minimum` wide. */
function gaps(lines: readonly PlacedLine[], left: number, right: number, minimum: number, allowance: number): [number, number][] {
  const covered = new Uint16Array(Math.ceil(right - left) + 1);
  for (const line of lines) for (let x = Math.floor(line.x0 - left); x <= Math.ceil(line.x1 - left) && x < covered.length; x++) covered[x]!++;
  const found: [number, number][] = [];
  for (let at = 0; at < covered.length; at++) {
    if (covered[at]! > allowance) continue;
    let end = at;
    while (end + 1 < covered.length && covered[end + 1]! <= allowance) end++;
    if (at > 0 && end < covered.length - 1 && end - at + 1 >= minimum) found.push([left + at, left + end]);
    at = end;
  }
  return found;
}

/**
 * The gutters between the columns of a page's body: x ranges that (nearly) no narrow line crosses, with lines on both
 * sides that stand side by side and fill their column as prose does (a table's short cells do not make columns).
 */
export function gutters(lines: readonly PlacedLine[]): [number, number][] {
  if (lines.length < 4) return [];
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const narrow = lines.filter((l) => l.x1 - l.x0 < (right - left) * 0.6);
  // A short title may cross the gutter: one line, or a tenth of the lines, may, and is read as a full-width line.
  const found = gaps(narrow, left, right, Math.max(6, median(lines.map((l) => l.size))), Math.max(1, Math.floor(narrow.length / 10)));
  const fills = (side: PlacedLine[], width: number) => median(side.map((l) => l.x1 - l.x0)) >= width * 0.6;
  return found.filter(([from, to], i) => {
    const start = i > 0 ? found[i - 1]![1] : left;
    const end = i + 1 < found.length ? found[i + 1]![0] : right;
    const before = narrow.filter((l) => l.x0 >= start - 1 && l.x1 <= from);
    const after = narrow.filter((l) => l.x0 >= to && l.x1 <= end + 1);
    const sideBySide = before.some((b) => after.some((a) => Math.abs(a.y - b.y) <= Math.max(a.size, b.size) * 2));
    return before.length >= 2 && after.length >= 2 && sideBySide && fills(before, from - start) && fills(after, end - to);
  });
}

/**
 * A page's lines in reading order, in groups read as one flow: a line that crosses a gutter (a title, a full-width
 * figure caption) ends the columns above it; between two such lines, each column is read top to bottom, left first.
 */
export function readingOrder(lines: readonly PlacedLine[]): PlacedLine[][] {
  const cuts = gutters(lines);
  if (cuts.length === 0) return lines.length > 0 ? [[...lines]] : [];
  // A gutter's middle tells the columns apart: a line may reach into a gutter, and one that crosses its middle spans it.
  const middles = cuts.map(([from, to]) => (from + to) / 2);
  const column = (line: PlacedLine) => middles.filter((middle) => line.x0 >= middle).length;
  const crosses = (line: PlacedLine) => middles.some((middle) => line.x0 < middle && line.x1 > middle);
  const groups: PlacedLine[][] = [];
  let band: PlacedLine[][] = cuts.map(() => []).concat([[]]);
  const flush = () => {
    for (const lines of band) if (lines.length > 0) groups.push(lines);
    band = cuts.map(() => []).concat([[]]);
  };
  for (const line of lines) {
    if (crosses(line)) {
      flush();
      groups.push([line]);
    } else band[column(line)]!.push(line);
  }
  flush();
  return groups;
}

// A caption's first words: "Figure 1:", "Table 2.", "Fig. 3 -", "Chart 4", "Box 1.2".
const CAPTION_START = /^(figure|fig\.|table|chart|graph|box|map|exhibit|photo|image|diagram)\s+[0-9]+[a-z]?(\.[0-9]+)?(\s*[:.\u2013\u2014-]\s|\s)/i;
const CAPTION_WITH_MARK = /^(figure|fig\.|table|chart|graph|box|map|exhibit|photo|image|diagram)\s+[0-9]+[a-z]?(\.[0-9]+)?\s*[:.\u2013\u2014-]\s/i;

/** Whether a paragraph starts as a caption does, with its mark: "Figure 1:", "Table 2.", "Chart 3 -". */
export const startsAsCaption = (text: string): boolean => CAPTION_WITH_MARK.test(text);

/**
 * Whether a block is a caption: it starts "Figure 1:", "Table 2." and the like; without the colon or stop, only when it
 * is set smaller than the body or is a single line ("Table 2 shows ..." in running text is not a caption).
 */
export function isCaption(block: Pick<PageBlock, 'text' | 'size' | 'lines'>, bodySize: number): boolean {
  if (CAPTION_WITH_MARK.test(block.text)) return true;
  return CAPTION_START.test(block.text) && (block.size < bodySize * 0.95 || block.lines === 1);
}

/** Joins two pieces of a paragraph, rejoining a word hyphenated across the break ("educa-" "tion"). */
const joinText = (text: string, next: string): string =>
  /[a-z]-$/.test(text) && /^[a-z]/.test(next) ? text.slice(0, -1) + next : text ? `${text} ${next}` : next;

/** Joins the lines of a paragraph. */
const joinLines = (lines: readonly PlacedLine[]): string => lines.reduce((text, line) => joinText(text, line.text), '');

/**
 * The paragraphs of one flow of lines: a line joins the paragraph above when it follows it closely (at most 1.6 lines
 * down), in the same font size, and does not start a caption.
 */
export function paragraphs(lines: readonly PlacedLine[], role: BlockRole = 'body'): PageBlock[] {
  const blocks: PlacedLine[][] = [];
  for (const line of lines) {
    const current = blocks[blocks.length - 1];
    const previous = current?.[current.length - 1];
    const follows =
      previous !== undefined &&
      previous.y > line.y &&
      previous.y - line.y <= Math.max(previous.size, line.size) * 1.6 &&
      Math.abs(previous.size - line.size) < 0.5 &&
      !CAPTION_START.test(line.text);
    if (current && follows) current.push(line);
    else blocks.push([line]);
  }
  return blocks.map((block) => ({ text: joinLines(block), size: median(block.map((l) => l.size)), lines: block.length, role }));
}

// A page number as printed: "7", "Page 7", "7 of 20", "- 7 -", "vii".
const PAGE_NUMBER = /^[-\u2013\u2014\s]*(page\s+)?([0-9]{1,4}|[ivxlc]{1,7})(\s*(of|\/)\s*[0-9]{1,4})?[-\u2013\u2014\s]*$/i;

/** Whether a line is nothing but a page number. */
export const isPageNumber = (text: string): boolean => PAGE_NUMBER.test(normalizeWhitespace(text));

/** A line's text with its numbers blanked, so that "Annual report 2024 | 7" and "... | 8" repeat. */
const repeatKey = (text: string) =>
  normalizeWhitespace(text)
    .toLowerCase()
    .replace(/[0-9]+/g, '#');

// How much of a page's height, at the top and at the bottom, running headers and footers may take.
const MARGIN = 0.1;

/** What part of each page a line is in: the top margin, the bottom margin, or the body. */
const zoneOf = (line: PlacedLine, page: PlacedPage): 'top' | 'bottom' | 'body' =>
  line.y >= page.height * (1 - MARGIN) ? 'top' : line.y <= page.height * MARGIN ? 'bottom' : 'body';

/**
 * The keys of the lines that repeat in the top or bottom margin of most pages (at least half, and at least two): the
 * running headers and footers.
 */
function runningLines(pages: readonly { page: PlacedPage; lines: PlacedLine[] }[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { page, lines } of pages) {
    const keys = new Set(lines.filter((l) => zoneOf(l, page) !== 'body').map((l) => repeatKey(l.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([key]) => key));
}

/**
 * The blocks of every page in reading order: its running header, its body (columns in order, paragraphs joined) and
 * its running footer and page number, each block with the role the layout gives it.
 */
export function layoutPages(pages: readonly PlacedPage[]): PageBlock[][] {
  const lined = pages.map((page) => ({ page, lines: linesOf(page.items) }));
  const running = runningLines(lined);
  const laid = lined.map(({ page, lines }) => {
    const roleOf = (line: PlacedLine): BlockRole | null => {
      const zone = zoneOf(line, page);
      if (zone === 'body') return null;
      if (isPageNumber(line.text)) return 'page number';
      if (running.has(repeatKey(line.text))) return zone === 'top' ? 'running header' : 'running footer';
      return null;
    };
    const furniture = lines.filter((l) => roleOf(l) !== null);
    const body = lines.filter((l) => roleOf(l) === null);
    const top = furniture.filter((l) => zoneOf(l, page) === 'top');
    const bottom = furniture.filter((l) => zoneOf(l, page) === 'bottom');
    const asBlocks = (group: PlacedLine[]) => group.map((l) => ({ text: l.text, size: l.size, lines: 1, role: roleOf(l)! }));
    return [...asBlocks(top), ...readingOrder(body).flatMap((flow) => paragraphs(flow)), ...asBlocks(bottom)];
  });
  return joinAcrossPages(laid);
}

/**
 * Joins a paragraph that a page break cuts: when a page's last paragraph ends mid-sentence and the next page's first
 * starts in lower case, in the same type, the second part joins the first (before the page's footer and the next
 * page's header), so that its sentence is read whole.
 */
export function joinAcrossPages(pages: readonly PageBlock[][]): PageBlock[][] {
  const joined = pages.map((blocks) => [...blocks]);
  for (let n = 0; n + 1 < joined.length; n++) {
    const page = joined[n]!;
    const next = joined[n + 1]!;
    const last = page.findLastIndex((b) => b.role === 'body');
    const first = next.findIndex((b) => b.role === 'body');
    if (last < 0 || first < 0) continue;
    const [end, start] = [page[last]!, next[first]!];
    if (/[.!?:;"\u201d\u2019)\]]$/.test(end.text) || !/^[a-z]/.test(start.text) || Math.abs(end.size - start.size) >= 0.5) continue;
    if (CAPTION_START.test(end.text)) continue;
    page[last] = { ...end, text: joinText(end.text, start.text), lines: end.lines + start.lines };
    next.splice(first, 1);
  }
  return joined;
}
