import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import type { EvidencePosition, FurnitureKind } from '../../model/evidence';
import { normalizeWhitespace } from '../../seed/corpus';
import type { SourceFile } from './read-source';

/** A region of the extracted text as the seed's layout.json marks it (body text is left unmarked). */
export interface Region {
  kind: FurnitureKind | Exclude<EvidencePosition, 'body'>;
  text: string;
  occurrence?: number;
}

/** What a page says about itself, when it says it. */
export interface PageMetadata {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  language?: string;
}

/** A source's text as the graph stores it (reading order, one block per paragraph), its marked regions and metadata. */
export interface ExtractedText {
  text: string;
  regions: Region[];
  metadata: PageMetadata;
}

// Lines that are page furniture whatever the page: share prompts, newsletter boxes, "related" lists, test strings.
const FURNITURE_LINES: [RegExp, FurnitureKind][] = [
  [
    /^(share( (to|on|this|via)\b.*)?|scan the qr code.*|.*\bqr code to (share|read|follow)\b.*|tweet|wechat|weibo|facebook|linkedin|print|email)$/i,
    'share button',
  ],
  [/^.{0,80}\b(subscribe|newsletter|sign up for (our|the)|get (our|the) latest)\b.{0,80}$/i, 'newsletter'],
  [
    /^(related( articles| posts| news| stories| reading)?|read more|more from .{1,40}|you may also like|recommended( for you)?|popular( posts)?|(next|previous) (article|post|story))\s*:?$/i,
    'related link',
  ],
  [/^(.*\btest test\b.*)$/i, 'test string'],
];

/** The furniture kind of a line of text, if it is furniture by its words alone. */
export function furnitureLine(line: string): FurnitureKind | null {
  const text = normalizeWhitespace(line);
  if (text.length === 0 || text.length > 200) return null;
  return FURNITURE_LINES.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

// Containers whose whole text is furniture, by element or by class and id.
const FURNITURE_ELEMENTS: Record<string, FurnitureKind> = { NAV: 'navigation', FOOTER: 'footer', HEADER: 'site header', ASIDE: 'related link' };
const FURNITURE_NAMES: [RegExp, FurnitureKind][] = [
  [/share|social|qr-?code/i, 'share button'],
  [/newsletter|subscribe|signup/i, 'newsletter'],
  [/related|recommend|more-stories|read-more|popular/i, 'related link'],
  [/\b(nav|menu|breadcrumb)/i, 'navigation'],
  [/footer|copyright/i, 'footer'],
  [/masthead|site-header|banner/i, 'site header'],
];

type El = { tagName: string; className?: string; id?: string; parentElement: El | null; textContent: string | null; children: ArrayLike<El> };
type Doc = JSDOM['window']['document'];
/** A DOM for a page; jsdom runs no script and loads nothing (its defaults), so a page cannot reach out. */
const parseHTML = (html: string) => ({ document: new JSDOM(html).window.document });
const childrenOf = (element: El): El[] => Array.from(element.children);

/** The furniture kind an element belongs to through itself or an ancestor (below the main article, if any). */
function furnitureContainer(element: El | null, stopAt: El | null): FurnitureKind | null {
  for (let e = element; e && e !== stopAt; e = e.parentElement) {
    const byTag = FURNITURE_ELEMENTS[e.tagName];
    if (byTag) return byTag;
    const names = `${typeof e.className === 'string' ? e.className : ''} ${e.id ?? ''}`;
    const byName = FURNITURE_NAMES.find(([pattern]) => pattern.test(names));
    if (byName) return byName[1];
  }
  return null;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'FIGCAPTION', 'CAPTION', 'TR', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'TIME', 'ADDRESS']);
const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'FIGURE',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'THEAD',
  'BODY',
  'FORM',
  'SPAN',
  'A',
  'BUTTON',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'HEAD', 'IMG', 'INPUT', 'SELECT', 'TEXTAREA']);

