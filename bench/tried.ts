import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/project-root';
import { BenchFileError } from './bench-error';

// What was tried against each target, with what it measured, is data (bench/tried.json): the report prints it beside
// a run's misses, so that a reader of one report sees what bounds a miss and what has already been done about it.

export const TRIED_FILE = path.join(PROJECT_ROOT, 'bench', 'tried.json');

const triedSchema = z
  .array(
    z.strictObject({
      target: z.string().trim().min(1),
      attempts: z.array(z.string().trim().min(1)).min(1, { message: 'must list at least one attempt' }),
    }),
  )
  .min(1, { message: 'must list at least one target' });

/** One target and the attempts made on it, each with its measured effect. */
export type Attempts = z.infer<typeof triedSchema>[number];

/** The targets and their attempts from `text`, the contents of `file`; throws naming the file and each bad field. */
export function parseTried(text: string, file: string): Attempts[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BenchFileError(`${file} is not valid JSON: ${(error as Error).message}`, 'Fix the file; bench/README.md says what it holds.');
  }
  const parsed = triedSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.length > 0 ? issue.path.join('.') : '(the whole file)'}: ${issue.message}`);
  throw new BenchFileError(
    `${file} does not hold a list of { target, attempts }:\n${problems.join('\n')}`,
    'Each entry needs a non-empty "target" and a non-empty list of "attempts", each a sentence with what it measured.',
  );
}

/** The attempts, target by target, in the order of the report's tables. */
export const TRIED: readonly Attempts[] = parseTried(fs.readFileSync(TRIED_FILE, 'utf8'), TRIED_FILE);

/** The "What was tried" section of the report. */
export function renderTried(tried: readonly Attempts[] = TRIED): string[] {
  const lines = ['## What was tried', '', 'Target by target, each attempt with what it measured (details in bench/README.md).', ''];
  for (const { target, attempts } of tried) {
    lines.push(`- **${target}**`, ...attempts.map((attempt) => `  - ${attempt}`));
  }
  return lines;
}
