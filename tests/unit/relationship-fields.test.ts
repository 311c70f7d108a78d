import {
  buildASTSchema,
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { PAGE, RELATIONSHIP_FILTER_ARGUMENTS, relationshipFieldsOf } from '../../src/graphql/relationship-fields';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { ENTITY_TYPES, type EntityType } from '../../src/model/entity-types';
import { RELATIONSHIP_TYPES, type RelationshipDefinition } from '../../src/model/relationship-types';

// A relationship field is one declaration (src/graphql/relationship-fields.ts) plus its SDL line: these tests fail
// when the two disagree, or when a declaration contradicts the model.

const schema = buildASTSchema(loadTypeDefs());
const entityTypeNames = new Set(schema.getPossibleTypes(schema.getType('Entity') as never).map((t) => t.name));
const isEntityLike = (type: GraphQLNamedType) => type.name === 'Entity' || entityTypeNames.has(type.name);

/** The item type of a connection type (the type of its `nodes`), or undefined for any other type. */
function connectionItem(named: GraphQLNamedType): GraphQLNamedType | undefined {
  if (!isObjectType(named) || !named.name.endsWith('Connection')) return undefined;
  const fields = named.getFields();
  if (!fields.edges || !fields.pageInfo || !fields.totalCount || !fields.nodes) return undefined;
  return getNamedType(fields.nodes.type);
}

/** The type a relationship-like field leads to: its own, or its connection's items. */
const itemOf = (field: GraphQLField<unknown, unknown>) => connectionItem(getNamedType(field.type)) ?? getNamedType(field.type);

/** The fields of an SDL type that lead to relationships or other entities (directly or through a connection). */
function relationshipLikeFields(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => {
    const named = itemOf(field);
    return named.name === 'Relationship' || isEntityLike(named);
  });
}

/** The concrete types an SDL return type accepts. */
function concreteTypes(named: GraphQLNamedType): string[] {
  return isAbstractType(named) ? schema.getPossibleTypes(named).map((t) => t.name) : [named.name];
}

describe.each(ENTITY_TYPES.map((t) => [t]))('%s', (typeName: EntityType) => {
  const sdlType = schema.getType(typeName);
  const declared = relationshipFieldsOf(typeName);

  it('is an SDL object type implementing Entity', () => {
    expect(isObjectType(sdlType)).toBe(true);
  });

  it('declares exactly the relationship fields its SDL has', () => {
    const inSdl = relationshipLikeFields(sdlType as GraphQLObjectType)
      .map((f) => f.name)
      .sort();
    expect(Object.keys(declared).sort()).toEqual(inSdl);
  });

  it.each(Object.entries(declared))('%s matches its SDL line and the model', (name, field) => {
    const sdlField = (sdlType as GraphQLObjectType).getFields()[name]!;
    const named = itemOf(sdlField);
    // The shape: a connection of relationships, a connection of other ends, or one other end.
    if (field.returns === 'relationships') expect(String(sdlField.type)).toBe('RelationshipConnection!');
    if (field.returns === 'ends')
      expect(isNonNullType(sdlField.type) && connectionItem(getNamedType(sdlField.type)) !== undefined && isEntityLike(named)).toBe(true);
    if (field.returns === 'end') expect(!isNonNullType(sdlField.type) && !isListType(sdlField.type) && isEntityLike(named)).toBe(true);
    // The arguments: asOf, the filters and order of relationship connections, a page's first and after, and types and
    // direction when the client chooses them.
    const args = Object.fromEntries(sdlField.args.map((a) => [a.name, a]));
    expect(Object.keys(args).sort()).toEqual(
      [
        ...(field.asOf ? ['asOf'] : []),
        ...(field.returns === 'relationships' ? RELATIONSHIP_FILTER_ARGUMENTS : []),
        ...(field.returns !== 'end' ? ['first', 'after'] : []),
        ...(field.types ? [] : ['types']),
        ...(field.direction ? [] : ['direction']),
      ].sort(),
    );
    if (field.asOf) expect(String(args.asOf!.type)).toBe('PartialDate');
    if (field.returns !== 'end') expect(args.first!.defaultValue).toBe(PAGE.default);
    // The model: the entity may stand at the declared end of every type, and the SDL accepts what stands at the other.
    for (const type of field.types ?? []) {
      const definition = RELATIONSHIP_TYPES[type] as RelationshipDefinition;
      const here = field.direction === 'OUTGOING' ? definition.from : field.direction === 'INCOMING' ? definition.to : [...definition.from, ...definition.to];
      if (name !== 'figures' && name !== 'mentionedIn') expect(here).toContain(typeName);
      if (field.returns !== 'relationships') {
        const there = field.direction === 'OUTGOING' ? definition.to : definition.from;
        expect(concreteTypes(named)).toEqual(expect.arrayContaining(field.endLabel ? [field.endLabel] : [...there]));
        if (field.endLabel) expect(there).toContain(field.endLabel);
      }
    }
  });
});