/** The position a block of the article gives its quotes. */
function positionOf(element: El): Region['kind'] | 'body' {
  switch (element.tagName) {
    case 'H1':
      return 'headline';
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
      return 'heading';
    case 'FIGCAPTION':
    case 'CAPTION':
      return 'caption';
    case 'LI':
    case 'DT':
    case 'DD':
      return 'list';
    case 'TR':
      return 'table';
    case 'TIME':
      return 'dateline';
    default: {
      // A paragraph that holds nothing but a date is the dateline.
      const only = childrenOf(element);
      return only.length === 1 &&
        only[0]!.tagName === 'TIME' &&
        normalizeWhitespace(only[0]!.textContent ?? '') === normalizeWhitespace(element.textContent ?? '')
        ? 'dateline'
        : 'body';
    }
  }
}

/** The text of a block: its words with single spaces, table cells apart. */
function blockText(element: El): string {
  if (element.tagName === 'TR')
    return childrenOf(element)
      .map((cell) => normalizeWhitespace(cell.textContent ?? ''))
      .join('\t');
  return normalizeWhitespace(element.textContent ?? '');
}

/** Builds the stored text from blocks, marking regions; a region's occurrence is counted in the text so far. */
export class TextBuilder {
  private text = '';
  readonly regions: Region[] = [];

  add(text: string, kind: Region['kind'] | 'body'): void {
    const block = text.trim();
    if (!block) return;
    const lineKind = kind === 'body' || kind === 'list' ? (furnitureLine(block) ?? kind) : kind;
    if (this.text) this.text += '\n\n';
    this.text += block;
    if (lineKind === 'body') return;
    // The block ends the text so far: its occurrence is how many times its text starts there or before.
    const all = normalizeWhitespace(this.text);
    const needle = normalizeWhitespace(block);
    const own = all.length - needle.length;
    let occurrence = 0;
    for (let at = all.indexOf(needle); at >= 0 && at <= own; at = all.indexOf(needle, at + 1)) occurrence++;
    this.regions.push({ kind: lineKind, text: block, ...(occurrence > 1 ? { occurrence } : {}) });
  }

  result(): string {
    return this.text;
  }
}

/** Walks a DOM in reading order, adding each block of text with its kind. */
function walk(root: El, builder: TextBuilder, kindOf: (element: El) => Region['kind'] | 'body'): void {
  for (const child of childrenOf(root)) {
    if (SKIPPED.has(child.tagName)) continue;
    const hasBlockChildren = childrenOf(child).some((c) => BLOCKS.has(c.tagName) || (CONTAINERS.has(c.tagName) && c.tagName !== 'SPAN' && c.tagName !== 'A'));
    if (BLOCKS.has(child.tagName) && !(child.tagName === 'LI' && hasBlockChildren) && child.tagName !== 'BLOCKQUOTE') {
      builder.add(blockText(child), kindOf(child));
    } else if (hasBlockChildren || child.tagName === 'BLOCKQUOTE' || child.tagName === 'TABLE' || child.tagName === 'TBODY' || child.tagName === 'THEAD') {
      walk(child, builder, kindOf);
    } else {
      builder.add(blockText(child), kindOf(child));
    }
  }
}

