import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  buildASTSchema,
  execute,
  isObjectType,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Database } from '../../src/db/database';
import type { CypherQuery } from '../../src/db/cypher-query';
import { COMPUTED_ENTITY_FIELDS } from '../../src/graphql/computed-fields';
import { createLoaders } from '../../src/graphql/loaders';
import { RequestPlans, type FieldPlan } from '../../src/graphql/plan/field-plan';
import { entityKeysAt, entityKeysOf, relationshipEndKeysAt, relationshipKeysAt, relationshipKeysOf } from '../../src/graphql/plan/keys';
import { entityPagePlans } from '../../src/graphql/plan/pages';
import { relationshipSpecOf } from '../../src/graphql/plan/relationship-spec';
import { RELATIONSHIP_FIELD_NAMES, relationshipFieldsOf } from '../../src/graphql/relationship-fields';
import { resolvers } from '../../src/graphql/resolvers';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { PROJECT_ROOT } from '../../src/project-root';

const schema = buildASTSchema(loadTypeDefs());

/** The plan of a query's first root field, as a resolver of it would get it, with a fresh request's plans. */
function planFor(query: string, variables: Record<string, unknown> = {}, on: GraphQLSchema = schema, plans = new RequestPlans()): FieldPlan {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  const returnType = on.getQueryType()!.getFields()[field.name.value]!.type;
  return plans.ofInfo({ fieldNodes: [field], fragments, schema: on, operation, variableValues: variables, returnType } as unknown as GraphQLResolveInfo);
}

describe('relationship keys', () => {
  it('maps selected Relationship fields to stored properties, through fragments, by the place in the answer', () => {
    const plan = planFor(`{ partnersAttendance(actorId: "org:ichei") {
      partnership { kind ...Ev }
      attendances { role validFrom to { name } ... on Relationship { inferred evidence { quote document { id } } } }
    } } fragment Ev on Relationship { evidence { quote } }`);
    // Quotes alone do not need the documents' ids; asking for the document does.
    expect(relationshipKeysAt(plan, 'PartnerAttendance.partnership')).toEqual(['evidenceQuotes', 'kind']);
    expect(relationshipKeysAt(plan, 'PartnerAttendance.attendances')).toEqual(['evidenceDocs', 'evidenceQuotes', 'inferred', 'role', 'validFrom']);
    expect(relationshipEndKeysAt(plan, { at: 'PartnerAttendance.attendances', end: 'to' })).toEqual(['id', 'name']);
    expect(relationshipEndKeysAt(plan, { at: 'PartnerAttendance.partnership', end: 'to' })).toBeNull();
  });

  it('reads only the evidence lists the selected Evidence fields need, and always one that counts the items', () => {
    const keys = (selection: string) => relationshipKeysOf(planFor(`{ relationship(id: "r") ${selection} }`));
    expect(keys('{ evidence { position } }')).toEqual(['evidenceDocs', 'evidencePositions']);
    expect(keys('{ evidence { __typename } }')).toEqual(['evidenceDocs']);
    expect(keys('{ evidence { citation } }')).toEqual(['evidenceDocs', 'evidenceEnds', 'evidencePositions', 'evidenceStarts']);
    expect(keys('{ evidence { quote start end } }')).toEqual(['evidenceEnds', 'evidenceQuotes', 'evidenceStarts']);
  });

  it('asks only for the seed key when the id and the ends are selected', () => {
    expect(relationshipKeysOf(planFor('{ relationship(id: "r") { id type from { id } to { name } } }'))).toEqual(['seedKey']);
    expect(relationshipKeysOf(planFor('{ relationship(id: "r") { type to { name } } }'))).toEqual([]);
  });
});

describe('entity keys', () => {
  it('maps selected Entity fields, of every fragment, to node properties, with the id always', () => {
    const plan = planFor(`{ entity(id: "x") { type description ... on Organization { acronym category partners { nodes { kind } } } ...E } }
      fragment E on Event { startDate evidence { quote } }`);
    expect(entityKeysOf(plan)).toEqual(['acronym', 'description', 'evidenceQuotes', 'id', 'kind', 'startDate']);
  });

  it("reads a Figure's context from its own lists, as its evidence from the evidence lists", () => {
    expect(entityKeysOf(planFor('{ entity(id: "x") { ... on Figure { context { quote } evidence { document { id } } } } }'))).toEqual([
      'contextQuotes',
      'evidenceDocs',
      'id',
    ]);
  });

  it('takes nothing from a selection that is not an Entity field', () => {
    expect(entityKeysOf(planFor('{ entity(id: "x") { __typename id } }'))).toEqual(['id']);
  });

  it('tells whether a field is selected', () => {
    const [attendances] = planFor('{ partnersAttendance(actorId: "a") { attendances { to { id } } } }').fields('attendances');
    expect(attendances!.selects('to')).toBe(true);
    expect(attendances!.selects('from')).toBe(false);
  });

  it('finds the entities of an answer by the places the SDL gives them, under connections and in relationships', () => {
    const plan = planFor(`{ connections(fromId: "a", toId: "b") {
      nodes { nodes { name } hops { from { acronym } relationship { role to { description } } } }
      edges { node { hops { to { ... on Event { startDate } } } } }
    } }`);
    expect(entityKeysAt(plan)).toEqual(['acronym', 'description', 'id', 'name', 'startDate']);
    expect(entityKeysAt(plan, 'Hop.from')).toEqual(['acronym', 'id']);
    expect(relationshipKeysAt(plan)).toEqual(['role']);
    const co = planFor('{ coParticipants(actorId: "a") { nodes { actor { name } events { startDate } } edges { node { actor { acronym } } } } }');
    expect(entityKeysAt(co, 'CoParticipation.actor')).toEqual(['acronym', 'id', 'name']);
    expect(entityKeysAt(co, 'CoParticipation.events')).toEqual(['id', 'startDate']);
  });

  it('knows every Entity field that has its own resolver, so that none is mistaken for a stored property', () => {
    const entityTypes = schema.getPossibleTypes(schema.getType('Entity') as never).map((t) => t.name);
    const withResolvers = new Set<string>();
    for (const name of entityTypes) {
      expect(isObjectType(schema.getType(name))).toBe(true);
      for (const field of Object.keys((resolvers as Record<string, object>)[name] ?? {})) withResolvers.add(field);
    }
    const unknown = [...withResolvers].filter((field) => !(field in COMPUTED_ENTITY_FIELDS) && !RELATIONSHIP_FIELD_NAMES.has(field));
    expect(withResolvers.size).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });
});

