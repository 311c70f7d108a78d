import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

/** The tests' own small seed (see tests/fixtures/seed/README.md). */
export const FIXTURE_SEED_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'seed');

/** The project's real seed folder; only tests/e2e/production-seed.test.ts checks its facts. */
export const PRODUCTION_SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/** A throw-away copy of a seed folder (the fixture by default) that a test may edit. */
export class SeedCopy {
  readonly dir: string;

  constructor(from: string = FIXTURE_SEED_DIR) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'));
    fs.cpSync(from, this.dir, { recursive: true });
  }

  /** Reads a JSON file of the copy, relative to the seed folder. */
  read<T = unknown[]>(file: string): T {
    return JSON.parse(fs.readFileSync(path.join(this.dir, file), 'utf8')) as T;
  }

  /** Rewrites a JSON file of the copy through a function of its parsed content. */
  edit<T = Record<string, unknown>[]>(file: string, change: (content: T) => T | void): this {
    const content = this.read<T>(file);
    const result = change(content) ?? content;
    fs.writeFileSync(path.join(this.dir, file), JSON.stringify(result, null, 2));
    return this;
  }

  /** Replaces a file's raw text. */
  writeRaw(file: string, text: string): this {
    fs.writeFileSync(path.join(this.dir, file), text);
    return this;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
