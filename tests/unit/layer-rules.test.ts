import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

const ESLINT = path.join(PROJECT_ROOT, 'node_modules/eslint/bin/eslint.js');

/**
 * Lints `code` as if it were the file `file`, returning eslint's exit status and output. no-cycle is left out: it
 * reads the linted file from disk, which a file given on stdin is not.
 */
function lintAs(file: string, code: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [ESLINT, '--rule', '{"import/no-cycle": "off"}', '--stdin', '--stdin-filename', file], {
    cwd: PROJECT_ROOT,
    input: code,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the layer rules hold: lint fails when a layer imports what it must not', () => {
  it.each([
    ['the API imports the seed layer', 'src/graphql/probe.ts', "import { prepareSeed } from '../seed/load-seed';\nexport const probe = prepareSeed;\n"],
    ['the seed layer imports the API', 'src/seed/probe.ts', "import { resolvers } from '../graphql/resolvers';\nexport const probe = resolvers;\n"],
    ['the model imports the database layer', 'src/model/probe.ts', "import { Database } from '../db/database';\nexport const probe = Database;\n"],
    ['the model imports the project root', 'src/model/probe.ts', "import { PROJECT_ROOT } from '../project-root';\nexport const probe = PROJECT_ROOT;\n"],
    ['the ingester imports the database layer', 'src/ingest/probe.ts', "import { Database } from '../db/database';\nexport const probe = Database;\n"],
    [
      'the runtime database layer imports the launcher',
      'src/db/probe.ts',
      "import { localNeo4j } from '../launcher/ensure-database';\nexport const probe = localNeo4j;\n",
    ],
    [
      'the workbench pages import the API',
      'src/workbench/app/probe.ts',
      "import { ErrorCode } from '../../graphql/errors';\nexport const probe = ErrorCode;\n",
    ],
    [
      'the HTTP layer imports the workbench pages',
      'src/http/probe.ts',
      "import { networkPage } from '../workbench/app/network';\nexport const probe = networkPage;\n",
    ],
    [
      'an extractor imports a pipeline stage',
      'src/ingest/extractors/probe.ts',
      "import { segment } from '../pipeline/segment';\nexport const probe = segment;\n",
    ],
    [
      'the NLP service imports an extractor',
      'src/ingest/nlp/probe.ts',
      "import { EXTRACTORS } from '../extractors/index';\nexport const probe = EXTRACTORS;\n",
    ],
  ])('%s', (_name, file, code) => {
    const { status, output } = lintAs(file, code);
    expect(status).toBe(1);
    expect(output).toContain('import/no-restricted-paths');
  });

  it('an ingest module other than the NLP service imports wink-nlp', () => {
    const { status, output } = lintAs('src/ingest/extractors/probe.ts', "import winkNLP from 'wink-nlp';\nexport const probe = winkNLP;\n");
    expect(status).toBe(1);
    expect(output).toContain('no-restricted-imports');
  });

  it('and passes an import the rules allow', () => {
    for (const [file, code] of [
      ['src/workbench/app/probe.ts', "import { networkArgs } from '../page-queries';\nexport const probe = networkArgs;\n"],
      ['src/http/probe.ts', "import { pageQuery } from '../workbench/page-queries';\nexport const probe = pageQuery;\n"],
    ] as const) {
      expect(lintAs(file, code)).toEqual({ status: 0, output: '' });
    }
    const { status, output } = lintAs('src/graphql/probe.ts', "import { ENTITY_TYPES } from '../model/entity-types';\nexport const probe = ENTITY_TYPES;\n");
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});

it('lint fails on a function over 100 lines in src/', () => {
  const body = Array.from({ length: 100 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const { status, output } = lintAs('src/graphql/probe.ts', `export function probe(): number {\n${body}\n  return v99;\n}\n`);
  expect(status).toBe(1);
  expect(output).toContain('max-lines-per-function');
});

it('lint fails on an import cycle', () => {
  const dir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'src', 'graphql', 'cycle-probe-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    const result = spawnSync(process.execPath, [ESLINT, dir], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('import/no-cycle');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