describe('a field plan', () => {
  it('is read once per request for the same field nodes, and its spec is one object for the planner and the resolvers', () => {
    const plans = new RequestPlans();
    const root = planFor('{ entity(id: "x") { ... on Organization { partners(first: 3) { totalCount nodes { to { name } } } } } }', {}, schema, plans);
    const [partners] = root.fields('partners');
    expect(plans.of(partners!.nodes, partners!.type)).toBe(partners);
    const declaration = relationshipFieldsOf('Organization').partners!;
    const spec = relationshipSpecOf(partners!, declaration, 'Organization');
    expect(relationshipSpecOf(plans.of([...partners!.nodes], null), declaration, 'Organization')).toBe(spec);
    expect(spec).toMatchObject({ first: 3, count: true, types: ['PARTNER_OF'], endKeys: ['id', 'name'] });
    expect(entityPagePlans(root, 100).map((page) => page.spec)).toEqual([spec]);
  });

  it('applies @include and @skip with the variables, and leaves what they decide to the resolvers', () => {
    const query = 'query($on: Boolean!) { entity(id: "x") { name @include(if: $on) relationships @skip(if: $on) { totalCount } } }';
    expect(planFor(query, { on: true }).selects('name')).toBe(true);
    expect(planFor(query, { on: true }).selects('relationships')).toBe(false);
    expect(planFor(query, { on: false }).selects('name')).toBe(false);
    // A field a directive decides is not planned into the entity's statement: its resolver loads it.
    expect(entityPagePlans(planFor(query, { on: false }), 100)).toEqual([]);
    expect(entityPagePlans(planFor('{ entity(id: "x") { relationships { totalCount } } }'), 100)).toHaveLength(1);
  });

  it('plans a fragment only for the types its condition names, with their labels', () => {
    const pages = entityPagePlans(planFor('{ entity(id: "x") { ... on Event { organizers { totalCount } } } }'), 100);
    expect(pages.map((page) => page.labels)).toEqual([['Event']]);
  });
});

describe('argument defaults', () => {
  // The SDL with other defaults: what the plan and the resolvers use must follow it, with no second copy in the code.
  const sdl = fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'api.graphql'), 'utf8');
  const changed = sdl.replaceAll('first: Int = 20', 'first: Int = 7').replace('limit: Int = 200', 'limit: Int = 123');

  it("are the SDL's, in a relationship field's spec", () => {
    const query = '{ entity(id: "x") { relationships { totalCount } } }';
    const spec = (on: GraphQLSchema) =>
      relationshipSpecOf(planFor(query, {}, on).fields('relationships')[0]!, relationshipFieldsOf('Organization').relationships!, 'Organization');
    expect(spec(schema)).toMatchObject({ first: 20, direction: 'BOTH', orderBy: 'DEFAULT' });
    expect(spec(buildASTSchema(parse(changed)))).toMatchObject({ first: 7, direction: 'BOTH', orderBy: 'DEFAULT' });
  });

  it("are the SDL's in the statements the resolvers send", async () => {
    const sent: CypherQuery[] = [];
    const db = { query: async (query: CypherQuery) => (sent.push(query), []) } as unknown as Database;
    const run = (typeDefs: string, query: string) =>
      execute({ schema: makeExecutableSchema({ typeDefs, resolvers }), document: parse(query), contextValue: { db, loaders: createLoaders(db) } });
    const param = (name: string) => Number((sent.pop()!.params[name] as { toNumber(): number }).toNumber());
    await run(changed, '{ neighbourhood(id: "x") { truncated } }');
    expect(param('limit')).toBe(123);
    await run(changed, '{ entity(id: "x") { relationships { totalCount } } }');
    expect(param('p0_first')).toBe(7);
    await run(sdl, '{ entity(id: "x") { relationships { totalCount } } }');
    expect(param('p0_first')).toBe(20);
  });
});
