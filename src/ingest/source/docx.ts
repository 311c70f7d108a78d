import path from 'node:path';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { normalizeWhitespace } from '../../seed/corpus';
import { IngestError } from '../ingest-error';
import { fromHtmlFragment, type ExtractedText, type PageMetadata, type Region } from './extract-text';
import { startsAsCaption } from './pdf-layout';

// Word's own title, subtitle and caption styles, besides mammoth's defaults (headings, lists): the HTML path then
// reads them as the headline, a heading and a caption.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Caption'] => figcaption:fresh"];

// The first bytes of an OLE compound file: what Word writes for a password-protected file (and for an old .doc).
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** One file of a zip archive, or null when the archive does not hold it. */
function zipEntry(bytes: Buffer, name: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(null));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The document's core properties (docProps/core.xml): its title, creator (as publisher) and creation date. */
async function coreProperties(bytes: Buffer): Promise<PageMetadata> {
  const xml = await zipEntry(bytes, 'docProps/core.xml');
  if (!xml) return {};
  const document = new JSDOM(xml.toString('utf8'), { contentType: 'application/xml' }).window.document;
  const value = (name: string) => normalizeWhitespace(document.getElementsByTagName(name)[0]?.textContent ?? '');
  const created = /^\d{4}-\d{2}-\d{2}/.exec(value('dcterms:created'))?.[0];
  const metadata: PageMetadata = { title: value('dc:title'), publisher: value('dc:creator'), published: created, language: value('dc:language') };
  if (metadata.language && !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(metadata.language)) delete metadata.language;
  return Object.fromEntries(Object.entries(metadata).filter(([, v]) => v)) as PageMetadata;
}

/** Refuses, with the file's name and what to do, a file that is not a Word (.docx) document. */
function checkDocx(bytes: Buffer, shown: string): void {
  if (bytes.subarray(0, COMPOUND_FILE.length).equals(COMPOUND_FILE)) {
    throw new IngestError(
      `${shown}: an encrypted (password-protected) Word file, or an old binary .doc, whose text cannot be read.`,
      'Open it in Word or LibreOffice, remove the password, and save it as a .docx (Word 2007 or later); then ingest that.',
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new IngestError(
      `${shown}: not a readable Word file (a .docx is a zip archive, and this is not one).`,
      'Check that the file is a complete .docx (download it again, or open and re-save it in Word or LibreOffice), then ingest it again.',
    );
  }
}

/**
 * A Word (.docx) file's text: mammoth converts its body to HTML (headings, lists, tables, captions), which is read as
 * an HTML fragment; the title is the first heading, else the core properties' title, which also give the creator
 * and creation date. Refuses an encrypted or damaged file.
 */
export async function extractDocx(bytes: Buffer, file: string): Promise<ExtractedText> {
  const shown = path.relative(process.cwd(), file) || file;
  checkDocx(bytes, shown);
  let html: string;
  let core: PageMetadata;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP })).value;
    core = await coreProperties(bytes);
  } catch (error) {
    throw new IngestError(
      `${shown}: not a readable Word file (${(error as Error).message}).`,
      'Check that the file is a complete .docx (download it again, or open and re-save it in Word or LibreOffice), then ingest it again.',
    );
  }
  const extracted = fromHtmlFragment(html);
  // A Title-style title and Heading 1 both become <h1>: the first is the headline, the others headings.
  const firstHeadline = extracted.regions.findIndex((r) => r.kind === 'headline');
  const regions = extracted.regions.map((r, i) => (r.kind === 'headline' && i !== firstHeadline ? { ...r, kind: 'heading' as const } : r));
  return { ...extracted, regions: withCaptions({ ...extracted, regions }), metadata: { ...core, ...titleOf(extracted) } };
}

/** The title a Word file gives itself in its body: its first heading (Title style or Heading 1 and below). */
function titleOf(extracted: ExtractedText): PageMetadata {
  const heading = extracted.regions.find((r) => r.kind === 'headline' || r.kind === 'heading')?.text;
  return heading ? { title: heading } : {};
}

/** The regions, with paragraphs that read as captions ("Figure 1: ...") but are not set in Word's Caption style. */
function withCaptions(extracted: ExtractedText): Region[] {
  const regions = [...extracted.regions];
  const paragraphs = extracted.text.split('\n\n');
  paragraphs.forEach((paragraph, i) => {
    if (!startsAsCaption(paragraph) || regions.some((r) => r.text === paragraph)) return;
    // Its occurrence counts the times its text starts in the text up to it, as the seed's layout counts them.
    const upTo = normalizeWhitespace(paragraphs.slice(0, i + 1).join('\n\n'));
    const needle = normalizeWhitespace(paragraph);
    let occurrence = 0;
    for (let at = upTo.indexOf(needle); at >= 0 && at <= upTo.length - needle.length; at = upTo.indexOf(needle, at + 1)) occurrence++;
    regions.push({ kind: 'caption', text: paragraph, ...(occurrence > 1 ? { occurrence } : {}) });
  });
  return regions;
}
