import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countByType, evaluateCorpus, formatByType, formatSplit, readGold, scoreArticles, sumByType } from '../../src/ingest/evaluate';
import { IngestError } from '../../src/ingest/ingest-error';
import { PROJECT_ROOT } from '../../src/project-root';

const SEED = path.join(PROJECT_ROOT, 'seed');

// A tiny article of our own, with a gold entry in the corpus format: one fact it states is not proposed (ORGANIZED).
const ARTICLE =
  'Audrey Azoulay, Director-General of UNESCO, opened the Lisbon Teachers Forum in Paris on 3 May 2024. About 450 teachers from 12 countries took part.\n';
const GOLD = [
  {
    file: 'a.txt',
    style: 'news item',
    language: 'en',
    options: { published: '2024-05-03' },
    linked: ['person:audrey-azoulay', 'org:unesco', 'place:paris'],
    linkedAs: { 'Director-General Azoulay': 'person:audrey-azoulay' },
    entities: [{ name: 'Lisbon Teachers Forum', type: 'Event' }],
    relationships: [
      { type: 'HOLDS_POST', from: 'Audrey Azoulay', to: 'UNESCO', title: 'Director-General' },
      { type: 'HELD_IN', from: 'Lisbon Teachers Forum', to: 'Paris' },
      { type: 'SPOKE_AT', from: 'Audrey Azoulay', to: 'Lisbon Teachers Forum', format: 'speech', note: 'opened it' },
      { type: 'ORGANIZED', from: 'UNESCO', to: 'Lisbon Teachers Forum' },
    ],
    figures: [{ value: 450, unit: 'teachers', statedAs: 'About 450' }, 12],
    furniture: [],
  },
];

