import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../../src/project-root';

// eslint's import/no-cycle does not follow `import type`, so a cycle of types alone passed lint twice; this test
// reads every import, types included, with TypeScript's own pre-processor.

type ImportGraph = Map<string, string[]>;

/** The .ts files under `dir`, as paths relative to the project root. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The project file an import specifier names from `file`, or undefined for a package. */
function resolveImport(file: string, specifier: string, files: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.join(path.dirname(file), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => files.has(candidate));
}

/** Every file's project imports, `import type` and `export ... from` included. */
function importGraph(files: string[], read: (file: string) => string): ImportGraph {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const imported = ts.preProcessFile(read(file), true, true).importedFiles.map((i) => resolveImport(file, i.fileName, known));
      return [file, imported.filter((target): target is string => target !== undefined)];
    }),
  );
}

/** The strongly connected groups of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('import cycles, types included', () => {
  it('finds a cycle made of type imports alone', () => {
    const sources: Record<string, string> = {
      'src/a.ts': "import type { B } from './b';\nexport interface A { b: B }\n",
      'src/b.ts': "import type { A } from './a';\nexport interface B { a: A }\n",
      'src/c.ts': "import type { A } from './a';\nexport type C = A;\n",
    };
    expect(cycles(importGraph(Object.keys(sources), (file) => sources[file]!))).toEqual([['src/a.ts', 'src/b.ts']]);
  });

  it('there is none in src/ or bench/', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('bench')];
    expect(files.length).toBeGreaterThan(100);
    expect(cycles(importGraph(files, (file) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8')))).toEqual([]);
  });
});
