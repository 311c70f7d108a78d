import { getArgumentValues, GraphQLScalarType, Kind, type GraphQLFieldResolver, type GraphQLInterfaceType, type GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { Database } from '../db/database';
import { isRelationshipType, type RelationshipType } from '../model/relationship-types';
import { boundedInt, idArg, parseArgs, partialDateArg } from './args';
import { BadUserInputError, NotFoundError } from './errors';
import type { Direction, Loaders } from './loaders';
import * as queries from './queries';
import { entityKeys, isSelected, mergeKeys, relationshipKeys, selectedFields } from './selection';
import { entityTypeEnum, labelOfEnum, type EntityRecord, type RelationshipRecord } from './records';

/** What every resolver gets: the process's database and this request's loaders. */
export interface ApiContext {
  db: Database;
  loaders: Loaders;
}

type Source = Record<string, unknown> & { props?: Record<string, unknown> };

/** Reads a field from a record's own fields first, then from its Neo4j properties. */
export const fieldResolver: GraphQLFieldResolver<Source, ApiContext> = (source, _args, _ctx, info) => {
  const own = source[info.fieldName];
  if (own !== undefined) return own;
  return source.props?.[info.fieldName] ?? null;
};

const optionalDate = partialDateArg.nullish().transform((v) => v ?? null);
// GraphQL's enum already restricts these; checking against the model again keeps Cypher safe if the two drift.
const relationshipTypes = z
  .array(z.string().refine(isRelationshipType, { message: 'is not a relationship type of the model' }))
  .nullish()
  .transform((v) => (v && v.length > 0 ? (v as RelationshipType[]) : null));
const entityTypes = z
  .array(z.string())
  .nullish()
  .transform((v) => (v && v.length > 0 ? v.map(labelOfEnum) : null));

const PartialDate = new GraphQLScalarType({
  name: 'PartialDate',
  description: 'A date as precise as the source states it: "2019", "2019-03" or "2019-03-04".',
  serialize: (value) => String(value),
  // Checked by the resolvers with zod, so that a bad date is a BAD_USER_INPUT error naming the argument.
  parseValue: (value) => {
    if (typeof value !== 'string') throw new BadUserInputError('PartialDate must be a string such as "2019-03"');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new BadUserInputError('PartialDate must be a string such as "2019-03"');
    return ast.value;
  },
});

/** Which relationships of an entity a field asks for, and which of their properties and other ends' properties. */
interface Related {
  types: RelationshipType[] | null;
  direction: Direction;
  keys: string[];
  endKeys: string[] | null;
  asOf?: string | null;
  first?: number;
}

/** Loads relationships of an entity through the request's batch loader. */
async function related(ctx: ApiContext, entityId: string, r: Related): Promise<RelationshipRecord[]> {
  return ctx.loaders.relationships.load({
    entityId,
    spec: { types: r.types, direction: r.direction, asOf: r.asOf ?? null, first: r.first ?? 200, keys: r.keys, endKeys: r.endKeys },
  });
}

/** The properties a Relationship list field (the current one, or the one at `path`) needs of its other ends. */
function endKeysOf(info: GraphQLResolveInfo, path: string[] = []): string[] | null {
  const to = isSelected(info, [...path, 'to']);
  const from = isSelected(info, [...path, 'from']);
  if (!to && !from) return null;
  return mergeKeys(to ? entityKeys(info, [...path, 'to']) : [], from ? entityKeys(info, [...path, 'from']) : []);
}

const relationshipsArgs = z.object({
  types: relationshipTypes,
  direction: z.enum(['OUTGOING', 'INCOMING', 'BOTH']).default('BOTH'),
  asOf: optionalDate,
  first: boundedInt(1, 200).default(100),
});

/** What an entity's `relationships` field (the current one, or the one at `path`) loads, from its arguments and selection. */
function relationshipsLoad(args: unknown, info: GraphQLResolveInfo, path: string[] = []): Related {
  return { ...parseArgs(relationshipsArgs, args), keys: relationshipKeys(info, path), endKeys: endKeysOf(info, path) };
}

/**
 * Starts loading a root entity's `relationships` together with the entity, since the load needs only its id; the
 * field's resolver then finds it in the request's loader, which saves a round trip on the API's most common query.
 */
function prefetchRelationships(ctx: ApiContext, info: GraphQLResolveInfo, entityId: string): void {
  const nodes = selectedFields(info).filter((field) => field.name.value === 'relationships');
  // Two selections of the field (aliases) may differ in arguments; their own resolvers load them.
  if (nodes.length !== 1) return;
  let load: Related;
  try {
    const field = (info.schema.getType('Entity') as GraphQLInterfaceType).getFields().relationships!;
    load = relationshipsLoad(getArgumentValues(field, nodes[0]!, info.variableValues), info, ['relationships']);
  } catch {
    return; // the field's resolver reports bad arguments
  }
  related(ctx, entityId, load).catch(() => undefined); // and failures
}

/** The other ends of an entity's relationships of one kind, as an entity list field. */
async function relatedEntities(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  entityId: string,
  types: RelationshipType[],
  direction: 'OUTGOING' | 'INCOMING',
  first?: number,
): Promise<EntityRecord[]> {
  const rels = await related(ctx, entityId, { types, direction, keys: [], endKeys: entityKeys(info), first });
  const end = direction === 'OUTGOING' ? 'to' : 'from';
  return rels.map((rel) => rel.ends![end]!);
}

const asOfArgs = z.object({ asOf: optionalDate });
/** A field that lists one kind of relationship of the entity, with an optional asOf argument. */
const relField =
  (types: RelationshipType[], direction: Direction) =>
  (parent: EntityRecord, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    related(ctx, parent.props.id, { types, direction, keys: relationshipKeys(info), endKeys: endKeysOf(info), asOf: parseArgs(asOfArgs, args).asOf });

/** Pairs the parallel evidence lists; the document ids are fetched only when `document` is selected. */
function evidence(props: Record<string, unknown>): { documentId: string; quote: string }[] {
  const docs = (props.evidenceDocs as string[] | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  return Array.from({ length: Math.max(docs.length, quotes.length) }, (_, i) => ({ documentId: docs[i] ?? '', quote: quotes[i] ?? '' }));
}

const entityFields = {
  type: (parent: EntityRecord) => entityTypeEnum(parent.label),
  aliases: (parent: EntityRecord) => (parent.props.aliases as string[] | undefined) ?? [],
  inferred: (parent: EntityRecord) => parent.props.inferred === true,
  evidence: (parent: EntityRecord) => evidence(parent.props),
  relationships: (parent: EntityRecord, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    related(ctx, parent.props.id, relationshipsLoad(args, info)),
  figures: (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    relatedEntities(ctx, info, parent.props.id, ['HAS_FIGURE'], 'OUTGOING'),
  mentionedIn: (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    relatedEntities(ctx, info, parent.props.id, ['MENTIONS'], 'INCOMING'),
};

/** Entity fields plus `category`, the entity's `kind` property, for the types that have one. */
const categorized = { ...entityFields, category: (parent: EntityRecord) => parent.props.kind ?? null };

const first = async (promise: Promise<EntityRecord[]>) => (await promise)[0] ?? null;
/** An entity list field listing the other ends of one kind of relationship. */
const endsField =
  (types: RelationshipType[], direction: 'OUTGOING' | 'INCOMING') =>
  (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    relatedEntities(ctx, info, parent.props.id, types, direction);
/** An entity field naming the other end of a relationship the entity has at most one of. */
const endField =
  (types: RelationshipType[], direction: 'OUTGOING' | 'INCOMING') =>
  (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    first(relatedEntities(ctx, info, parent.props.id, types, direction));

/** The resolver map of the API (schema in schema/api.graphql). */
export const resolvers = {
  PartialDate,
  Entity: { __resolveType: (record: EntityRecord) => record.label },
  Organization: {
    ...categorized,
    partners: relField(['PARTNER_OF'], 'BOTH'),
    participations: relField(['PARTICIPATED_IN'], 'OUTGOING'),
  },
  Person: { ...entityFields, posts: relField(['HOLDS_POST'], 'OUTGOING'), participations: relField(['PARTICIPATED_IN'], 'OUTGOING') },
  Country: entityFields,
  RegionalBloc: entityFields,
  Place: categorized,
  EventSeries: {
    ...entityFields,
    editions: endsField(['EDITION_OF'], 'INCOMING'),
    organizers: relField(['ORGANIZED'], 'INCOMING'),
  },
  Event: {
    ...categorized,
    series: endField(['EDITION_OF'], 'OUTGOING'),
    partOf: endField(['PART_OF'], 'OUTGOING'),
    subEvents: endsField(['PART_OF'], 'INCOMING'),
    precededBy: endsField(['PRECEDED_BY'], 'OUTGOING'),
    heldIn: endsField(['HELD_IN'], 'OUTGOING'),
    organizers: relField(['ORGANIZED'], 'INCOMING'),
    participants: relField(['PARTICIPATED_IN'], 'INCOMING'),
    speakers: relField(['SPOKE_AT'], 'INCOMING'),
    themes: (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
      related(ctx, parent.props.id, { types: ['HAS_THEME'], direction: 'OUTGOING', keys: relationshipKeys(info), endKeys: endKeysOf(info) }),
  },
  Initiative: {
    ...entityFields,
    initiators: relField(['INITIATED'], 'INCOMING'),
    signatories: relField(['SIGNED', 'JOINED'], 'INCOMING'),
    goals: (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
      related(ctx, parent.props.id, { types: ['AIMS_AT'], direction: 'OUTGOING', keys: relationshipKeys(info), endKeys: endKeysOf(info) }),
    themes: (parent: EntityRecord, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
      related(ctx, parent.props.id, { types: ['HAS_THEME'], direction: 'OUTGOING', keys: relationshipKeys(info), endKeys: endKeysOf(info) }),
  },
  Programme: categorized,
  Goal: categorized,
  Theme: categorized,
  Figure: {
    ...entityFields,
    subject: endField(['HAS_FIGURE'], 'INCOMING'),
  },
  Document: {
    ...categorized,
    text: (parent: EntityRecord, _args: unknown, ctx: ApiContext) => ctx.loaders.documentText.load(parent.props.id),
    mentions: (parent: EntityRecord, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(z.object({ first: boundedInt(1, 500).default(100) }), args);
      return relatedEntities(ctx, info, parent.props.id, ['MENTIONS'], 'OUTGOING', a.first);
    },
  },
  Relationship: {
    // Ends fetched with the relationship are returned as they are, without a promise per field.
    from: (rel: RelationshipRecord, _args: unknown, ctx: ApiContext) => rel.ends?.from ?? ctx.loaders.entity.load(rel.fromId),
    to: (rel: RelationshipRecord, _args: unknown, ctx: ApiContext) => rel.ends?.to ?? ctx.loaders.entity.load(rel.toId),
    with: async (rel: RelationshipRecord, _args: unknown, ctx: ApiContext) => {
      const ids = rel.props.with;
      const list = Array.isArray(ids) ? (ids as string[]) : typeof ids === 'string' ? [ids] : [];
      const loaded = await ctx.loaders.entity.loadMany(list);
      return loaded.filter((e) => e !== null && !(e instanceof Error));
    },
    inferred: (rel: RelationshipRecord) => rel.props.inferred === true,
    evidence: (rel: RelationshipRecord) => evidence(rel.props),
  },
  Evidence: {
    document: (e: { documentId: string }, _args: unknown, ctx: ApiContext) => ctx.loaders.entity.load(e.documentId),
  },
  ConnectionPath: { length: (path: queries.ConnectionPath) => path.hops.length },
  GraphNode: {
    id: (n: { entity: EntityRecord }) => n.entity.props.id,
    type: (n: { entity: EntityRecord }) => entityTypeEnum(n.entity.label),
    name: (n: { entity: EntityRecord }) => n.entity.props.name ?? n.entity.props.id,
  },
  GraphEdge: {
    source: (rel: RelationshipRecord) => rel.fromId,
    target: (rel: RelationshipRecord) => rel.toId,
    inferred: (rel: RelationshipRecord) => rel.props.inferred === true,
    evidence: (rel: RelationshipRecord) => evidence(rel.props),
  },
  TimelineEntry: {
    date: (rel: RelationshipRecord) => rel.props.validFrom ?? rel.props.validTo,
    until: (rel: RelationshipRecord) => rel.props.validTo ?? null,
    relationship: (rel: RelationshipRecord) => rel,
  },
  Query: {
    entity: (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const { id } = parseArgs(z.object({ id: idArg }), args);
      prefetchRelationships(ctx, info, id);
      return ctx.loaders.entity.load(id);
    },

    entities: async (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(
        z.object({
          type: z.string().nullish(),
          country: idArg.nullish(),
          name: z.string().max(100, 'must be at most 100 characters').nullish(),
          first: boundedInt(1, 100).default(20),
          after: z.string().max(500).nullish(),
        }),
        args,
      );
      const page = await queries.listEntities(ctx.db, ctx.loaders, {
        label: a.type ? labelOfEnum(a.type) : null,
        country: a.country ?? null,
        name: a.name ?? null,
        first: a.first,
        after: a.after ? decodeCursor(a.after) : null,
      });
      return {
        edges: page.items.map((node) => ({ node, cursor: encodeCursor(node) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.length ? encodeCursor(page.items[page.items.length - 1]!) : null },
        totalCount: page.totalCount,
      };
    },

    search: (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(
        z.object({
          query: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
          types: entityTypes,
          first: boundedInt(1, 50).default(10),
        }),
        args,
      );
      return queries.search(ctx.db, ctx.loaders, { text: a.query, labels: a.types, first: a.first, keys: entityKeys(info, ['entity']) });
    },

    partnersAttendance: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(z.object({ actorId: idArg, asOf: optionalDate }), args);
      const result = await queries.partnersAttendance(ctx.db, a.actorId, a.asOf, {
        // Partners are sorted by name.
        partner: mergeKeys(entityKeys(info, ['partner']), ['name']),
        partnership: relationshipKeys(info, ['partnership']),
        attendance: relationshipKeys(info, ['attendances']),
        event: isSelected(info, ['attendances', 'to']) ? entityKeys(info, ['attendances', 'to']) : null,
      });
      if (!result) throw new NotFoundError('actor', a.actorId);
      return result;
    },

    coParticipants: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(z.object({ actorId: idArg, first: boundedInt(1, 100).default(20) }), args);
      const result = await queries.coParticipants(ctx.db, ctx.loaders, a.actorId, a.first, {
        actor: entityKeys(info, ['actor']),
        event: entityKeys(info, ['events']),
      });
      if (!result) throw new NotFoundError('actor', a.actorId);
      return result;
    },

    connections: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(
        z.object({
          fromId: idArg,
          toId: idArg,
          maxHops: boundedInt(1, 6).default(4),
          first: boundedInt(1, 20).default(5),
          via: relationshipTypes,
        }),
        args,
      );
      if (a.fromId === a.toId) throw new BadUserInputError('fromId and toId must be different entities', 'toId');
      // Every node of a path can appear in any of these places, so the keys are their union.
      const nodeKeys = mergeKeys(
        ...[['nodes'], ['hops', 'from'], ['hops', 'to'], ['hops', 'relationship', 'from'], ['hops', 'relationship', 'to']].map((path) => entityKeys(info, path)),
      );
      const result = await queries.connections(ctx.db, ctx.loaders, { ...a, nodeKeys, relationshipKeys: relationshipKeys(info, ['hops', 'relationship']) });
      if ('missing' in result) throw new NotFoundError('entity', result.missing);
      return result;
    },

    neighbourhood: (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(
        z.object({ id: idArg, depth: boundedInt(1, 3).default(1), types: relationshipTypes, limit: boundedInt(1, 500).default(200) }),
        args,
      );
      return queries.neighbourhood(ctx.db, ctx.loaders, { ...a, centreKeys: entityKeys(info, ['centre']), edgeKeys: relationshipKeys(info, ['edges']) });
    },

    timeline: async (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(z.object({ id: idArg, from: optionalDate, to: optionalDate }), args);
      if (a.from && a.to && a.to < a.from.slice(0, a.to.length)) throw new BadUserInputError(`to ("${a.to}") is before from ("${a.from}")`, 'to');
      const result = await queries.timeline(ctx.db, ctx.loaders, a);
      if (!result) throw new NotFoundError('entity', a.id);
      return result;
    },

    statistics: (_root: unknown, _args: unknown, ctx: ApiContext) => queries.statistics(ctx.db),
  },
};

function encodeCursor(entity: EntityRecord): string {
  return Buffer.from(JSON.stringify([entity.props.name ?? '', entity.props.id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { name: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('Invalid argument after: not a cursor returned by this API', 'after');
}
