import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '../../src/config/env';
import { CoreNlpParser } from '../../src/ingest/nlp/corenlp';
import { ensureCoreNlp } from '../../src/launcher/ensure-corenlp';
import { PROJECT_ROOT } from '../../src/project-root';
import { CORENLP_START_MS, testParser } from '../helpers/corenlp';
import { applyTestEnv } from '../helpers/test-env';

// The project's CoreNLP as ingest uses it: started from Maven Central's jars on first use, on 127.0.0.1 only, reused
// while it runs, and read into the ingester's own shape; CORENLP_URL at nothing is a clear error.
let parser: CoreNlpParser;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corenlp-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  parser = await testParser();
}, CORENLP_START_MS);

/** Whether a TCP connection to host:port succeeds. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('the project-local CoreNLP server', () => {
  it('is reused while it runs, and listens on the loopback address only', async () => {
    const env = applyTestEnv();
    const again = await ensureCoreNlp(env);
    expect(again).toMatchObject({ source: env.CORENLP_URL ? 'external' : 'local', startedHere: false });
    if (env.CORENLP_URL) return;
    expect(await connects('127.0.0.1', env.CORENLP_PORT)).toBe(true);
    const outward = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal);
    for (const address of outward) expect(await connects(address!.address, env.CORENLP_PORT)).toBe(false);
  });

  it('parses into sentences, tokens with offsets, entities, enhanced++ dependencies and coreference', async () => {
    const text = 'The initiative was jointly launched by UNESCO and the World Bank.\n\nThe Bank said it would fund it.';
    const parsed = await parser.parse(text);
    expect(parsed.sentences).toHaveLength(2);
    for (const token of parsed.sentences.flatMap((s) => s.tokens)) expect(text.slice(token.start, token.end)).toBe(token.word);
    const first = parsed.sentences[0]!;
    expect(first.entities.map((e) => [text.slice(e.start, e.end), e.type])).toEqual(
      expect.arrayContaining([
        ['UNESCO', 'ORGANIZATION'],
        ['World Bank', 'ORGANIZATION'],
      ]),
    );
    // Coordination is spread to both agents in the enhanced++ graph.
    const launched = first.tokens.find((t) => t.word === 'launched')!.index;
    const agents = first.edges.filter((e) => e.governor === launched && e.dep === 'obl:agent').map((e) => first.tokens[e.dependent - 1]!.word);
    expect(agents.sort()).toEqual(['Bank', 'UNESCO']);
    expect(parsed.corefs.some((chain) => chain.some((m) => text.slice(m.start, m.end) === 'The Bank'))).toBe(true);
  });

  it('refuses a CORENLP_URL where nothing answers, saying what to do', async () => {
    const env = { ...loadEnv(), CORENLP_URL: 'http://127.0.0.1:9' };
    await expect(ensureCoreNlp(env)).rejects.toThrow(/CORENLP_URL=http:\/\/127\.0\.0\.1:9: no CoreNLP server answers there/);
  });
});

describe('npm run cli -- ingest --extractor', () => {
  const ingest = (out: string, ...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--require',
        'tsx/cjs',
        path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'),
        'ingest',
        path.join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest', 'smart-education-forum.txt'),
        ...['--published', '2024-08-20', '--publisher', 'Test wire', '--drafts', path.join(work, 'drafts'), '--out', out],
        ...args,
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CORENLP_URL: parser.url } },
    );

  it('says in the report and in draft.json whether CoreNLP or the rules alone read the document', () => {
    const withCoreNlp = ingest(path.join(work, 'with-corenlp'), '--extractor', 'corenlp');
    expect(withCoreNlp.stderr).toBe('');
    expect(withCoreNlp.stdout).toMatch(/Read with CoreNLP and the dependency rules \(CoreNLP at http:\/\/127\.0\.0\.1:\d+\)/);
    const marker = JSON.parse(fs.readFileSync(path.join(work, 'with-corenlp', 'draft.json'), 'utf8')) as { extractedWith: unknown };
    expect(marker.extractedWith).toEqual({ extractor: 'corenlp', parser: `CoreNLP at ${parser.url}` });

    // Another folder of drafts, or the text would be refused as already ingested.
    const rulesAlone = ingest(path.join(work, 'second', 'rules-alone'), '--extractor', 'rules', '--drafts', path.join(work, 'second'));
    expect(rulesAlone.stdout).toMatch(/Read with the rule pipeline alone \(no CoreNLP\)/);
    expect(JSON.parse(fs.readFileSync(path.join(work, 'second', 'rules-alone', 'draft.json'), 'utf8'))).toMatchObject({
      extractedWith: { extractor: 'rules' },
    });
  });

  it('refuses an unknown --extractor, naming the choices', () => {
    const run = ingest(path.join(work, 'never'), '--extractor', 'magic');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--extractor.*must be auto, corenlp or rules, got "magic"/);
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);
  });
});
