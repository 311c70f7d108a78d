import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { RelationshipType } from '../model/relationship-types';
import { boundedInt, optionalDate, parseArgs, relationshipTypes } from './args';
import type { ApiContext } from './context';
import { BadUserInputError } from './errors';
import { afterOffset } from './pagination';
import { PAGE, type RelationshipField } from './relationship-fields';
import { entityKeys, isSelected, mergeKeys, relationshipKeys } from './selection';
import { NO_FILTERS, type RelationshipFilters, type RelationshipOrder, type RelationshipSpec } from './translate/relationship-list';

// What a relationship field asks the database for (its RelationshipSpec), from its declaration, arguments and selection.

const pageArguments = {
  first: boundedInt(1, PAGE.max).default(PAGE.default),
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
  orderBy: z.enum(['DEFAULT', 'NAME', 'DATE', 'DATE_DESC']).default('DEFAULT'),
};

/** The zod schema of a relationship field's arguments, from its declaration. */
function argumentsSchemaOf(field: RelationshipField) {
  return z.object({
    ...(field.types ? {} : { types: relationshipTypes }),
    ...(field.direction ? {} : { direction: z.enum(['OUTGOING', 'INCOMING', 'BOTH']).default('BOTH') }),
    ...(field.asOf ? { asOf: optionalDate } : {}),
    ...(field.returns === 'relationships' ? relationshipFilterArguments : {}),
    ...(field.returns !== 'end' ? pageArguments : {}),
  });
}

// Built once per field: a zod object schema is costly to create (zod compiles a parser for it), and a nested field is
// resolved once per parent entity, a hundred times in one request for a hundred partners.
const argumentSchemas = new Map<RelationshipField, ReturnType<typeof argumentsSchemaOf>>();

/** The zod schema of a relationship field's arguments, built once. */
function argumentsOf(field: RelationshipField): ReturnType<typeof argumentsSchemaOf> {
  let schema = argumentSchemas.get(field);
  if (!schema) argumentSchemas.set(field, (schema = argumentsSchemaOf(field)));
  return schema;
}

/** The properties a Relationship list field (the current one, or the one at `path`) needs of its other ends. */
function endKeysOf(info: GraphQLResolveInfo, path: string[] = []): string[] | null {
  const to = isSelected(info, [...path, 'to']);
  const from = isSelected(info, [...path, 'from']);
  if (!to && !from) return null;
  return mergeKeys(to ? entityKeys(info, [...path, 'to']) : [], from ? entityKeys(info, [...path, 'from']) : []);
}

/** A connection's items are selected under `nodes` and under `edges { node }`: the union of both. */
function itemPaths(path: string[]): string[][] {
  return [
    [...path, 'nodes'],
    [...path, 'edges', 'node'],
  ];
}

/** What a relationship field (the current one, or the one at `path`) loads, from its declaration, arguments and selection. */
export function specOf(field: RelationshipField, rawArgs: unknown, info: GraphQLResolveInfo, path: string[] = []): RelationshipSpec {
  const args = parseArgs(argumentsOf(field), rawArgs) as Partial<RelationshipFilters> & {
    types?: RelationshipType[] | null;
    direction?: RelationshipSpec['direction'];
    asOf?: string | null;
    first?: number;
    after?: string | null;
    orderBy?: RelationshipOrder;
  };
  if (args.from && args.to && args.to < args.from.slice(0, args.to.length))
    throw new BadUserInputError(`to ("${args.to}") is before from ("${args.from}")`, 'to');
  const relationships = field.returns === 'relationships';
  const connection = field.returns !== 'end';
  const paths = connection ? itemPaths(path) : [path];
  return {
    types: field.types ? [...field.types] : (args.types ?? null),
    direction: field.direction ?? args.direction ?? 'BOTH',
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
    first: connection ? (args.first ?? PAGE.default) : 1,
    count: connection && isSelected(info, [...path, 'totalCount']),
    keys: relationships ? mergeKeys(...paths.map((p) => relationshipKeys(info, p))) : [],
    endKeys: relationships ? mergeNullableKeys(paths.map((p) => endKeysOf(info, p))) : mergeKeys(...paths.map((p) => entityKeys(info, p))),
    ...(field.endLabel ? { endLabel: field.endLabel } : {}),
  };
}

/** The union of the keys of several selections; null when none selects the ends. */
function mergeNullableKeys(lists: (string[] | null)[]): string[] | null {
  const given = lists.filter((l): l is string[] => l !== null);
  return given.length > 0 ? mergeKeys(...given) : null;
}

/**
 * A relationship field's spec, worked out once per request for each of its selections: graphql-js (and graphql-jit)
 * pass the same field nodes for every parent the field is resolved on, and its arguments and variables are the
 * request's, so a hundred partners' nested field costs one argument check and one walk of its selection, not a hundred.
 */
export function requestSpecOf(field: RelationshipField, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo): RelationshipSpec {
  // Keyed by the field nodes, per declaration: two entity types may declare a field of the same name differently.
  let byField = ctx.loaders.specs.get(info.fieldNodes);
  let spec = byField?.get(field);
  if (!spec) {
    spec = specOf(field, args, info);
    if (!byField) ctx.loaders.specs.set(info.fieldNodes, (byField = new Map()));
    byField.set(field, spec);
  }
  return spec;
}
