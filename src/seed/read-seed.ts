import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { fieldCharLimit, SEED_LIMITS } from './limits';
import { jsonPath, type SeedProblem } from './seed-problem';
import {
  claimSchema,
  documentSchema,
  entitySchema,
  figureSchema,
  layoutSchema,
  relationshipSchema,
  type SeedClaim,
  type SeedDocument,
  type SeedEntity,
  type SeedFigure,
  type SeedLayout,
  type SeedRelationship,
} from './seed-schema';

/** Everything in a seed folder, each item remembering the file and index it came from. */
export interface SeedData {
  documents: Located<SeedDocument>[];
  /** Page furniture and the regions that give quotes their position (layout.json). */
  layout: Located<SeedLayout>[];
  entities: Located<SeedEntity>[];
  relationships: Located<SeedRelationship>[];
  figures: Located<SeedFigure>[];
  /** Competing claims about entities' properties (claims.json, optional). */
  claims: Located<SeedClaim>[];
  /** Document file name to its text, for the files found in corpus/. */
  corpus: Map<string, string>;
  /** Ids of items that failed their schema (already reported), so references to them are not reported again. */
  invalidIds: Set<string>;
}

export interface Located<T> {
  value: T;
  file: string;
  index: number;
}

/** Reads and shape-checks every seed file under `dir`; problems are collected, never thrown one by one. */
export function readSeed(dir: string, displayRoot = path.dirname(dir)): { data: SeedData; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const invalidIds = new Set<string>();
  const display = (file: string) => path.relative(displayRoot, file) || file;

  // Each item is checked on its own, so that one bad item neither hides the others' problems nor makes every
  // reference to it look dangling.
  function readArray<S extends z.ZodType>(file: string, itemSchema: S, required: boolean): Located<z.infer<S>>[] {
    if (!fs.existsSync(file)) {
      if (required) problems.push({ file: display(file), path: '', message: 'file is missing' });
      return [];
    }
    const size = fs.statSync(file).size;
    if (size > SEED_LIMITS.fileBytes) {
      problems.push({ file: display(file), path: '', message: `is ${size} bytes; a seed file may hold at most ${SEED_LIMITS.fileBytes} bytes` });
      return [];
    }
    const text = fs.readFileSync(file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.push({ file: display(file), path: '', message: `is not valid JSON: ${describeJsonError(error as Error, text)}` });
      return [];
    }
    if (!Array.isArray(raw)) {
      problems.push({ file: display(file), path: '', message: 'must contain a JSON array' });
      return [];
    }
    const items: Located<z.infer<S>>[] = [];
    raw.forEach((element: unknown, index) => {
      const tooLong = overlongStrings(element);
      if (tooLong.length > 0) {
        for (const { path, length, limit } of tooLong) {
          problems.push({ file: display(file), path: jsonPath([index, ...path]), message: `is ${length} characters long; at most ${limit} are allowed here` });
        }
        const id = (element as { id?: unknown } | null)?.id;
        if (typeof id === 'string') invalidIds.add(id);
        return;
      }
      const parsed = itemSchema.safeParse(element);
      if (parsed.success) {
        items.push({ value: parsed.data as z.infer<S>, file: display(file), index });
        return;
      }
      for (const issue of parsed.error.issues) {
        problems.push({ file: display(file), path: jsonPath([index, ...issue.path]), message: describeIssue(issue) });
      }
      const id = (element as { id?: unknown } | null)?.id;
      if (typeof id === 'string') invalidIds.add(id);
    });
    return items;
  }

  const entityDir = path.join(dir, 'entities');
  const entityFiles = jsonFilesIn(entityDir);
  // A seed too large for one relationships.json (see SEED_LIMITS.fileBytes) may add relationships/*.json, read after it.
  const relationshipFiles = jsonFilesIn(path.join(dir, 'relationships'));
  if (entityFiles.length === 0) problems.push({ file: display(entityDir), path: '', message: 'no entity files (*.json) found' });

  if (fs.existsSync(path.join(dir, 'furniture.json'))) {
    problems.push({
      file: display(path.join(dir, 'furniture.json')),
      path: '',
      message: 'is no longer read: page furniture and the regions that give quotes their position are in layout.json (rename the file; captions are evidence now, kind "caption")',
    });
  }

  const corpus = new Map<string, string>();
  const corpusDir = path.join(dir, 'corpus');
  if (fs.existsSync(corpusDir)) {
    for (const name of fs.readdirSync(corpusDir).filter((n) => n.endsWith('.txt'))) {
      const file = path.join(corpusDir, name);
      const size = fs.statSync(file).size;
      if (size > SEED_LIMITS.documentBytes) {
        problems.push({ file: display(file), path: '', message: `is ${size} bytes; a source document may hold at most ${SEED_LIMITS.documentBytes} bytes` });
        continue;
      }
      corpus.set(name, normalizeLineEndings(fs.readFileSync(file, 'utf8')));
    }
  }

  const data: SeedData = {
    documents: readArray(path.join(dir, 'documents.json'), documentSchema, true),
    layout: readArray(path.join(dir, 'layout.json'), layoutSchema, false) as Located<SeedLayout>[],
    entities: entityFiles.flatMap((file) => readArray(file, entitySchema, true)),
    relationships: [
      ...readArray(path.join(dir, 'relationships.json'), relationshipSchema, relationshipFiles.length === 0),
      ...relationshipFiles.flatMap((file) => readArray(file, relationshipSchema, true)),
    ],
    figures: readArray(path.join(dir, 'figures.json'), figureSchema, false),
    claims: readArray(path.join(dir, 'claims.json'), claimSchema, false),
    corpus,
    invalidIds,
  };
  return { data, problems };
}

/** The JSON files directly in `dir`, sorted by name; none when it does not exist. */
function jsonFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.message})`;
  if (issue.code === 'unrecognized_keys') return `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function describeJsonError(error: Error, text: string): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${error.message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

/**
 * A document's text with CRLF and CR line endings made LF and without a byte-order mark, so that the stored text,
 * and the offsets of quotes in it, do not depend on the platform a copy was saved on.
 */
export function normalizeLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The strings of a seed item longer than their field allows, with their paths (walked without recursion). */
function overlongStrings(element: unknown): { path: (string | number)[]; length: number; limit: number }[] {
  const found: { path: (string | number)[]; length: number; limit: number }[] = [];
  const stack: { value: unknown; path: (string | number)[]; field: string }[] = [{ value: element, path: [], field: '' }];
  while (stack.length > 0) {
    const { value, path: at, field } = stack.pop()!;
    if (typeof value === 'string') {
      const limit = fieldCharLimit(field);
      if (value.length > limit) found.push({ path: at, length: value.length, limit });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...at, i], field }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...at, key], field: key });
    }
  }
  return found.reverse();
}
