import path from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { normalizeWhitespace } from '../../seed/corpus';
import { IngestError } from '../ingest-error';
import { TextBuilder, normalizeText, type ExtractedText, type PageMetadata, type Region } from './extract-text';
import { isCaption, layoutPages, type BlockRole, type PageBlock, type PlacedPage, type PlacedText } from './pdf-layout';

type PdfDocument = Awaited<ReturnType<typeof PdfJs.getDocument>['promise']>;

// pdfjs-dist ships ES modules only; Node's own require (require(esm), Node >= 20.19) loads them from this CommonJS
// code under tsx and under jest alike (jest's require would not), and the worker runs in this thread (no worker file).
let loaded: typeof PdfJs | null = null;
function pdfjs(): typeof PdfJs {
  if (loaded) return loaded;
  const nodeRequire = process.getBuiltinModule('module').createRequire(__filename);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = nodeRequire('pdfjs-dist/legacy/build/pdf.worker.mjs');
  loaded = nodeRequire('pdfjs-dist/legacy/build/pdf.mjs') as typeof PdfJs;
  return loaded;
}

/** The folder of the pdfjs-dist package, whose standard fonts and CMaps a PDF that does not embed its fonts needs. */
const pdfjsFolder = () => path.dirname(process.getBuiltinModule('module').createRequire(__filename).resolve('pdfjs-dist/package.json'));

/** Opens a PDF, refusing an encrypted or unreadable one with the file's name and what to do. */
async function openPdf(bytes: Buffer, shown: string): Promise<PdfDocument> {
  const lib = pdfjs();
  const folder = pdfjsFolder();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${path.join(folder, 'standard_fonts')}${path.sep}`,
    cMapUrl: `${path.join(folder, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new IngestError(
        `${shown}: the PDF is encrypted (it asks for a password), so its text cannot be read.`,
        'Open it with its password and save an unprotected copy (for example: qpdf --password=... --decrypt in.pdf out.pdf), then ingest that.',
      );
    }
    throw new IngestError(
      `${shown}: not a readable PDF (${(error as Error).message || 'the file is damaged'}).`,
      'Check that the file is a complete PDF (download it again, or open and re-save it in a PDF viewer), then ingest it again.',
    );
  }
}

/** The text runs of a page, placed: where each starts, its width and font size (from its transform). */
async function placedPage(pdf: PdfDocument, number: number): Promise<PlacedPage> {
  const page = await pdf.getPage(number);
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const items: PlacedText[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    items.push({ str: item.str, x: e! - x0, y: f! - y0, width: item.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) });
  }
  page.cleanup();
  return { width: x1 - x0, height: y1 - y0, items };
}

/** A PDF date ("D:20240305100000Z") as a partial date (YYYY-MM-DD), if it is one. */
export function pdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!match) return undefined;
  return [match[1], match[2], match[3]].filter(Boolean).join('-');
}

// Titles that tools write for a file rather than its author for the document ("Microsoft Word - report.docx").
const TOOL_TITLE = /^(untitled|microsoft (word|powerpoint) - |document\d*$)|\.(docx?|pdf|indd|tex)$/i;

/** What the PDF's document information says: Title, Author (as publisher) and CreationDate, where they are given. */
async function pdfMetadata(pdf: PdfDocument): Promise<PageMetadata> {
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  const text = (key: string) => (typeof info[key] === 'string' ? normalizeWhitespace(info[key]) : '');
  const metadata: PageMetadata = {
    title: TOOL_TITLE.test(text('Title')) ? undefined : text('Title'),
    publisher: text('Author'),
    published: pdfDate(info.CreationDate),
    language: /^[a-z]{2,3}(-[A-Z]{2})?$/.test(text('Language')) ? text('Language') : undefined,
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v)) as PageMetadata;
}

/** The size of the body text: the font size most characters are set in. */
function bodySize(blocks: readonly PageBlock[]): number {
  const chars = new Map<number, number>();
  for (const block of blocks) chars.set(Math.round(block.size * 2) / 2, (chars.get(Math.round(block.size * 2) / 2) ?? 0) + block.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

const FURNITURE_OF: Record<Exclude<BlockRole, 'body'>, Region['kind']> = {
  'running header': 'site header',
  'running footer': 'footer',
  'page number': 'footer',
};

/**
 * The region kind of a block: running headers are the page's header, running footers and page numbers its footer;
 * the largest type at the start of the first page is the headline, larger type elsewhere a heading; captions apart.
 */
function kindOf(block: PageBlock, body: number, headline: PageBlock | undefined): Region['kind'] | 'body' {
  if (block.role !== 'body') return FURNITURE_OF[block.role];
  if (block === headline) return 'headline';
  if (isCaption(block, body)) return 'caption';
  if (block.size >= body * 1.15 && block.text.length <= 200 && block.lines <= 3) return 'heading';
  return 'body';
}

/** The headline: the largest type among the first blocks of the first page, if it is larger than the body's. */
function headlineOf(first: readonly PageBlock[], body: number): PageBlock | undefined {
  const candidates = first.filter((b) => b.role === 'body').slice(0, 5);
  const largest = candidates.reduce<PageBlock | undefined>((best, b) => (!best || b.size > best.size ? b : best), undefined);
  return largest && largest.size >= body * 1.15 && largest.text.length <= 300 ? largest : undefined;
}

/**
 * A PDF's text, page by page in reading order (columns one after the other), with its running headers, footers and
 * page numbers marked as furniture, its headline, headings and captions marked, and its document information; refuses
 * an encrypted, damaged or scanned PDF (no text layer) and one whose text exceeds `maxChars`.
 */
export async function extractPdf(bytes: Buffer, file: string, maxChars: number): Promise<ExtractedText> {
  const shown = path.relative(process.cwd(), file) || file;
  const pdf = await openPdf(bytes, shown);
  try {
    const pages: PlacedPage[] = [];
    let chars = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await placedPage(pdf, number);
      chars += page.items.reduce((n, item) => n + item.str.replace(/\s/g, '').length, 0);
      if (chars > maxChars) {
        throw new IngestError(
          `${shown}: more than ${maxChars.toLocaleString('en')} characters of text by page ${number} of ${pdf.numPages}, more than ingest reads.`,
          'Split the PDF into parts (chapters, sections; for example with qpdf --pages) and ingest each.',
        );
      }
      pages.push(page);
    }
    // Fewer than 20 characters a page: the pages are images of text (a scan), with at most a stray line of text.
    if (chars < 20 * pdf.numPages) {
      throw new IngestError(
        `${shown}: scanned: no text to read (${chars} characters of text on ${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'}), OCR it first.`,
        'Add a text layer with an OCR tool (for example: ocrmypdf in.pdf out.pdf), then ingest the result.',
      );
    }
    const blocks = layoutPages(pages);
    const body = bodySize(blocks.flat().filter((b) => b.role === 'body'));
    const headline = headlineOf(blocks[0] ?? [], body);
    const builder = new TextBuilder();
    for (const block of blocks.flat()) builder.add(block.text, kindOf(block, body, headline));
    const metadata = await pdfMetadata(pdf);
    return { text: normalizeText(builder.result()), regions: builder.regions, metadata: { ...(headline ? { title: headline.text } : {}), ...metadata } };
  } finally {
    await pdf.destroy();
  }
}
