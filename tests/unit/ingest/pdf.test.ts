import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestError } from '../../../src/ingest/ingest-error';
import { segment } from '../../../src/ingest/pipeline/segment';
import { readAndExtract } from '../../../src/ingest/source/extract-source';
import { extractPdf, pdfDate } from '../../../src/ingest/source/pdf';
import { readBinarySource } from '../../../src/ingest/source/read-source';
import { PROJECT_ROOT } from '../../../src/project-root';
import { REPORT_COLUMNS, REPORT_TITLE, oneColumnNote, scannedPdf, twoColumnReport } from '../../helpers/make-documents';

// PDFs made here with pdf-lib (and one encrypted with qpdf, committed): text by page in column order, furniture,
// captions, document information, and a clear refusal for what cannot be read.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return `${(error as IngestError).message} ${(error as IngestError).hint}`;
  }
  throw new Error('expected the ingester to refuse');
}

describe('reading a PDF', () => {
  it('reads page by page, each column top to bottom, the title first', async () => {
    const { text } = await extractPdf(Buffer.from(await twoColumnReport()), 'report.pdf', 100_000);
    const order = [REPORT_TITLE, ...REPORT_COLUMNS.flat()].map((paragraph) => text.indexOf(paragraph));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // A paragraph is one block, whatever its lines were.
    expect(text).toContain('Its researchers asked how teachers are trained to use digital tools in their classrooms.');
  });

  it('marks running headers, footers and page numbers as furniture, and keeps captions and the headline', async () => {
    const extracted = await extractPdf(Buffer.from(await twoColumnReport()), 'report.pdf', 100_000);
    const regions = extracted.regions.map((r) => [r.kind, r.text]);
    expect(regions.filter(([kind]) => kind === 'site header')).toEqual([
      ['site header', 'Education Policy Review | Spring 2025'],
      ['site header', 'Education Policy Review | Spring 2025'],
    ]);
    expect(regions.filter(([kind]) => kind === 'footer').map(([, text]) => text)).toEqual([
      'Global Learning Observatory, working paper 12',
      '1',
      'Global Learning Observatory, working paper 12',
      '2',
    ]);
    expect(regions.filter(([kind]) => kind === 'caption').map(([, text]) => text)).toEqual([
      'Figure 1: Schools with a broadband link, by region.',
      'Table 2 Hours of teacher training a year',
    ]);
    expect(regions.find(([kind]) => kind === 'headline')).toEqual(['headline', REPORT_TITLE]);
    // The regions are found again where the seed's layout would find them; furniture is set apart for the extractors.
    const document = segment('doc:report', extracted);
    expect(document.furniture.map((r) => document.text.slice(r.start, r.end))).toEqual([
      'Education Policy Review | Spring 2025',
      'Global Learning Observatory, working paper 12',
      '1',
      'Education Policy Review | Spring 2025',
      'Global Learning Observatory, working paper 12',
      '2',
    ]);
  });

  it('takes title, publisher and date from the document information, else the title from the headline', async () => {
    const report = await extractPdf(Buffer.from(await twoColumnReport()), 'report.pdf', 100_000);
    expect(report.metadata).toEqual({ title: REPORT_TITLE, publisher: 'Global Learning Observatory', published: '2025-03-14' });
    const note = await extractPdf(Buffer.from(await oneColumnNote()), 'note.pdf', 100_000);
    expect(note.metadata).toEqual({ title: 'Alliance Opens a Call for Rural Schools', publisher: 'Open Schools Alliance', published: '2024-11-02' });
    expect(note.text).toMatch(/^Alliance Opens a Call for Rural Schools\n\nThe Open Schools Alliance opened a call .* that support the call\.$/);
    expect(pdfDate("D:20250314090000+01'00'")).toBe('2025-03-14');
    expect(pdfDate('D:2019')).toBe('2019');
    expect(pdfDate('yesterday')).toBeUndefined();
  });

  it('reads a .pdf file by its extension, with the larger size limit of binary files', async () => {
    const file = write('report.pdf', await twoColumnReport());
    const { source, extracted } = await readAndExtract(file);
    expect(source.format).toBe('pdf');
    expect(extracted.metadata.title).toBe(REPORT_TITLE);
    expect(await refusal(async () => readBinarySource(file, 'pdf', 100))).toMatch(/report\.pdf: [\d,]+ bytes, more than the 100 bytes ingest reads/);
  });
});

describe('a PDF ingest cannot read', () => {
  it('refuses a scanned PDF (no text layer): OCR it first', async () => {
    const message = await refusal(async () => readAndExtract(write('scan.pdf', await scannedPdf())));
    expect(message).toMatch(/scan\.pdf: scanned: no text to read \(0 characters of text on 2 pages\), OCR it first\./);
    expect(message).toMatch(/ocrmypdf/);
  });

  it('refuses an encrypted PDF, saying how to decrypt it', async () => {
    const message = await refusal(async () => readAndExtract(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest-formats', 'encrypted.pdf')));
    expect(message).toMatch(/encrypted\.pdf: the PDF is encrypted \(it asks for a password\)/);
    expect(message).toMatch(/qpdf --password=\.\.\. --decrypt/);
  });

  it('refuses a damaged PDF and a file that is no PDF at all', async () => {
    expect(await refusal(async () => readAndExtract(write('broken.pdf', '%PDF-1.7\nnothing follows')))).toMatch(/broken\.pdf: not a readable PDF/);
    expect(await refusal(async () => readAndExtract(write('page.pdf', '<html><body>Not a PDF</body></html>')))).toMatch(/page\.pdf: not a readable PDF/);
    expect(await refusal(async () => readAndExtract(write('nothing.pdf', '')))).toMatch(/nothing\.pdf: the file is empty/);
  });

  it('refuses a PDF whose text is longer than ingest reads, naming the page', async () => {
    const message = await refusal(async () => extractPdf(Buffer.from(await twoColumnReport()), 'long.pdf', 300));
    expect(message).toMatch(/long\.pdf: more than 300 characters of text by page 1 of 2, more than ingest reads/);
  });
});
