import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { openDatabase, type Database } from '../../src/db/database';
import { localNeo4j } from '../../src/launcher/ensure-database';
import { exportScope, writeExport, writeRelease } from '../../src/export/export-graph';
import { fingerprint, type GraphFingerprint } from '../../src/export/fingerprint';
import { cypherScript } from '../../src/export/formats/cypher-script';
import { ARRAY_DELIMITER } from '../../src/export/formats/neo4j-csv';
import { openGraphSource } from '../../src/export/graph-source';
import { loadEnv } from '../../src/config/env';
import { PROJECT_ROOT } from '../../src/project-root';
import { startApi, type RunningApi } from '../helpers/api';
import { useTestGraph } from '../helpers/test-graph';

// Each export format read back by the tool researchers use it with: networkx for GraphML and GEXF, neo4j-admin for
// the CSV files, the jsonld package for JSON-LD, and Neo4j itself for the Cypher script.

const graph = useTestGraph();
let db: Database;
let original: GraphFingerprint;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));

beforeAll(async () => {
  db = graph();
  original = await fingerprint(await openGraphSource(db));
});

/** Runs Python with networkx on a file and returns what the script printed as JSON. */
function networkx(script: string, file: string): any {
  const result = spawnSync('python3', ['-c', `import json, sys\nimport networkx as nx\n${script}`, file], { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw new Error(`python3 could not run: ${result.error.message}; install python3 and python3-networkx`);
  if (result.status !== 0) throw new Error(`networkx failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const READ_BACK = (reader: string) => `
g = nx.${reader}(sys.argv[1])
node = g.nodes['org:ichei']
edges = [d for _, _, d in g.edges(data=True)]
partner = [d for a, b, d in g.edges(data=True) if a == 'org:ichei' and b == 'org:huawei' and (d.get('type') or d.get('label')) == 'PARTNER_OF'][0]
print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'name': node['name'], 'inferred': node['inferred'],
  'withEvidence': sum(1 for d in edges if json.loads(d['evidence'])), 'partner': json.loads(partner['evidence']), 'kind': partner['kind']}))
`;

describe('GraphML and GEXF, read with networkx', () => {
  it.each([
    ['graphml', 'read_graphml'],
    ['gexf', 'read_gexf'],
  ] as const)('%s has every node and edge, typed attributes, and the evidence of every edge', async (format, reader) => {
    const file = path.join(out, `graph.${format}`);
    await writeExport(db, format, { ids: null }, file);
    const read = networkx(READ_BACK(reader), file);
    expect(read).toMatchObject({
      nodes: original.nodes,
      edges: original.relationships,
      name: 'International Centre for Higher Education Innovation',
      inferred: false,
      withEvidence: original.relationships,
      kind: 'global strategic partner',
    });
    expect(read.partner[0]).toEqual({
      document: 'doc:ichei-mlw-2019',
      quote: expect.stringContaining('global strategic partners'),
      position: 'body',
      start: expect.any(Number),
      end: expect.any(Number),
    });
  });
});

describe('CSV for neo4j-admin database import', () => {
  it('rebuilds, in a fresh database, a graph with the same fingerprint', async () => {
    const nodes = path.join(out, 'nodes.csv');
    const relationships = path.join(out, 'relationships.csv');
    await writeExport(db, 'csv-nodes', { ids: null }, nodes);
    await writeExport(db, 'csv-relationships', { ids: null }, relationships);
    const env = loadEnv({
      ...process.env,
      NEO4J_URI: undefined,
      NEO4J_PASSWORD: 'import-check-password',
      NEO4J_HOME_DIR: '.neo4j/import-check',
      NEO4J_BOLT_PORT: '7689',
      NEO4J_HTTP_PORT: '7476',
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '128m',
    });
    const server = localNeo4j(env);
    await server.stop();
    fs.rmSync(server.homeDir, { recursive: true, force: true });
    const { classpath, env: toolEnv } = await server.configure();
    const imported = spawnSync(
      'java',
      [
        '-cp',
        classpath,
        'org.neo4j.cli.AdminTool',
        'database',
        'import',
        'full',
        `--nodes=${nodes}`,
        `--relationships=${relationships}`,
        `--array-delimiter=${ARRAY_DELIMITER}`,
        '--multiline-fields=true',
        // neo4j-admin writes its report to the working directory (the project's root) unless told otherwise.
        `--report-file=${path.join(out, 'import.report')}`,
        'neo4j',
      ],
      { env: toolEnv, encoding: 'utf8', timeout: 180_000 },
    );
    expect(imported.status === 0 ? '' : imported.stdout + imported.stderr).toBe('');
    await server.start();
    const rebuilt = openDatabase(env, server.boltUri);
    try {
      expect(await fingerprint(await openGraphSource(rebuilt))).toEqual(original);
    } finally {
      await rebuilt.close();
      await server.stop();
      fs.rmSync(server.homeDir, { recursive: true, force: true });
    }
  });
});

describe('JSON-LD, expanded with the jsonld package', () => {
  it('expands without errors or fetching anything, into the expected entities and statements with their evidence', async () => {
    const file = path.join(out, 'graph.jsonld');
    await writeExport(db, 'jsonld', { ids: null }, file);
    const fetched: string[] = [];
    const expanded: any[] = await (jsonld.expand as any)(JSON.parse(fs.readFileSync(file, 'utf8')), {
      documentLoader: async (url: string) => {
        fetched.push(url);
        throw new Error(`no remote contexts: ${url}`);
      },
      safe: true,
    });
    expect(fetched).toEqual([]);
    const typed = (type: string) => expanded.filter((n: any) => (n['@type'] ?? []).includes(type));
    const vocab = 'urn:edupolicy-graph:vocab:';
    const statements = typed(`${vocab}Statement`);
    expect(statements).toHaveLength(original.relationships);
    expect(typed('https://schema.org/Organization').length).toBeGreaterThan(5);
    const entities = expanded.filter((n: any) => n[`${vocab}identifier`] ?? n['https://schema.org/identifier']);
    expect(entities).toHaveLength(original.nodes);
    for (const statement of statements) expect(statement[`${vocab}evidence`]?.length).toBeGreaterThan(0);
    const quads = (await jsonld.toRDF(expanded, { format: 'application/n-quads' } as any)) as unknown as string;
    const predicate = quads.split('\n').filter((line) => line.includes(`<${vocab}PARTNER_OF>`));
    expect(predicate.length).toBe(statements.filter((s: any) => s[`${vocab}predicate`][0]['@value'] === 'PARTNER_OF').length);
  });
});

describe('the Cypher script', () => {
  it('rebuilds the graph in an empty database with the same fingerprint', async () => {
    let script = '';
    for await (const chunk of cypherScript(await openGraphSource(db))) script += chunk;
    await db.write('MATCH (n) DETACH DELETE n');
    const statements = script
      .split(';\n')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('//'));
    for (const statement of statements) await db.write(statement);
    expect(await fingerprint(await openGraphSource(db))).toEqual(original);
  });
});

describe('exports over HTTP, and a release', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.stop());

  it('streams a format, a neighbourhood, and refuses an unknown format or entity with a 404', async () => {
    const whole = await fetch(`${api.url}/export/graphml`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toMatch(/graphml/);
    const text = await whole.text();
    expect(text.match(/<edge /g)).toHaveLength(original.relationships);
    const scope = await exportScope(db, { centre: 'org:huawei', depth: 1 });
    const part = await (await fetch(`${api.url}/export/graphml?neighbourhood=org:huawei&depth=1`)).text();
    expect(part.match(/<node /g)).toHaveLength(scope.ids!.length);
    expect(scope.ids!.length).toBeLessThan(original.nodes);
    const unknown = await fetch(`${api.url}/export/pdf`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].message).toMatch(/Unknown export format "pdf"; the formats are graphml, gexf/);
    expect((await fetch(`${api.url}/export/gexf?neighbourhood=org:nobody`)).status).toBe(404);
    expect((await fetch(`${api.url}/export/gexf?neighbourhood=org:ichei&depth=9`)).status).toBe(400);
  });

  it('exports a neighbourhood as of a date, as the network view draws it', async () => {
    const csv = async (asOf: string) => {
      const response = await fetch(`${api.url}/export/csv-relationships?neighbourhood=org:ichei&depth=1${asOf ? `&asOf=${asOf}` : ''}`);
      expect(response.status).toBe(200);
      return { name: response.headers.get('content-disposition'), text: await response.text() };
    };
    const all = await csv('');
    const then = await csv('2018');
    // ICHEI's 2019 attendance goes, its undated partnerships stay, and the file says which date it holds.
    expect(all.text).toMatch(/PARTICIPATED_IN/);
    expect(then.text).not.toMatch(/PARTICIPATED_IN/);
    expect(then.text).toMatch(/PARTNER_OF/);
    expect(then.name).toMatch(/as-of-2018/);
    const bad = await fetch(`${api.url}/export/graphml?neighbourhood=org:ichei&asOf=2019-13`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].message).toBe('Invalid query parameter asOf: "2019-13" has month 13, which does not exist');
  });

  it('the CLI exports a neighbourhood to a file and writes a release, with the same code', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'src', 'cli', 'index.ts'), ...args], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
    const file = path.join(out, 'ichei.gexf');
    const exported = cli(['export', '--format', 'gexf', '--neighbourhood', 'org:ichei', '--depth', '1', '--out', file]);
    expect(exported.status === 0 ? '' : exported.stderr).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toMatch(/<node id="org:ichei" label="International Centre for Higher Education Innovation">/);
    const unknown = cli(['export', '--format', 'gexf', '--neighbourhood', 'org:nobody']);
    expect(unknown.status).toBe(65);
    expect(unknown.stderr).toMatch(/No entity has the id "org:nobody"/);
    const released = cli(['release', '--dir', path.join(out, 'cli-release')]);
    expect(released.status === 0 ? '' : released.stderr).toBe('');
    expect(released.stdout).toMatch(/Release written to .*cli-release/);
  });

  it('npm run release writes every format, checksums that hold, the licence and a README of the data', async () => {
    const folder = await writeRelease(db, path.join(out, 'release'), PROJECT_ROOT, '2026-01-02');
    expect(fs.readdirSync(folder).sort()).toEqual([
      'CITATION.cff',
      'DATA-LICENSE.md',
      'LICENSE',
      'README.md',
      'SHA256SUMS',
      'graph.cypher',
      'graph.gexf',
      'graph.graphml',
      'graph.jsonld',
      'nodes.csv',
      'relationships.csv',
    ]);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.status).toBe(0);
    const readme = fs.readFileSync(path.join(folder, 'README.md'), 'utf8');
    expect(readme).toContain(`${original.nodes} entities and ${original.relationships} relationships`);
    expect(readme).toContain(original.sha256);
    expect(readme).toMatch(/doc:ichei-mlw-2019`: ICHEI .*8 March 2019/);
  });
});
