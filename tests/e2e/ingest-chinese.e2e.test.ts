import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { startApi, type RunningApi } from '../helpers/api';
import { useTestGraph } from '../helpers/test-graph';

// A Chinese article goes from file to loaded, sourced facts: ingest (HanLP, the real one), review, the seed loader
// (into the test database), then the API, by Chinese names. Without Java the ingest fails and so does this file.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-chinese-'));
const seedDir = path.join(work, 'seed');
fs.cpSync(path.join(PROJECT_ROOT, 'seed'), seedDir, { recursive: true });
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    input: '',
  });
const draftDir = path.join(work, 'drafts', 'zh-forum');
const article = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'chinese', 'zh-forum.txt');
const ingested = cli([
  'ingest',
  article,
  '--published',
  '2025-03-10',
  '--publisher',
  '测试通讯社',
  '--seed',
  seedDir,
  '--drafts',
  path.join(work, 'drafts'),
  '--out',
  draftDir,
]);
const reviewed = cli(['review', draftDir, '--accept-above', '0.6', '--seed', seedDir]);
useTestGraph(seedDir);
let api: RunningApi;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a Chinese article through ingest, review and the loader', () => {
  it('is ingested as Chinese, with pinyin ids, and merged into a copy of the seed', () => {
    expect(ingested.status === 0 ? '' : ingested.stderr).toBe('');
    expect(reviewed.status === 0 ? '' : reviewed.stderr).toBe('');
    const documents = JSON.parse(fs.readFileSync(path.join(seedDir, 'documents.json'), 'utf8')) as { id: string; language: string; title: string }[];
    expect(documents.find((d) => d.title === '清华大学举办高等教育数字化论坛')).toMatchObject({ language: 'zh' });
    expect(reviewed.stdout).toMatch(/person:wangxiqin/);
    expect(reviewed.stdout).toMatch(/org:qinghuadaxue/);
  });

  it('loads the new facts, and finds them through the API by their Chinese names', async () => {
    const { body } = await api.graphql(`{ entityByName(name: "王希勤") { id name
      relationships(types: [HOLDS_POST], first: 5) { nodes { title to { name } evidence { quote document { language } } } } } }`);
    expect(body.errors).toBeUndefined();
    const person = (body.data as any).entityByName;
    expect(person).toMatchObject({ id: 'person:wangxiqin', name: '王希勤' });
    expect(person.relationships.nodes).toEqual([
      { title: '校长', to: { name: '清华大学' }, evidence: [{ quote: '清华大学校长王希勤出席论坛并致辞。', document: { language: 'zh' } }] },
    ]);
    const search = await api.graphql('{ search(query: "高等教育数字化", first: 5) { nodes { entity { id name } } } }');
    expect((search.body.data as any).search.nodes.map((n: any) => n.entity.name)).toContain('高等教育数字化论坛');
  });

  it('links the mentions of known entities written in Chinese to them', async () => {
    const { body } = await api.graphql('{ entity(id: "org:world-bank") { mentionedIn(first: 10) { nodes { name } } } }');
    expect(body.errors).toBeUndefined();
    expect((body.data as any).entity.mentionedIn.nodes.map((d: any) => d.name)).toContain('清华大学举办高等教育数字化论坛');
  });
});
