import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

/** Lints `code` as if it were the file `file`, returning eslint's exit status and output. */
function lintAs(file: string, code: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file], {
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
  ])('%s', (_name, file, code) => {
    const { status, output } = lintAs(file, code);
    expect(status).toBe(1);
    expect(output).toContain('import-x/no-restricted-paths');
  });

  it('and passes an import the rules allow', () => {
    const { status, output } = lintAs('src/graphql/probe.ts', "import { ENTITY_TYPES } from '../model/entity-types';\nexport const probe = ENTITY_TYPES;\n");
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});
