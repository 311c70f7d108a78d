import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from '../project-root';
import { handbookExamples, handbookPages, type HandbookExample } from './handbook';

/** The workbench's sources, and where `npm start` builds them (git-ignored). */
export const WEB_SOURCE_DIR = path.join(PROJECT_ROOT, 'src', 'workbench', 'app');
export const WEB_BUILD_DIR = path.join(PROJECT_ROOT, '.web-dist');

/** The queries the pages open with, shared with the server that sends their first answers. */
const PAGE_QUERIES_FILE = path.join(PROJECT_ROOT, 'src', 'workbench', 'page-queries.ts');

const STATIC_FILES = ['index.html', 'graphiql.html', 'style.css'];

/** The handbook's examples as GraphiQL tabs, each named after its example so that GraphiQL titles the tab with it. */
export function graphiqlTabs(examples: HandbookExample[]): { name: string; query: string; variables?: string }[] {
  return examples.map(({ name, query, variables }) => {
    const operation = name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
    const tab = { name, query: query.startsWith('{') ? `query ${operation} ${query}` : query };
    return variables ? { ...tab, variables: JSON.stringify(variables, null, 2) } : tab;
  });
}

/** Neo4j Browser's style: the one definition of the graph's colours, which the network view reads too. */
const STYLE_FILE = path.join(PROJECT_ROOT, 'neo4j-browser', 'style.grass');

/** The colours of a GraSS style sheet, by node label and by relationship type. */
export function graphStyle(grass: string): { nodes: Record<string, string>; relationships: Record<string, string> } {
  const colours = (kind: 'node' | 'relationship') =>
    Object.fromEntries([...grass.matchAll(new RegExp(`${kind}\\.(\\w+) \\{[^}]*?\\bcolor: (#[0-9A-Fa-f]{6})`, 'g'))].map((m) => [m[1]!, m[2]!]));
  return { nodes: colours('node'), relationships: colours('relationship') };
}

/** A hash of everything the build reads, so that an unchanged workbench is not built again. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(file).update(fs.readFileSync(file));
    }
  };
  walk(WEB_SOURCE_DIR);
  hash.update(fs.readFileSync(PAGE_QUERIES_FILE));
  // GraphiQL's tabs are the handbook's examples.
  for (const page of handbookPages()) hash.update(page).update(fs.readFileSync(path.join(PROJECT_ROOT, page)));
  hash.update(fs.readFileSync(STYLE_FILE));
  hash.update(fs.readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  // How the bundles are built is part of what they are.
  hash.update(fs.readFileSync(path.join(PROJECT_ROOT, 'src', 'workbench', 'build.ts')));
  hash.update(fs.readFileSync(path.join(PROJECT_ROOT, 'src', 'workbench', 'handbook.ts')));
  return hash.digest('hex');
}

/**
 * Bundles the workbench (src/workbench/app, TypeScript, with GraphiQL and its styles from npm) into `outDir` with esbuild, unless
 * the sources are unchanged since the last build; every script, style and font ends up in the bundle, so the pages
 * load nothing from elsewhere. Returns the folder.
 */
export async function ensureWebBuilt(outDir: string = WEB_BUILD_DIR): Promise<{ dir: string; built: boolean }> {
  const hash = sourceHash();
  const marker = path.join(outDir, '.source-hash');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === hash) return { dir: outDir, built: false };
  const staging = `${outDir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, 'app'), { recursive: true });
  try {
    const common: BuildOptions = {
      outdir: path.join(staging, 'app'),
      bundle: true,
      format: 'esm',
      minify: true,
      sourcemap: false,
      target: ['es2022'],
      loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    };
    // The workbench's pages load what they draw with: Cytoscape.js comes in a chunk of its own, with the network and
    // paths views. GraphiQL stays one file: split, its editors load late and a quick first click on Run does nothing.
    const main = await build({
      ...common,
      entryPoints: { main: path.join(WEB_SOURCE_DIR, 'main.ts'), 'layout-worker': path.join(WEB_SOURCE_DIR, 'layout-worker.ts') },
      splitting: true,
      chunkNames: 'chunk-[hash]',
      metafile: true,
    });
    await build({ ...common, entryPoints: { graphiql: path.join(WEB_SOURCE_DIR, 'graphiql.ts') } });
    for (const file of STATIC_FILES) fs.copyFileSync(path.join(WEB_SOURCE_DIR, file), path.join(staging, file === 'style.css' ? 'app/style.css' : file));
    // The chunks main.js imports are announced in the page, so that the browser fetches them with main.js, not after it.
    const mainOutput = Object.entries(main.metafile.outputs).find(([file]) => file.endsWith('/app/main.js'))![1];
    const preloads = mainOutput.imports
      .filter((i) => i.kind === 'import-statement')
      .map((i) => `    <link rel="modulepreload" href="/app/${path.basename(i.path)}" />\n`)
      .join('');
    const index = path.join(staging, 'index.html');
    const html = fs.readFileSync(index, 'utf8');
    const script = /(\s*<script type="module" async src="\/app\/main\.js"><\/script>\n)/;
    if (!script.test(html)) throw new Error(`${index}: no <script type="module" async src="/app/main.js"> to announce the chunks after`);
    fs.writeFileSync(index, html.replace(script, `$1${preloads}`));
    fs.writeFileSync(path.join(staging, 'app', 'examples.json'), JSON.stringify(graphiqlTabs(handbookExamples())));
    fs.writeFileSync(path.join(staging, 'app', 'graph-style.json'), JSON.stringify(graphStyle(fs.readFileSync(STYLE_FILE, 'utf8'))));
    fs.writeFileSync(path.join(staging, '.source-hash'), hash);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(staging, outDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { dir: outDir, built: true };
}
