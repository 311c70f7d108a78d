import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { startApi, type RunningApi } from '../helpers/api';
import { useTestGraph } from '../helpers/test-graph';

// An article the project has never seen goes from file to loaded, sourced facts: ingest, review, then the seed loader
// (here into the test database); a title another source states otherwise is kept beside it, each with its source.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-pipeline-'));
const seedDir = path.join(work, 'seed');
fs.cpSync(path.join(PROJECT_ROOT, 'seed'), seedDir, { recursive: true });
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    input: '',
  });
/** Ingests a test article into a draft of the seed copy, with the given options. */
const ingestArticle = (file: string, out: string, ...options: string[]) =>
  cli([
    'ingest',
    path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', file),
    ...options,
    '--extractor',
    'rules',
    '--seed',
    seedDir,
    '--drafts',
    path.join(work, 'drafts'),
    '--out',
    out,
  ]);
const draftDir = path.join(work, 'drafts', 'forum');
const ingested = ingestArticle('education-ministers-forum.html', draftDir);
const reviewed = cli(['review', draftDir, '--accept-above', '0.6', '--seed', seedDir]);
// A second article gives the 2019 week another end date than the seed's (9 March, not 8).
const recapDir = path.join(work, 'drafts', 'recap');
const recapIngested = ingestArticle('mlw-2019-recap.txt', recapDir, '--published', '2019-04-02', '--publisher', 'Test recap');
const recapReviewed = cli(['review', recapDir, '--accept-above', '0.6', '--seed', seedDir]);
useTestGraph(seedDir);
let api: RunningApi;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('ingest, review, seed', () => {
  it('ingests and merges the article into a copy of the seed', () => {
    expect(ingested.status === 0 ? '' : ingested.stderr).toBe('');
    expect(reviewed.status === 0 ? '' : reviewed.stderr).toBe('');
    expect(reviewed.stdout).toMatch(
      /new entities: bloc:african-union, event:digital-learning-week-2024, org:organisation-for-economic-co-operation-and-development\n/,
    );
    expect(reviewed.stdout).toMatch(/competing claims kept beside what the seed states: 1/);
    expect(recapIngested.status === 0 ? '' : recapIngested.stderr).toBe('');
    expect(recapIngested.stdout).toMatch(/event:mlw-2019 endDate 2019-03-09: the text says "from 4 to 9 March 2019"; the graph has endDate 2019-03-08/);
    expect(recapReviewed.status === 0 ? '' : recapReviewed.stderr).toBe('');
    // Nothing outside the copy changed.
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'seed', 'documents.json'), 'utf8')).not.toMatch(/education-ministers/);
  });

  it('loads the new facts, each with the quote and the document it comes from', async () => {
    const { body } = await api.graphql(`{ entityByName(name: "Digital Learning Week 2024") { id
      relationships(types: [ORGANIZED], first: 10) { nodes { from { name } inferred inference evidence { quote document { title published } } } } } }`);
    const organizers = (body.data as any).entityByName.relationships.nodes;
    expect(organizers.map((r: any) => r.from.name).sort()).toEqual(['International Telecommunication Union', 'UNESCO']);
    for (const r of organizers) {
      expect(r.evidence[0]).toEqual({
        quote: 'UNESCO organized the week together with the International Telecommunication Union (ITU).',
        document: { title: 'Education ministers meet in Paris on teachers and artificial intelligence', published: '2024-09-05' },
      });
      expect(r.inferred).toBe(true);
      expect(r.inference).toMatch(/"the week", read as Digital Learning Week 2024/);
    }
  });

  it('keeps two sources that state a post differently side by side, never one over the other', async () => {
    const { body } = await api.graphql(`{ entity(id: "person:stefania-giannini") {
      relationships(types: [HOLDS_POST], first: 10) { totalCount nodes { title evidence { document { id published } } } } } }`);
    const posts = (body.data as any).entity.relationships.nodes.map(
      (r: any) => `${r.title} (${r.evidence.map((e: any) => `${e.document.id}, ${e.document.published}`).join('; ')})`,
    );
    expect(posts.sort()).toEqual([
      'Assistant Director-General for Education (doc:education-ministers-meet-paris-teachers-artificial, 2024-09-05)',
      'Assistant Director-General of Education (doc:xibai-gseci-2025, 2025-09-18)',
    ]);
  });

  it("keeps another source's date for an event beside the curated one, each with its quote and document", async () => {
    const { body } = await api.graphql(`{ entity(id: "event:mlw-2019") { ... on Event { endDate }
      claims { property value curatedValue evidence { quote document { title published } } } } }`);
    expect((body.data as any).entity).toEqual({
      endDate: '2019-03-08',
      claims: [
        {
          property: 'endDate',
          value: '2019-03-09',
          curatedValue: '2019-03-08',
          evidence: {
            quote: 'The 2019 Mobile Learning Week was held at UNESCO Headquarters in Paris from 4 to 9 March 2019.',
            document: { title: 'Looking back at Mobile Learning Week 2019', published: '2019-04-02' },
          },
        },
      ],
    });
  });

  it('adds the accepted mentions to the entities they name, so the document is found from them', async () => {
    const { body } = await api.graphql('{ entity(id: "org:world-bank") { mentionedIn(first: 10) { nodes { id } } } }');
    expect((body.data as any).entity.mentionedIn.nodes.map((d: any) => d.id)).toContain('doc:education-ministers-meet-paris-teachers-artificial');
  });
});
