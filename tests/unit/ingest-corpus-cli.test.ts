import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { readSeed } from '../../src/seed/read-seed';
import { oneColumnNote, scannedPdf, twoColumnReport, wordReport } from '../helpers/make-documents';

// `npm run cli -- ingest DIR` on a folder of mixed files, as a researcher runs it on a corpus: one draft per document,
// skips and refusals said, the report on stdout and as JSON; a rerun skips what is done and continues an interrupted run.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-corpus-'));
const corpus = path.join(work, 'corpus');
const drafts = path.join(work, 'drafts');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ingest = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), 'ingest', '--extractor', 'rules', ...args, '--drafts', drafts],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );

const ITEM = `<!doctype html><html lang="en"><head><title>Ministers back teacher mentoring</title>
<meta property="og:site_name" content="Education Policy Wire"><meta property="article:published_time" content="2025-01-20">
</head><body><article><h1>Ministers back teacher mentoring</h1>
<p>Ministers of education from four countries agreed to fund mentoring for new teachers, the Regional Teachers Network said on Monday.
The network will run the first programme with the Global Learning Observatory.</p></article></body></html>`;

beforeAll(async () => {
  fs.mkdirSync(path.join(corpus, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(corpus, 'report.pdf'), await twoColumnReport());
  fs.writeFileSync(path.join(corpus, 'notes', 'call.pdf'), await oneColumnNote());
  fs.writeFileSync(path.join(corpus, 'brief.docx'), await wordReport());
  fs.writeFileSync(path.join(corpus, 'item.html'), ITEM);
  fs.writeFileSync(path.join(corpus, 'scan.pdf'), await scannedPdf());
  fs.writeFileSync(path.join(corpus, 'budget.xlsx'), 'not read');
  fs.writeFileSync(path.join(corpus, '.DS_Store'), 'hidden');
});

const draftFolders = () => fs.readdirSync(drafts).filter((name) => !name.includes('.staging-') && fs.existsSync(path.join(drafts, name, 'draft.json')));
const reports = () => fs.readdirSync(drafts).filter((name) => /^corpus-report-.*\.json$/.test(name));

describe('npm run cli -- ingest DIR', () => {
  it('drafts each document, lists what it skipped and refused, and writes the report as JSON', () => {
    const run = ingest(corpus);
    // The scanned PDF is refused: the run ends with the data exit code, after every other document was drafted.
    expect(run.status).toBe(65);
    expect(run.stdout).toMatch(/^Corpus: 5 documents read in [\d.]+ s: 4 drafted, 1 skipped, 1 refused$/m);
    expect(run.stdout).toMatch(/^Read with: rules x4$/m);
    expect(run.stdout).toMatch(/^Proposals: \d+ mentions, \d+ entities, \d+ relationships, \d+ figures, \d+ claims$/m);
    expect(run.stdout).toMatch(/^ {2}.*budget\.xlsx: not a format ingest reads \(\.xlsx\)$/m);
    expect(run.stdout).toMatch(/^ {2}.*corpus\/scan\.pdf: scanned: no text to read \(0 characters of text on 2 pages\), OCR it first\.$/m);
    expect(run.stderr).toMatch(/1 of 5 documents were refused/);
    // A line per document on stderr (not a terminal here: plain lines, no bar).
    const lines = run.stderr.split('\n').filter((line) => /^\[\d\/5\]/.test(line));
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => /report\.pdf/.test(line))).toMatch(/drafted doc:teachers-digital-skills-three-regions \(\d+ mentions/);
    expect(run.stderr.includes('\r') || run.stderr.includes('\x1b[')).toBe(false);
    // One draft per document, each reading back as seed data.
    expect(draftFolders().sort()).toEqual([
      'alliance-opens-call-rural-schools',
      'mentoring-new-teachers-rural-schools',
      'ministers-back-teacher-mentoring',
      'teachers-digital-skills-three-regions',
    ]);
    for (const name of draftFolders()) expect(readSeed(path.join(drafts, name)).problems).toEqual([]);
    const report = JSON.parse(fs.readFileSync(path.join(drafts, reports()[0]!), 'utf8'));
    expect(report).toMatchObject({ documents: 5, drafted: 4, skipped: 1, refused: 1 });
    expect(report.outcomes.find((o: { file: string }) => o.file.endsWith('scan.pdf'))).toMatchObject({ status: 'refused' });
    expect(report.outcomes.find((o: { file: string }) => o.file.endsWith('call.pdf'))).toMatchObject({
      status: 'drafted',
      document: 'doc:alliance-opens-call-rural-schools',
    });
  });

  it('skips what is already ingested on a rerun, and continues a run that was interrupted', () => {
    // An interrupted run: one draft never finished (its staging folder is left behind), and one was never begun.
    fs.rmSync(path.join(drafts, 'ministers-back-teacher-mentoring'), { recursive: true });
    const brief = path.join(drafts, 'mentoring-new-teachers-rural-schools');
    fs.renameSync(brief, `${brief}.staging-abc123`);
    const run = ingest(corpus);
    expect(run.stdout).toMatch(/^Corpus: 5 documents read in [\d.]+ s: 2 drafted, 3 skipped, 1 refused$/m);
    expect(run.stdout).toMatch(/report\.pdf: already ingested, as doc:teachers-digital-skills-three-regions \(draft .*teachers-digital-skills-three-regions\)/);
    expect(run.stdout).toMatch(/call\.pdf: already ingested, as doc:alliance-opens-call-rural-schools/);
    expect(run.stdout).toMatch(/drafted .*item\.html: doc:ministers-back-teacher-mentoring/);
    expect(run.stdout).toMatch(/drafted .*brief\.docx: doc:mentoring-new-teachers-rural-schools/);
    expect(draftFolders()).toHaveLength(4);
    for (const name of draftFolders()) expect(readSeed(path.join(drafts, name)).problems).toEqual([]);
    expect(reports()).toHaveLength(2);
  });

  it('refuses a folder with nothing it can read, a second text with the same title, and one-document options given for many', () => {
    const empty = path.join(work, 'spreadsheets');
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, 'table.xlsx'), 'not read');
    const nothing = ingest(empty);
    expect(nothing.status).toBe(65);
    expect(nothing.stderr).toMatch(/spreadsheets: no file ingest can read in this folder \(1 file, none \.txt, \.md, \.html, \.pdf or \.docx\)/);
    // Two texts with one title would share a document id and a draft folder: the second is refused, saying so.
    const again = path.join(work, 'again');
    fs.mkdirSync(again);
    fs.writeFileSync(path.join(again, 'item-2.html'), ITEM.replace('on Monday', 'on Tuesday'));
    const twin = ingest(again);
    expect(twin.status).toBe(65);
    expect(twin.stdout).toMatch(
      /again\/item-2\.html: its draft .*ministers-back-teacher-mentoring already exists and holds another text with the same document id \(doc:ministers-back-teacher-mentoring\); ingest this file alone with --title or --out/,
    );
    const titled = ingest(path.join(corpus, 'item.html'), path.join(corpus, 'brief.docx'), '--title', 'One title');
    expect(titled.status).toBe(65);
    expect(titled.stderr).toMatch(/--title names one document, and ingest was given a folder or several paths/);
  });
});
