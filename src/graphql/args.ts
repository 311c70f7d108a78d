import { z } from 'zod';
import { partialDateProblem } from '../model/partial-date';
import { ENTITY_TYPES } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES } from '../model/relationship-types';
import { entityTypeEnum, labelOfEnum } from './records';
import { BadUserInputError } from './errors';

/** A partial date argument ("2019", "2019-03", "2019-03-04") that must be a real calendar date. */
export const partialDateArg = z.string().superRefine((value, ctx) => {
  const problem = partialDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A whole number between min and max, with a message that states the bounds. */
export const boundedInt = (min: number, max: number) =>
  z.number().int(`must be a whole number between ${min} and ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** An entity id argument. */
export const idArg = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** Validates resolver arguments with zod; any problem becomes BAD_USER_INPUT naming the argument. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const argument = issue.path.map(String).join('.');
  const all = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'arguments'}: ${i.message}`).join('; ');
  throw new BadUserInputError(`Invalid argument ${all}`, argument);
}

/** An optional partial date argument; null when not given. */
export const optionalDate = partialDateArg.nullish().transform((v) => v ?? null);

/**
 * The most values a list argument of enum values may hold as sent. Such a list is deduplicated before any statement
 * sees it (8,000 repeated relationship types once took Neo4j seconds to plan), so this only bounds the work of reading
 * it; it sits above the 8,000 of the abusive-request tests, whose answer must stay a real one.
 */
export const MAX_ENUM_LIST = 10_000;

/** A list of enum values, bounded as sent, then each value once in the order of `allowed` (so that equal sets give one statement text). */
function enumList<T extends string>(allowed: readonly T[], noun: string) {
  const known: ReadonlySet<string> = new Set(allowed);
  return z
    .array(z.string())
    .max(MAX_ENUM_LIST, `must have at most ${MAX_ENUM_LIST} values`)
    .superRefine((values, ctx) => {
      // One issue for the first unknown value, not one per value of a long list.
      const unknown = values.findIndex((value) => !known.has(value));
      if (unknown >= 0) ctx.addIssue({ code: 'custom', message: `is not ${noun}`, path: [unknown] });
    })
    .nullish()
    .transform((v) => {
      if (!v || v.length === 0) return null;
      const given = new Set(v);
      return allowed.filter((value) => given.has(value));
    });
}

// GraphQL's enum already restricts these; checking against the model again keeps Cypher safe if the two drift.
/** A list of relationship types of the model, each once; null when not given or empty. */
export const relationshipTypes = enumList(RELATIONSHIP_TYPE_NAMES, 'a relationship type of the model');

/** A list of entity types as the schema's enum names them, each once, as labels; null when not given or empty. */
export const entityTypes = enumList(
  ENTITY_TYPES.map((type) => entityTypeEnum(type)),
  'an entity type of the API',
).transform((v) => v?.map(labelOfEnum) ?? null);
