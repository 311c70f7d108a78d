import { GraphQLScalarType, Kind, type GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { formatCitation, type CitableDocument } from '../model/citation';
import { ENTITY_TYPES, type EntityType } from '../model/entity-types';
import { boundedInt, entityTypes, idArg, optionalDate, parseArgs, relationshipTypes } from './args';
import { COMPUTED_ENTITY_FIELDS, evidence, type EvidenceItem } from './computed-fields';
import type { ApiContext } from './context';
import { BadUserInputError, NotFoundError } from './errors';
import { loadEntityWithPages } from './loaders';
import * as queries from './queries';
import { entityTypeEnum, labelOfEnum, type EntityRecord, type RelationshipRecord } from './records';
import { relationshipFieldsOf, type RelationshipField } from './relationship-fields';
import { entityByName, searchDocuments, searchEvidence, type EvidenceHit, type Passage, type SearchResult } from './evidence-search';
import { afterOffset, connectionOf, pageOf } from './pagination';
import { entityKeysAt, mergeKeys, relationshipEndKeysAt, relationshipKeysAt } from './plan/keys';
import { entityPagePlans } from './plan/pages';
import { relationshipSpecOf } from './plan/relationship-spec';

type Resolver = (parent: EntityRecord, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => unknown;

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

/** The resolver of a declared relationship field: a connection of relationships or of the entities at their other ends, or the one such entity. */
function relationshipResolver(field: RelationshipField): Resolver {
  return async (parent, _args, ctx, info) => {
    // Graphql-js has checked the arguments against the SDL already: the plan reads them, with the selection, once.
    const spec = relationshipSpecOf(ctx.loaders.plans.ofInfo(info), field, info.parentType.name);
    const page = await ctx.loaders.relationships.load({ entityId: parent.props.id, spec });
    const end = spec.direction === 'OUTGOING' ? 'to' : 'from';
    const items = field.returns === 'relationships' ? page.items : page.items.map((rel) => rel.ends![end]!);
    if (field.returns === 'end') return items[0] ?? null;
    return connectionOf<RelationshipRecord | EntityRecord>(items, spec.skip, page.hasMore, page.total);
  };
}

/** The resolvers of one Entity type: its computed fields and its relationship fields. */
function entityTypeResolvers(type: EntityType): Record<string, Resolver> {
  const computed = Object.entries(COMPUTED_ENTITY_FIELDS)
    .filter(([, field]) => !field.types || field.types.includes(type))
    .map(([name, field]) => [name, field.resolve]);
  const related = Object.entries(relationshipFieldsOf(type)).map(([name, field]) => [name, relationshipResolver(field)]);
  return Object.fromEntries([...computed, ...related]);
}

// The root fields' argument schemas, built once (see argumentsOf).
const entityArgs = z.object({ id: idArg });
const entitiesArgs = z.object({
  type: z.string().nullish(),
  country: idArg.nullish(),
  name: z.string().max(100, 'must be at most 100 characters').nullish(),
  first: boundedInt(1, 100),
  after: z.string().max(500).nullish(),
});
const nameSearchArgs = z.object({
  query: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  types: entityTypes,
  first: boundedInt(1, 50),
  after: z.string().max(500).nullish(),
});
const entityByNameArgs = z.object({ name: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters') });
const partnersAttendanceArgs = z.object({ actorId: idArg, asOf: optionalDate });
const coParticipantsArgs = z.object({ actorId: idArg, first: boundedInt(1, 100), after: z.string().max(500).nullish() });
const connectionsArgs = z.object({
  fromId: idArg,
  toId: idArg,
  maxHops: boundedInt(1, 6),
  first: boundedInt(1, 20),
  after: z.string().max(500).nullish(),
  via: relationshipTypes,
});
const neighbourhoodArgs = z.object({
  id: idArg,
  depth: boundedInt(1, 3),
  types: relationshipTypes,
  asOf: optionalDate,
  limit: boundedInt(1, 500),
});
const relationshipArgs = z.object({ id: z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters') });
const timelineArgs = z.object({ id: idArg, from: optionalDate, to: optionalDate });

const searchArgs = z.object({
  query: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  first: boundedInt(1, 100),
  after: z.string().max(500).nullish(),
});

// The extra fields of a search's connection, from the result it was cut from.
const searchConnectionResolvers = {
  resolvedEntity: (page: { result: SearchResult<unknown> }) => page.result.resolved,
  spellings: (page: { result: SearchResult<unknown> }) => page.result.spellings.map((words) => words.join(' ')),
};

/** The resolver map of the API (schema in schema/api.graphql). */
export const resolvers = {
  PartialDate,
  Entity: { __resolveType: (record: EntityRecord) => record.label },
  ...Object.fromEntries(ENTITY_TYPES.map((type) => [type, entityTypeResolvers(type)])),
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
    document: (e: EvidenceItem, _args: unknown, ctx: ApiContext) => ctx.loaders.entity.load(e.documentId),
    position: (e: EvidenceItem) => e.position?.toUpperCase() ?? null,
    citation: async (e: EvidenceItem, _args: unknown, ctx: ApiContext) => {
      const doc = await ctx.loaders.entity.load(e.documentId);
      return formatCitation((doc?.props ?? { title: e.documentId }) as unknown as CitableDocument, e);
    },
  },
  EvidenceHit: {
    entities: async (hit: EvidenceHit, _args: unknown, ctx: ApiContext) => {
      if (hit.entity) return [hit.entity];
      const ends = await ctx.loaders.entity.loadMany([hit.relationship!.fromId, hit.relationship!.toId]);
      return ends.filter((e) => e !== null && !(e instanceof Error));
    },
  },
  EvidenceSearchConnection: searchConnectionResolvers,
  PassageConnection: searchConnectionResolvers,
  Passage: {
    document: (p: Passage, _args: unknown, ctx: ApiContext) => ctx.loaders.entity.load(p.documentId),
    position: (p: Passage) => p.position.toUpperCase(),
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
      const { id } = parseArgs(entityArgs, args);
      // The entity and the relationship pages its selection asks for, nested ones included, in one statement.
      const plans = entityPagePlans(ctx.loaders.plans.ofInfo(info), ctx.loaders.budget.remaining - 1);
      return plans.length > 0 ? loadEntityWithPages(ctx.db, ctx.loaders, id, plans) : ctx.loaders.entity.load(id);
    },

    entities: async (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(entitiesArgs, args);
      const page = await queries.listEntities(ctx.db, ctx.loaders, {
        label: a.type ? labelOfEnum(a.type) : null,
        country: a.country ?? null,
        name: a.name ?? null,
        first: a.first,
        after: a.after ? decodeCursor(a.after) : null,
      });
      return {
        edges: page.items.map((node) => ({ node, cursor: encodeCursor(node) })),
        nodes: page.items,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.length ? encodeCursor(page.items[page.items.length - 1]!) : null },
        totalCount: page.totalCount,
      };
    },

    search: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(nameSearchArgs, args);
      const keys = entityKeysAt(ctx.loaders.plans.ofInfo(info));
      const hits = await queries.search(ctx.db, ctx.loaders, { text: a.query, labels: a.types, keys });
      return pageOf(hits, a.first, a.after);
    },

    searchEvidence: async (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(searchArgs, args);
      const result = await searchEvidence(ctx.db, ctx.loaders, a.query);
      return { ...pageOf(result.hits, a.first, a.after), result };
    },

    searchDocuments: async (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(searchArgs, args);
      const result = await searchDocuments(ctx.db, ctx.loaders, a.query);
      return { ...pageOf(result.hits, a.first, a.after), result };
    },

    entityByName: (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(entityByNameArgs, args);
      return entityByName(ctx.db, ctx.loaders, a.name);
    },

    partnersAttendance: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(partnersAttendanceArgs, args);
      const plan = ctx.loaders.plans.ofInfo(info);
      const result = await queries.partnersAttendance(ctx.db, ctx.loaders.budget, a.actorId, a.asOf, {
        // Partners are sorted by name.
        partner: mergeKeys(entityKeysAt(plan, 'PartnerAttendance.partner'), ['name']),
        partnership: relationshipKeysAt(plan, 'PartnerAttendance.partnership'),
        attendance: relationshipKeysAt(plan, 'PartnerAttendance.attendances'),
        event: relationshipEndKeysAt(plan, { at: 'PartnerAttendance.attendances', end: 'to' }),
      });
      if (!result) throw new NotFoundError('actor', a.actorId);
      return result;
    },

    coParticipants: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(coParticipantsArgs, args);
      const skip = afterOffset(a.after) + 1;
      const plan = ctx.loaders.plans.ofInfo(info);
      const keys = { actor: entityKeysAt(plan, 'CoParticipation.actor'), event: entityKeysAt(plan, 'CoParticipation.events') };
      const result = await queries.coParticipants(ctx.db, ctx.loaders, a.actorId, { skip, first: a.first }, keys);
      if (!result) throw new NotFoundError('actor', a.actorId);
      return connectionOf(result.items, skip, result.hasMore, result.total);
    },

    connections: async (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(connectionsArgs, args);
      if (a.fromId === a.toId) throw new BadUserInputError('fromId and toId must be different entities', 'toId');
      const skip = afterOffset(a.after) + 1;
      const plan = ctx.loaders.plans.ofInfo(info);
      const result = await queries.connections(ctx.db, ctx.loaders, {
        fromId: a.fromId,
        toId: a.toId,
        maxHops: a.maxHops,
        via: a.via,
        skip,
        first: a.first,
        // Every node of a path can stand at any entity place of the answer (its hops' relationships' ends included).
        nodeKeys: entityKeysAt(plan),
        relationshipKeys: relationshipKeysAt(plan),
      });
      if ('missing' in result) throw new NotFoundError('entity', result.missing);
      return connectionOf(result.items, skip, result.hasMore, result.total);
    },

    neighbourhood: (_root: unknown, args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) => {
      const a = parseArgs(neighbourhoodArgs, args);
      // The centre's record answers `centre` and the first of `nodes`, which shows its name.
      const plan = ctx.loaders.plans.ofInfo(info);
      const centreKeys = mergeKeys(entityKeysAt(plan, 'Neighbourhood.centre'), ['name']);
      return queries.neighbourhood(ctx.db, ctx.loaders, { ...a, centreKeys, edgeKeys: relationshipKeysAt(plan, 'Neighbourhood.edges') });
    },

    relationship: (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(relationshipArgs, args);
      return queries.relationshipById(ctx.db, ctx.loaders, a.id);
    },

    timeline: async (_root: unknown, args: unknown, ctx: ApiContext) => {
      const a = parseArgs(timelineArgs, args);
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
