import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

/** Validates a CFF file against the CFF 1.2.0 JSON schema (cffjs ships it; it is an ES module, hence a child node). */
function validateCff(file: string): { ok: boolean; output: string } {
  const script = `import { validateCFFFile } from 'cffjs'; try { validateCFFFile(${JSON.stringify(file)}); } catch (e) { console.error(e.message); process.exit(1); }`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

describe('CITATION.cff', () => {
  it('is valid against the Citation File Format 1.2.0 schema and names the data licence', () => {
    const { ok, output } = validateCff(path.join(PROJECT_ROOT, 'CITATION.cff'));
    expect(output).toBe('');
    expect(ok).toBe(true);
    expect(read('CITATION.cff')).toMatch(/^license: CC-BY-4\.0$/m);
  });

  it('is checked for real: a citation without a title is refused', () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cff-')), 'CITATION.cff');
    fs.writeFileSync(broken, read('CITATION.cff').replace(/^title: .*$/m, ''));
    const { ok, output } = validateCff(broken);
    expect(ok).toBe(false);
    expect(output).toMatch(/title/);
  });
});

describe('licences', () => {
  it('separate the code (MIT) from the curated data (CC BY 4.0) and state the terms of the source copies', () => {
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    const data = read('DATA-LICENSE.md');
    expect(data).toMatch(/CC BY 4\.0/);
    expect(data).toMatch(/seed\/corpus\/\*\.txt/);
    for (const doc of JSON.parse(read('seed/documents.json')) as { terms: string }[]) expect(doc.terms).toMatch(/data licence/);
  });

  it('CHANGELOG.md has an entry for the version in CITATION.cff or an Unreleased section', () => {
    const version = /^version: (.+)$/m.exec(read('CITATION.cff'))![1]!;
    expect(read('CHANGELOG.md')).toMatch(new RegExp(`^## \\[(Unreleased|${version.replace(/\./g, '\\.')})\\]`, 'm'));
  });
});
