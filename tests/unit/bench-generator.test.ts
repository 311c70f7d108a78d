import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSeed, searchTextFor } from '../../bench/generate';
import { prepareSeed } from '../../src/seed/load-seed';

// The benchmark loads what its generator writes; a change of the seed format must not break it unnoticed.
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

  it('searches for an organization the API can answer about at every scale', () => {
    // Organization 2 up to 100k; at 1M (83,333 organizations) "2" as a prefix matched 1,854 names, over the API's 1,000.
    expect(searchTextFor(833)).toBe('Education Organizaton 2');
    expect(searchTextFor(8_333)).toBe('Education Organizaton 2');
    expect(searchTextFor(83_333)).toBe('Knowledge Organizaton 23333');
  });
});
