import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/project-root';

describe('when no way to a database works', () => {
  it('`db start` says so once, naming the three ways and what is missing, and exits non-zero', () => {
    // A PATH holding only node stands for a machine without java, mvn and docker.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'only-node-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    try {
      const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', 'db', 'start'], {
        cwd: PROJECT_ROOT,
        env: { PATH: bin, HOME: os.tmpdir() },
        encoding: 'utf8',
        timeout: 60_000,
      });
      // ExitCode.UNAVAILABLE: a needed service is missing.
      expect(result.status).toBe(69);
      expect(result.stderr).toMatch(
        /No Neo4j server can be had\. The project knows three ways, and none works here:\n\s+1\. NEO4J_URI pointing at a running server[^\n]*not set\.\n\s+2\. [^\n]*Java 17\+ and Maven: no `java` on PATH\.\n\s+3\. docker compose[^\n]*no Docker engine answers/,
      );
      expect(result.stderr).not.toMatch(/\s+at .*\.ts:\d+/);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});