/** Normalizes a text as the graph stores it: NFC, LF line ends, no trailing spaces, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const meta = (document: Doc, ...selectors: string[]) => {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute(selector.startsWith('link') ? 'href' : selector.startsWith('time') ? 'datetime' : 'content');
    if (value && value.trim()) return value.trim();
  }
  return undefined;
};

function pageMetadata(document: Doc): PageMetadata {
  const published = meta(
    document,
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  );
  const language = document.documentElement?.getAttribute('lang')?.trim();
  const metadata: PageMetadata = {
    title:
      meta(document, 'meta[property="og:title"]') ??
      (normalizeWhitespace(document.querySelector('h1')?.textContent ?? '') || normalizeWhitespace(document.querySelector('title')?.textContent ?? '')),
    publisher: meta(document, 'meta[property="og:site_name"]', 'meta[name="publisher"]'),
    published: published && /^\d{4}(-\d{2}(-\d{2})?)?/.exec(published)?.[0],
    url: meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]'),
    language: language ? language.replace(/_/g, '-') : undefined,
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v)) as PageMetadata;
}

/** An HTML page's text: the main content that Readability finds is the article; what lies outside it is furniture. */
function fromHtml(raw: string, isFragment: boolean): ExtractedText {
  const { document } = parseHTML(isFragment ? `<!doctype html><html><body>${raw}</body></html>` : raw);
  const metadata = isFragment ? {} : pageMetadata(document);
  // Readability works on (and changes) a copy; its article's block texts tell the page's main content apart.
  let article: Set<string> | null = null;
  if (!isFragment) {
    const copy = parseHTML(raw).document;
    const parsed = new Readability(copy as never, { charThreshold: 200 }).parse();
    if (parsed?.content) {
      const content = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document;
      article = new Set();
      for (const element of content.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, figcaption, caption, tr, blockquote, pre, dt, dd, td, div, span')) {
        const text = normalizeWhitespace(element.textContent ?? '');
        if (text) article.add(text);
      }
      if (parsed.title) article.add(normalizeWhitespace(parsed.title));
    }
  }
  const builder = new TextBuilder();
  const body = document.body as unknown as El;
  walk(body, builder, (element) => {
    const container = furnitureContainer(element, body);
    const text = normalizeWhitespace(element.textContent ?? '');
    const position = positionOf(element);
    // The headline and dateline often sit in the page's header; they are the article's, not furniture.
    if (position === 'headline' || (position === 'dateline' && !container)) return position;
    const byWords = furnitureLine(text);
    if (byWords) return byWords;
    if (container) return container;
    if (article && !article.has(text)) return 'related link';
    return position;
  });
  return { text: normalizeText(builder.result()), regions: builder.regions, metadata };
}

/**
 * Plain text: paragraphs as written; a short first line is the headline; furniture lines are marked, and after a
 * "Related articles" or "Next article" line, the bulleted items and their date lines are related links too.
 */
function fromText(raw: string): ExtractedText {
  const text = normalizeText(raw);
  const builder = new TextBuilder();
  const paragraphs = text.split(/\n/).filter((line) => line.trim() !== '');
  let inRelated = false;
  paragraphs.forEach((paragraph, i) => {
    const first = i === 0 && paragraph.length <= 200 && paragraphs.length > 1 && !/[.!?]$/.test(paragraph.trim());
    const line = paragraph.trim();
    if (furnitureLine(line) === 'related link') inRelated = true;
    else if (inRelated && !/^([•·*–-]\s|\d{4}-\d{2}-\d{2}\b)/.test(line)) inRelated = false;
    builder.add(paragraph, first ? 'headline' : inRelated ? 'related link' : 'body');
  });
  // The stored text is the file's own (normalized), not a rebuilt one, so that quotes are the author's lines.
  return { text, regions: builder.regions.filter((r) => text.includes(r.text)), metadata: {} };
}

/** The text and regions of an HTML fragment (a converted Word file's body), read as Markdown's HTML is. */
export function fromHtmlFragment(html: string): ExtractedText {
  return fromHtml(html, true);
}

/** The text, regions and metadata of a source file, by its format. */
export function extractText(source: SourceFile): ExtractedText {
  if (source.format === 'html') return fromHtml(source.raw, false);
  if (source.format === 'markdown') {
    const html = marked.parse(source.raw, { async: false, gfm: true });
    const extracted = fromHtml(html, true);
    const heading = /^#\s+(.+)$/m.exec(source.raw)?.[1];
    return { ...extracted, metadata: heading ? { title: normalizeWhitespace(heading.replace(/[*_`]/g, '')) } : {} };
  }
  return fromText(source.raw);
}

/** The SHA-256 of a text as the graph stores it (normalized), the same for a seed document and a draft. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex');
}
