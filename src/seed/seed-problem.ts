import { AppError, ExitCode } from '../errors/app-error';

/** One thing wrong with the seed data: which file, where inside it, and why. */
export interface SeedProblem {
  file: string;
  /** A JSON path such as `[12].evidence[0].quote`, or empty for the whole file. */
  path: string;
  message: string;
}

/** Formats a problem as one line: `seed/relationships.json [12].to: "org:x" is not a known entity id`. */
export function formatProblem(problem: SeedProblem): string {
  return `${problem.file}${problem.path ? ` ${problem.path}` : ''}: ${problem.message}`;
}

/** Raised when seed data is invalid; carries every problem found, not only the first. */
export class SeedValidationError extends AppError {
  override readonly name = 'SeedValidationError';
  readonly code = 'SEED_INVALID';
  readonly exitCode = ExitCode.DATA;
  constructor(readonly problems: SeedProblem[]) {
    super(
      `Seed data is invalid; nothing was written. ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
      'Correct the files at the places named, then load again (`npm run seed -- --dry-run` checks without writing).',
    );
  }
}

/** Renders a zod-style path as `[3].evidence[0].quote`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}
