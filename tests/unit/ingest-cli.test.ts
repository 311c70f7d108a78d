import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeed } from '../../src/seed/read-seed';
import { PROJECT_ROOT } from '../../src/project-root';

// `npm run cli -- ingest` as a researcher runs it: a draft folder in the seed format, or a clear refusal and nothing written.

const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The unit tier has no Java: the rule pipeline alone (CoreNLP's ingest is tested in the integration tier).
const ingest = (...args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), 'ingest', '--extractor', 'rules', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npm run cli -- ingest', () => {
  it('writes a draft in the seed format and reports linked mentions, furniture and captions', () => {
    const out = path.join(dir, 'forum');
    const run = ingest(path.join(FIXTURES, 'education-ministers-forum.html'), '--out', out);
    expect(run.status === 0 ? '' : run.stderr).toBe('');
    expect(run.stdout).toMatch(/Draft doc:education-ministers-meet-paris-teachers-artificial written to/);
    expect(run.stdout).toMatch(/International Telecommunication Union \(org:itu\) x2/);
    expect(run.stdout).toMatch(/Page furniture set aside: 11/);
    expect(run.stdout).toMatch(/Captions kept as evidence: 1/);
    // The draft reads as seed data with no problem, and every mention's words and quote are where it says.
    const { data, problems } = readSeed(out);
    expect(problems).toEqual([]);
    expect(data.documents.map((d) => d.value.id)).toEqual(['doc:education-ministers-meet-paris-teachers-artificial']);
    const text = data.corpus.get(data.documents[0]!.value.file)!;
    const mentions = JSON.parse(fs.readFileSync(path.join(out, 'mentions.json'), 'utf8')) as any[];
    expect(mentions.length).toBeGreaterThan(5);
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.surface);
      expect(text.slice(m.quoteStart, m.quoteStart + m.quote.length)).toBe(m.quote);
      expect(m.status).toBe('proposed');
    }
    expect(mentions.find((m) => m.surface === 'UNECO')?.entity).toBe('org:unesco');
    // Nothing from the page's furniture is proposed (its header names the site, not an actor).
    expect(mentions.some((m) => /Education Policy Wire/.test(m.quote))).toBe(false);
  });

  it('says when a text was already ingested, in the seed or in a draft, and writes nothing', () => {
    const seedArticle = ingest(
      path.join(PROJECT_ROOT, 'seed', 'corpus', '000_a57d32375154c029.txt'),
      '--published',
      '2019-03-08',
      '--publisher',
      'ICHEI',
      '--out',
      path.join(dir, 'again'),
    );
    expect(seedArticle.status).toBe(65);
    expect(seedArticle.stderr).toMatch(/000_a57d32375154c029\.txt: this text was already ingested, as doc:ichei-mlw-2019 \(seed\/documents\.json\)/);
    expect(fs.existsSync(path.join(dir, 'again'))).toBe(false);
    const forum = (out: string) =>
      ingest(path.join(FIXTURES, 'smart-education-forum.txt'), '--published', '2024-08-20', '--publisher', 'Test wire', '--out', path.join(dir, out));
    const first = forum('forum-1');
    expect(first.status === 0 ? '' : first.stderr).toBe('');
    const second = forum('forum-2');
    expect(second.status).toBe(65);
    expect(second.stderr).toMatch(/already ingested, as doc:smart-education-forum-closes-beijing \(draft .*forum-1\)/);
    expect(fs.existsSync(path.join(dir, 'forum-2'))).toBe(false);
  });

  it('refuses bad input with the file and the problem, leaving nothing behind', () => {
    const empty = path.join(dir, 'empty.md');
    fs.writeFileSync(empty, '');
    const cases: [string[], RegExp][] = [
      [[empty], /empty\.md: the file is empty/],
      [
        [path.join(FIXTURES, 'teachers-ai-guidance.md'), '--publisher', 'Notes'],
        /teachers-ai-guidance\.md: no publication date found in the file\.\s+Give it with --published/,
      ],
      [
        [path.join(FIXTURES, 'teachers-ai-guidance.md'), '--publisher', 'Notes', '--published', '2025-02-30'],
        /--published "2025-02-30" is impossible: 2025-02 has 28 days/,
      ],
      [[path.join(FIXTURES, 'teachers-ai-guidance.md'), '--published', '2025-03-12'], /no publisher found in the file\.\s+Give it with --publisher/],
    ];
    for (const [args, message] of cases) {
      const out = path.join(dir, 'refused');
      const run = ingest(...args, '--out', out);
      expect({ args, status: run.status }).toEqual({ args, status: 65 });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(fs.existsSync(out)).toBe(false);
    }
    expect(fs.readdirSync(dir).filter((name) => name.includes('staging'))).toEqual([]);
  });
});
