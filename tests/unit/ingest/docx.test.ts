import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IngestError } from '../../../src/ingest/ingest-error';
import { segment } from '../../../src/ingest/pipeline/segment';
import { extractDocx } from '../../../src/ingest/source/docx';
import { readAndExtract } from '../../../src/ingest/source/extract-source';
import { wordReport } from '../../helpers/make-documents';

// Word files made here with the docx package: text, headings, captions and tables, core properties, and refusals.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-docx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return `${(error as IngestError).message} ${(error as IngestError).hint}`;
  }
  throw new Error('expected the ingester to refuse');
}

describe('reading a Word file', () => {
  it('reads its paragraphs, marks the title as headline, headings, the caption and the table', async () => {
    const extracted = await extractDocx(await wordReport(), 'brief.docx');
    expect(extracted.text.split('\n\n')).toEqual([
      'Mentoring New Teachers in Rural Schools',
      'What the network found',
      'The Regional Teachers Network paired 200 new teachers with mentors in rural schools during 2024.',
      'The Global Learning Observatory reviewed the pairing and advised the ministries of education.',
      'Figure 1: Mentors and new teachers, by district.',
      'District\tMentors',
      'North\t40',
    ]);
    expect(extracted.regions.map((r) => [r.kind, r.text])).toEqual([
      ['headline', 'Mentoring New Teachers in Rural Schools'],
      ['heading', 'What the network found'],
      ['table', 'District\tMentors'],
      ['table', 'North\t40'],
      ['caption', 'Figure 1: Mentors and new teachers, by district.'],
    ]);
    expect(segment('doc:brief', extracted).layout.map((r) => r.kind)).toEqual(['headline', 'heading', 'caption', 'table', 'table']);
  });

  it('takes the title from the first heading, else from the core properties, with creator and creation date', async () => {
    const titled = await extractDocx(await wordReport(), 'brief.docx');
    expect(titled.metadata).toMatchObject({ title: 'Mentoring New Teachers in Rural Schools', publisher: 'Regional Teachers Network' });
    expect(titled.metadata.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const plain = await extractDocx(await wordReport({ headings: false }), 'plain.docx');
    expect(plain.metadata).toMatchObject({ title: 'Rural schools brief', publisher: 'Regional Teachers Network' });
  });

  it('reads a .docx file by its extension', async () => {
    const file = path.join(dir, 'brief.docx');
    fs.writeFileSync(file, await wordReport());
    const { source, extracted } = await readAndExtract(file);
    expect(source.format).toBe('docx');
    expect(extracted.text).toMatch(/^Mentoring New Teachers in Rural Schools/);
  });
});

describe('a Word file ingest cannot read', () => {
  it('refuses an encrypted (password-protected) file, which Word stores as a compound file', async () => {
    const locked = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const message = await refusal(() => extractDocx(locked, 'locked.docx'));
    expect(message).toMatch(/locked\.docx: an encrypted \(password-protected\) Word file, or an old binary \.doc/);
    expect(message).toMatch(/remove the password/);
  });

  it('refuses a damaged file and a file that is no Word file at all', async () => {
    const whole = await wordReport();
    expect(await refusal(() => extractDocx(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.docx'))).toMatch(/cut\.docx: not a readable Word file/);
    expect(await refusal(() => extractDocx(Buffer.from('Plain words, not a zip archive.'), 'text.docx'))).toMatch(
      /text\.docx: not a readable Word file \(a \.docx is a zip archive, and this is not one\)/,
    );
  });
});
