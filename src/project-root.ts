import path from 'node:path';

/** Absolute path of the repository root, whichever entry point (tsx, jest) loaded this file. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
