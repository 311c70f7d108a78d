import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

// CoreNLP unreachable in the middle of a corpus: each document it should have read is refused with the reason, the
// others are drafted, the report says which failed and why, and a rerun continues with the ones not yet drafted.
// (CORENLP_URL at a closed port needs no Java, so this runs in the unit tier.)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-corenlp-down-'));
const corpus = path.join(work, 'corpus');
const drafts = path.join(work, 'drafts');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ingest = (...args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), 'ingest', corpus, '--drafts', drafts, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, CORENLP_URL: 'http://127.0.0.1:9' },
  });

beforeAll(() => {
  fs.mkdirSync(corpus, { recursive: true });
  fs.writeFileSync(path.join(corpus, 'one.txt'), 'Teachers meet in Lagos\n\nThe Lagos Teachers Forum opened on Monday with 300 teachers.');
  fs.writeFileSync(path.join(corpus, 'two.txt'), 'A new reading programme\n\nThe Reading Futures Programme starts in Kano schools in May.');
});

describe('ingest DIR --extractor corenlp with CoreNLP unreachable', () => {
  it('refuses each document with the reason, writes nothing for them, and a rerun drafts them', () => {
    const run = ingest('--extractor', 'corenlp', '--published', '2025-03-01', '--publisher', 'Test wire');
    expect(run.status).toBe(65);
    expect(run.stdout + run.stderr).toMatch(/one\.txt.*CORENLP_URL=http:\/\/127\.0\.0\.1:9: no CoreNLP server answers there/);
    expect(run.stdout + run.stderr).toMatch(/two\.txt.*no CoreNLP server answers there/);
    const report = fs.readdirSync(drafts).find((name) => name.startsWith('corpus-report-'))!;
    expect(JSON.parse(fs.readFileSync(path.join(drafts, report), 'utf8'))).toMatchObject({ documents: 2, drafted: 0, refused: 2 });
    expect(fs.readdirSync(drafts).filter((name) => !name.startsWith('corpus-report-'))).toEqual([]);

    const rerun = ingest('--extractor', 'rules', '--published', '2025-03-01', '--publisher', 'Test wire');
    expect(rerun.status).toBe(0);
    expect(fs.readdirSync(drafts).filter((name) => !name.startsWith('corpus-report-'))).toHaveLength(2);
  });
});
