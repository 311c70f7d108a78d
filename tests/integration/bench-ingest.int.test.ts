import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IngestReport } from '../../bench/report-contract';
import { PROJECT_ROOT } from '../../src/project-root';
import { CORENLP_START_MS } from '../helpers/corenlp';
import { applyTestEnv } from '../helpers/test-env';

// `npm run bench -- --ingest` end to end on three small texts (two in English, one in Chinese): it starts the tests'
// CoreNLP cold (leaving it as it found it), times the three sides twice each and writes both reports.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
const corpus = path.join(work, 'corpus', 'small');
const reports = path.join(work, 'reports');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  fs.mkdirSync(corpus, { recursive: true });
  fs.copyFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', 'smart-education-forum.txt'), path.join(corpus, 'forum.txt'));
  fs.writeFileSync(path.join(corpus, 'launch.md'), '# A launch\n\nThe initiative was jointly launched by UNESCO and the World Bank in Paris.\n');
  fs.copyFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'chinese', 'zh-forum.txt'), path.join(corpus, 'zh-forum.txt'));
});

/**
 * Runs the benchmark without blocking this process: a CoreNLP an earlier test file started is this process's child,
 * and when the benchmark stops it, only a running event loop reaps it (under spawnSync it stays a zombie, and the
 * benchmark waits for it to go).
 */
function runBench(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'bench', 'run.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

describe('npm run bench -- --ingest on a small corpus', () => {
  it(
    'measures the floor, the pipeline and the rules, CoreNLP start-up and both peak RSS, into JSON and Markdown',
    async () => {
      // The tests' own CoreNLP (or CORENLP_URL), so that no second 4 GB server runs beside it.
      applyTestEnv();
      const result = await runBench(['--ingest', '--corpus', path.dirname(corpus), '--rounds', '2', '--reports', reports]);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
      const report = JSON.parse(fs.readFileSync(path.join(reports, 'ingest-report.json'), 'utf8')) as IngestReport;
      expect(report.corpus).toMatchObject({ documents: 3, bySplit: { small: 3 }, byLanguage: { en: 2, zh: 1 } });
      expect(report.rounds).toBe(2);
      for (const side of [report.floor, report.pipeline, report.rules]) {
        expect(side.runsS).toHaveLength(2);
        expect(side.medianS).toBeGreaterThan(0);
        expect(side.articlesPerMinute).toBeCloseTo((3 * 60) / side.medianS, 6);
      }
      // CoreNLP parses, the rules do not: the rules alone are faster than the pipeline.
      expect(report.rules.medianS).toBeLessThan(report.pipeline.medianS);
      expect(report.overheadPct).toBeCloseTo(((report.pipeline.medianS - report.floor.medianS) / report.floor.medianS) * 100, 6);
      expect(report.node.peakRssMb).toBeGreaterThan(50);
      if (report.coreNlp.source === 'local') {
        expect(report.coreNlp.startupS).toBeGreaterThan(1);
        expect(report.coreNlp.peakRssMb).toBeGreaterThan(500);
      }
      expect(report.documents.map((d) => [d.file, d.language])).toEqual([
        ['forum.txt', 'en'],
        ['launch.md', 'en'],
        ['zh-forum.txt', 'zh'],
      ]);
      const markdown = fs.readFileSync(path.join(reports, 'ingest-report.md'), 'utf8');
      expect(markdown).toMatch(/articles a minute\*\* \(target at least 20: (met|\*\*not met\*\*)\)/);
      expect(markdown).toMatch(/target at most 30%: (met|\*\*not met\*\*)/);
      expect(markdown).toContain('CoreNLP start-up, cold');
    },
    CORENLP_START_MS,
  );
});
