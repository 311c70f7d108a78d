import { z } from 'zod';
import type { RelationshipType } from '../../model/relationship-types';
import { boundedInt, optionalDate, parseArgs, relationshipTypes } from '../args';
import { BadUserInputError } from '../errors';
import { afterOffset } from '../pagination';
import { PAGE, type RelationshipField } from '../relationship-fields';
import { NO_FILTERS, type RelationshipFilters, type RelationshipOrder, type RelationshipSpec } from '../translate/relationship-list';
import type { FieldPlan } from './field-plan';
import { entityKeysAt, relationshipEndKeysAt, relationshipKeysAt } from './keys';

// What a relationship field asks the database for (its RelationshipSpec), from its declaration and its plan: the
// arguments (defaults are the SDL's, applied by graphql-js) and the selection.

const pageArguments = {
  first: boundedInt(1, PAGE.max),
  after: z.string().max(500).nullish(),
};

const relationshipFilterArguments = {
  role: z.string().max(200).nullish(),
  kind: z.string().max(200).nullish(),
  title: z.string().max(200).nullish(),
  inferred: z.boolean().nullish(),
  document: z.string().max(200).nullish(),
  from: optionalDate,
  to: optionalDate,
  orderBy: z.enum(['DEFAULT', 'NAME', 'DATE', 'DATE_DESC']),
};

/** The zod schema of a relationship field's arguments, from its declaration. */
function argumentsSchemaOf(field: RelationshipField) {
  return z.object({
    ...(field.types ? {} : { types: relationshipTypes }),
    ...(field.direction ? {} : { direction: z.enum(['OUTGOING', 'INCOMING', 'BOTH']) }),
    ...(field.asOf ? { asOf: optionalDate } : {}),
    ...(field.returns === 'relationships' ? relationshipFilterArguments : {}),
    ...(field.returns !== 'end' ? pageArguments : {}),
  });
}

// Built once per field: a zod object schema is costly to create (zod compiles a parser for it).
const argumentSchemas = new Map<RelationshipField, ReturnType<typeof argumentsSchemaOf>>();

/** The zod schema of a relationship field's arguments, built once. */
function argumentsOf(field: RelationshipField): ReturnType<typeof argumentsSchemaOf> {
  let schema = argumentSchemas.get(field);
  if (!schema) argumentSchemas.set(field, (schema = argumentsSchemaOf(field)));
  return schema;
}

type RelationshipArgs = Partial<RelationshipFilters> & {
  types?: RelationshipType[] | null;
  direction?: RelationshipSpec['direction'];
  asOf?: string | null;
  first?: number;
  after?: string | null;
  orderBy?: RelationshipOrder;
};

/** What a relationship field loads, from its declaration, its arguments and its selection. */
function specFrom(field: RelationshipField, rawArgs: Record<string, unknown>, plan: FieldPlan): RelationshipSpec {
  const args = parseArgs(argumentsOf(field), rawArgs) as RelationshipArgs;
  if (args.from && args.to && args.to < args.from.slice(0, args.to.length))
    throw new BadUserInputError(`to ("${args.to}") is before from ("${args.from}")`, 'to');
  const relationships = field.returns === 'relationships';
  const connection = field.returns !== 'end';
  return {
    types: field.types ? [...field.types] : (args.types ?? null),
    direction: field.direction ?? args.direction!,
    asOf: args.asOf ?? null,
    filters: relationships
      ? {
          role: args.role ?? null,
          kind: args.kind ?? null,
          title: args.title ?? null,
          inferred: args.inferred ?? null,
          document: args.document ?? null,
          from: args.from ?? null,
          to: args.to ?? null,
        }
      : NO_FILTERS,
    orderBy: args.orderBy ?? 'DEFAULT',
    skip: afterOffset(args.after) + 1,
    first: connection ? args.first! : 1,
    count: connection && plan.selects('totalCount'),
    keys: relationships ? relationshipKeysAt(plan) : [],
    endKeys: relationships ? relationshipEndKeysAt(plan) : entityKeysAt(plan),
    ...(field.endLabel ? { endLabel: field.endLabel } : {}),
  };
}

// Per plan, per declaration: two entity types may declare a field of the same name differently.
const specs = new WeakMap<FieldPlan, Map<RelationshipField, RelationshipSpec>>();

/**
 * The spec of a relationship field's plan, for the declaration of `parentType`, worked out once per request: the page
 * planner and the field's resolver (once per parent entity, a hundred times for a hundred partners) take the same
 * object, which is also the loaders' key. Throws BAD_USER_INPUT for bad arguments, each time it is asked.
 */
export function relationshipSpecOf(plan: FieldPlan, field: RelationshipField, parentType: string): RelationshipSpec {
  let byField = specs.get(plan);
  let spec = byField?.get(field);
  if (!spec) {
    spec = specFrom(field, plan.argsOn(parentType), plan);
    if (!byField) specs.set(plan, (byField = new Map()));
    byField.set(field, spec);
  }
  return spec;
}
