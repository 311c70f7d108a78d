import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSeed } from '../../bench/generate';
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
});
