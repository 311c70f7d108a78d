import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';
import { startApi, type RunningApi } from '../helpers/api';
import { REPORT_TITLE } from '../helpers/make-documents';
import { useTestGraph } from '../helpers/test-graph';

// A two-column PDF report goes from file to loaded, sourced facts: ingest, review, then the seed loader (into the test
// database); its facts are read back through the API with the PDF's own title, publisher and date.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-pdf-'));
const seedDir = path.join(work, 'seed');
fs.cpSync(path.join(PROJECT_ROOT, 'seed'), seedDir, { recursive: true });
const node = (args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000, input: '' });
const cli = (args: string[]) => node([path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), ...args]);

// pdf-lib writes asynchronously, and the draft must be merged before the test graph loads the seed: a child makes it.
const pdf = path.join(work, 'report.pdf');
const made = node([
  '-e',
  `require(${JSON.stringify(path.join(PROJECT_ROOT, 'tests', 'helpers', 'make-documents.ts'))}).twoColumnReport()` +
    `.then((bytes) => require('node:fs').writeFileSync(${JSON.stringify(pdf)}, bytes))`,
]);
const drafts = path.join(work, 'drafts');
const ingested = cli(['ingest', '--extractor', 'rules', pdf, '--seed', seedDir, '--drafts', drafts]);
const reviewed = cli(['review', path.join(drafts, 'teachers-digital-skills-three-regions'), '--accept-above', '0.6', '--seed', seedDir]);
useTestGraph(seedDir);
let api: RunningApi;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a PDF through ingest, review and the loader', () => {
  it('ingests the PDF and merges what was accepted into a copy of the seed', () => {
    expect(made.status === 0 ? '' : made.stderr).toBe('');
    expect(ingested.status === 0 ? '' : ingested.stderr).toBe('');
    expect(ingested.stdout).toMatch(/\(pdf, [\d,]+ characters/);
    expect(ingested.stdout).toMatch(/Page furniture set aside: 6/);
    expect(ingested.stdout).toMatch(/Captions kept as evidence: 2/);
    expect(reviewed.status === 0 ? '' : reviewed.stderr).toBe('');
    expect(reviewed.stdout).toMatch(/new entities: .*org:regional-teachers-network/);
  });

  it("loads the PDF's facts, each quoting the column text it comes from, with the PDF's title, publisher and date", async () => {
    const { body } = await api.graphql(`{ entityByName(name: "Regional Teachers Network") { id
      evidence { quote position document { title publisher published } } } }`);
    expect((body.data as any).entityByName).toEqual({
      id: 'org:regional-teachers-network',
      evidence: [
        {
          quote: 'The Regional Teachers Network helped the survey reach rural schools, where connections are weak.',
          position: 'BODY',
          document: { title: REPORT_TITLE, publisher: 'Global Learning Observatory', published: '2025-03-14' },
        },
      ],
    });
  });
});
