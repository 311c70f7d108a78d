import { z } from 'zod';
import { partialDateProblem } from '../model/partial-date';
import { isRelationshipType, type RelationshipType } from '../model/relationship-types';
import { labelOfEnum } from './records';
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

// GraphQL's enum already restricts these; checking against the model again keeps Cypher safe if the two drift.
/** A list of relationship types of the model; null when not given or empty. */
export const relationshipTypes = z
  .array(z.string().refine(isRelationshipType, { message: 'is not a relationship type of the model' }))
  .nullish()
  .transform((v) => (v && v.length > 0 ? (v as RelationshipType[]) : null));

/** A list of entity types as the schema's enum names them, as labels; null when not given or empty. */
export const entityTypes = z
  .array(z.string())
  .nullish()
  .transform((v) => (v && v.length > 0 ? v.map(labelOfEnum) : null));
