import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSeed, searchTextFor } from '../../bench/generate';
import { prepareSeed } from '../../src/seed/load-seed';

// The benchmark loads what its generator writes; a change of the seed format must not break it unnoticed.

/** A hash of every file's path and bytes under `dir`, in path order. */
function folderHash(dir: string): string {
  const files = (at: string): string[] =>
    fs.readdirSync(at, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(at, entry.name)) : [path.join(at, entry.name)]));
  const hash = crypto.createHash('sha256');
  for (const file of files(dir).sort()) hash.update(path.relative(dir, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

describe("the benchmark's seed generator", () => {
  it('writes a seed folder the loader accepts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-seed-'));
    try {
      const generated = generateSeed({ relationships: 600, seed: 7, dir });
      const { rows } = prepareSeed(dir);
      expect(rows.nodes.length).toBe(generated.entities);
      expect(rows.relationships.length).toBeGreaterThanOrEqual(generated.relationships);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the same folder for the same seed and scale, byte for byte', () => {
    // The hash is of the generator's output before it was split into named steps: figures measured on generated data
    // stay comparable only while a seed gives the same graph. A deliberate change of the data updates it.
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'bench-seed-')));
    try {
      for (const dir of dirs) generateSeed({ relationships: 600, seed: 7, dir });
      expect(folderHash(dirs[0]!)).toBe('b0c900e1fb40d4bb25008bdb5a660ca9af20f73ff0052a8c790f6b9ae99b8b4e');
      expect(folderHash(dirs[1]!)).toBe(folderHash(dirs[0]!));
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('searches for an organization the API can answer about at every scale', () => {
    // Organization 2 up to 100k; at 1M (83,333 organizations) "2" as a prefix matched 1,854 names, over the API's 1,000.
    expect(searchTextFor(833)).toBe('Education Organizaton 2');
    expect(searchTextFor(8_333)).toBe('Education Organizaton 2');
    expect(searchTextFor(83_333)).toBe('Knowledge Organizaton 23333');
  });
});