const tmp: string[] = [];
const folder = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-eval-'));
  tmp.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
};
afterAll(() => tmp.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('the gold of the evaluation corpus', () => {
  it('reads both figure shapes and the optional fields, and defaults what is left out', () => {
    const dir = folder({ 'gold.json': JSON.stringify([...GOLD, { file: 'b.txt', linked: [], entities: [], relationships: [], figures: [3] }]) });
    const [a, b] = readGold(path.join(dir, 'gold.json'));
    expect(a!.figures).toEqual([{ value: 450, unit: 'teachers', statedAs: 'About 450' }, 12]);
    expect(a!.language).toBe('en');
    expect(a!.linkedAs).toEqual({ 'Director-General Azoulay': 'person:audrey-azoulay' });
    expect(a!.relationships[0]).toEqual({ type: 'HOLDS_POST', from: 'Audrey Azoulay', to: 'UNESCO', title: 'Director-General' });
    expect(b).toEqual({ file: 'b.txt', options: {}, linked: [], linkedAs: {}, entities: [], relationships: [], figures: [3], furniture: [] });
  });

  it('names the file, the entry and the field of a bad entry', () => {
    const bad = [GOLD[0], { ...GOLD[0], file: 'c.txt', figures: [{ value: '450', unit: 'teachers', statedAs: 'About 450' }] }];
    const goldFile = path.join(folder({ 'gold.json': JSON.stringify(bad) }), 'gold.json');
    expect(() => readGold(goldFile)).toThrow(IngestError);
    expect(() => readGold(goldFile)).toThrow(new RegExp(`^${goldFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: entry 1 \\(c\\.txt\\), field figures\\.0`));
  });

  it('refuses a field it does not know and a language other than en or zh', () => {
    const goldFile = path.join(folder({ 'gold.json': JSON.stringify([{ ...GOLD[0], language: 'fr', extra: 1 }]) }), 'gold.json');
    expect(() => readGold(goldFile)).toThrow(/entry 0 \(a\.txt\), field language: .*entry 0 \(a\.txt\), field \(the entry\): .*extra/);
  });

  it('says so when the file is not JSON', () => {
    const goldFile = path.join(folder({ 'gold.json': '[{' }), 'gold.json');
    expect(() => readGold(goldFile)).toThrow(/gold\.json: cannot read it as JSON/);
  });
});

describe('relationships per type', () => {
  it('counts gold facts, proposals and matches of each type, and sums them over articles', () => {
    const gold = [
      { type: 'HOLDS_POST', key: 'a' },
      { type: 'HOLDS_POST', key: 'b' },
      { type: 'HELD_IN', key: 'c' },
    ];
    const proposed = [
      { type: 'HOLDS_POST', key: 'a' },
      { type: 'HOLDS_POST', key: 'x' },
      { type: 'PARTNER_OF', key: 'y' },
    ];
    const keys = (items: { key: string }[]) => new Set(items.map((i) => i.key));
    const one = countByType(
      gold,
      proposed,
      (g) => keys(proposed).has(g.key),
      (p) => keys(gold).has(p.key),
    );
    expect(one).toEqual([
      { type: 'HOLDS_POST', expected: 2, proposed: 2, correct: 1, correctOfProposed: 1 },
      { type: 'HELD_IN', expected: 1, proposed: 0, correct: 0, correctOfProposed: 0 },
      { type: 'PARTNER_OF', expected: 0, proposed: 1, correct: 0, correctOfProposed: 0 },
    ]);
    const two = [{ type: 'HELD_IN', expected: 1, proposed: 1, correct: 1, correctOfProposed: 1 }];
    expect(sumByType([one, two])).toEqual([
      { type: 'HOLDS_POST', proposed: 2, expected: 2, correct: 1, precision: 0.5, recall: 0.5 },
      { type: 'HELD_IN', proposed: 1, expected: 2, correct: 1, precision: 1, recall: 0.5 },
      { type: 'PARTNER_OF', proposed: 1, expected: 0, correct: 0, precision: 0, recall: 1 },
    ]);
    expect(formatByType(sumByType([one, two]))).toContain('| PARTNER_OF | 0 | 1 | 0 | 0.00 | - |');
  });

  it('scores a corpus split: its article per kind, its relationships per type, figures by value in either shape', async () => {
    const corpus = folder({ 'development/a.txt': ARTICLE, 'development/gold.json': JSON.stringify(GOLD), 'notes/readme.txt': 'not a split' });
    const [split, ...others] = await evaluateCorpus(SEED, corpus);
    expect(others).toEqual([]);
    expect(split!.split).toBe('development');
    const [article] = split!.articles;
    expect(article!.language).toBe('en');
    expect(article!.run.figures).toMatchObject({ expected: 2, correct: 2 });
    expect(article!.run.relationships).toMatchObject({ expected: 4 });
    const organized = split!.byType.find((t) => t.type === 'ORGANIZED');
    expect(organized).toMatchObject({ expected: 1, correct: 0, recall: 0 });
    // The per-type counts add up to the relationships' score.
    expect(split!.byType.reduce((n, t) => n + t.expected, 0)).toBe(article!.run.relationships.expected);
    expect(split!.byType.reduce((n, t) => n + t.correct, 0)).toBe(article!.run.relationships.correct);
    expect(formatSplit(split!)).toMatch(/^\| articles \| count \|[^\n]*\n[^\n]*\n\| all \| 1 \|/);
  });

  it('counts a proposed name that the text writes only in its furniture lines', async () => {
    const text = `${ARTICLE}\nMedia contacts: Nairobi Learning Alliance press office.\n`;
    const gold = [{ ...GOLD[0], furniture: ['Media contacts: Nairobi Learning Alliance press office.'] }];
    const [article] = await scoreArticles(SEED, folder({ 'a.txt': text, 'gold.json': JSON.stringify(gold) }));
    expect(article!.run.furnitureEntities).toEqual(['Nairobi Learning Alliance']);
  });

  it('scores an article in Chinese like the others, with its language', async () => {
    const zh = '联合国教科文组织与国际电信联盟在巴黎举办了会议。\n';
    const gold = [
      { file: 'z.txt', language: 'zh', linked: ['org:unesco'], linkedAs: { 联合国教科文组织: 'org:unesco' }, entities: [], relationships: [], figures: [] },
    ];
    // The rules only: the unit tier runs no Java (HanLP's part is tested in tests/integration/hanlp.int.test.ts).
    const [article] = await scoreArticles(SEED, folder({ 'z.txt': zh, 'gold.json': JSON.stringify(gold) }), { hanlp: false });
    expect(article!.language).toBe('zh');
    expect(article!.run.mentions.expected).toBe(1);
  });

  it('says which folder holds no split', async () => {
    const empty = folder({ 'readme.txt': 'nothing' });
    await expect(evaluateCorpus(SEED, empty)).rejects.toThrow(new RegExp(`no split folder with a gold.json`));
  });
});
