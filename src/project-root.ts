import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `from` that holds package.json. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

/**
 * Absolute path of the repository root, whichever entry point loaded this file: tsx and jest from src/, or node
 * from the compiled dist/src/ of the container image.
 */
export const PROJECT_ROOT = findRoot(__dirname);
