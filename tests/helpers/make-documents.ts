import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

// Test documents made in the tests (pdf-lib for PDFs, docx for Word files), in the project's own words about
// education-policy actors: a two-column report with running header, footer, page numbers and captions; a one-column
// note; a "scanned" PDF (drawings, no text layer); a Word file with a title, headings, a caption and a table.

/** The report's title, as its first page and its document information give it. */
export const REPORT_TITLE = 'Teachers and Digital Skills in Three Regions';

/** The paragraphs of the report, column by column: the left column of page 1, its right column, then page 2's. */
export const REPORT_COLUMNS = [
  [
    'The Global Learning Observatory surveyed ministries of education in three regions during 2024.',
    'Its researchers asked how teachers are trained to use digital tools in their classrooms.',
  ],
  [
    'The Regional Teachers Network helped the survey reach rural schools, where connections are weak.',
    'Most ministries said that training budgets had grown since the pandemic closed schools.',
  ],
  ['The Observatory will publish a second survey with the Open Schools Alliance next year.'],
  ['Both bodies invite ministries that did not answer to join the next round of questions.'],
];

const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
};

/** Draws paragraphs in a column from `top` down, a blank line between them; returns where the column ends. */
function drawColumn(page: PDFPage, paragraphs: readonly string[], x: number, top: number, font: PDFFont): number {
  let y = top;
  for (const paragraph of paragraphs) {
    for (const line of wrap(paragraph, font, 10, 220)) {
      page.drawText(line, { x, y, size: 10, font });
      y -= 13;
    }
    y -= 13;
  }
  return y;
}

/** A page's running header (top), running footer and page number (bottom), as the report prints them. */
function drawFurniture(page: PDFPage, number: number, font: PDFFont): void {
  page.drawText('Education Policy Review | Spring 2025', { x: 50, y: 800, size: 8, font });
  page.drawText('Global Learning Observatory, working paper 12', { x: 50, y: 40, size: 8, font });
  page.drawText(String(number), { x: 540, y: 40, size: 8, font });
}

/**
 * A two-page report in two columns (A4), with a running header and footer, page numbers, a title across the columns
 * on page 1, a caption with its mark ("Figure 1:") and one without, set smaller ("Table 2 ..."), and document information.
 */
export async function twoColumnReport(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(REPORT_TITLE);
  pdf.setAuthor('Global Learning Observatory');
  pdf.setCreationDate(new Date('2025-03-14T09:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const first = pdf.addPage([595, 842]);
  drawFurniture(first, 1, font);
  first.drawText(REPORT_TITLE, { x: 50, y: 740, size: 18, font: bold });
  const leftEnd = drawColumn(first, REPORT_COLUMNS[0]!, 50, 700, font);
  first.drawRectangle({ x: 50, y: leftEnd - 80, width: 200, height: 70, color: rgb(0.8, 0.8, 0.9) });
  first.drawText('Figure 1: Schools with a broadband link, by region.', { x: 50, y: leftEnd - 95, size: 8, font });
  drawColumn(first, REPORT_COLUMNS[1]!, 320, 700, font);
  const second = pdf.addPage([595, 842]);
  drawFurniture(second, 2, font);
  const end = drawColumn(second, REPORT_COLUMNS[2]!, 50, 760, font);
  second.drawText('Table 2 Hours of teacher training a year', { x: 50, y: end - 10, size: 8, font });
  drawColumn(second, REPORT_COLUMNS[3]!, 320, 760, font);
  return pdf.save();
}

/** A one-page note in one column, whose document information gives no title (its headline does). */
export async function oneColumnNote(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setAuthor('Open Schools Alliance');
  pdf.setCreationDate(new Date('2024-11-02T12:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page = pdf.addPage([595, 842]);
  page.drawText('Alliance Opens a Call for Rural Schools', { x: 60, y: 760, size: 16, font });
  const body = [
    'The Open Schools Alliance opened a call for rural schools that want to share lesson',
    'plans. The Regional Teachers Network will review the plans with the ministries of',
    'education that support the call.',
  ];
  body.forEach((line, i) => page.drawText(line, { x: 60, y: 720 - i * 14, size: 11, font }));
  return pdf.save();
}

/** A PDF whose pages hold drawings only, as a scan holds images of text: no text layer. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let n = 0; n < 2; n++) {
    const page = pdf.addPage([595, 842]);
    for (let line = 0; line < 30; line++) page.drawRectangle({ x: 60, y: 760 - line * 20, width: 400 + (line % 3) * 30, height: 8, color: rgb(0.2, 0.2, 0.2) });
  }
  return pdf.save();
}

/** A Word file with a Title-style title and a heading (unless `headings` is false), body paragraphs, a caption typed as text, a table and core properties. */
export async function wordReport(options: { headings?: boolean } = {}): Promise<Buffer> {
  const headings = options.headings ?? true;
  const document = new Document({
    title: 'Rural schools brief',
    creator: 'Regional Teachers Network',
    sections: [
      {
        children: [
          ...(headings
            ? [
                new Paragraph({ text: 'Mentoring New Teachers in Rural Schools', heading: HeadingLevel.TITLE }),
                new Paragraph({ text: 'What the network found', heading: HeadingLevel.HEADING_1 }),
              ]
            : []),
          new Paragraph({
            children: [new TextRun('The Regional Teachers Network paired 200 new teachers with mentors in rural schools during 2024.')],
          }),
          new Paragraph('The Global Learning Observatory reviewed the pairing and advised the ministries of education.'),
          new Paragraph('Figure 1: Mentors and new teachers, by district.'),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('District')] }), new TableCell({ children: [new Paragraph('Mentors')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('North')] }), new TableCell({ children: [new Paragraph('40')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
