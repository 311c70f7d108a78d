import {
  buildASTSchema,
  isObjectType,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { COMPUTED_ENTITY_FIELDS } from '../../src/graphql/computed-fields';
import { RELATIONSHIP_FIELD_NAMES } from '../../src/graphql/relationship-fields';
import { resolvers } from '../../src/graphql/resolvers';
import { entityKeys, isSelected, relationshipKeys } from '../../src/graphql/selection';
import { loadTypeDefs } from '../../src/graphql/type-defs';

const schema = buildASTSchema(loadTypeDefs());

function infoFor(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, schema } as unknown as GraphQLResolveInfo;
}

describe('relationshipKeys', () => {
  it('maps selected Relationship fields to stored properties, through fragments', () => {
    const info = infoFor(`{ partnersAttendance(actorId: "org:ichei") {
      partnership { kind ...Ev }
      attendances { role validFrom to { name } ... on Relationship { inferred evidence { quote document { id } } } }
    } } fragment Ev on Relationship { evidence { quote } }`);
    // Quotes alone do not need the documents' ids; asking for the document does.
    expect(relationshipKeys(info, ['partnership'])).toEqual(['evidenceQuotes', 'kind']);
    expect(relationshipKeys(info, ['attendances'])).toEqual(['evidenceDocs', 'evidenceQuotes', 'inferred', 'role', 'validFrom']);
  });

  it('reads only the evidence lists the selected Evidence fields need, and always one that counts the items', () => {
    expect(relationshipKeys(infoFor('{ x { evidence { position } } }'))).toEqual(['evidenceDocs', 'evidencePositions']);
    expect(relationshipKeys(infoFor('{ x { evidence { __typename } } }'))).toEqual(['evidenceDocs']);
    expect(relationshipKeys(infoFor('{ x { evidence { citation } } }'))).toEqual(['evidenceDocs', 'evidenceEnds', 'evidencePositions', 'evidenceStarts']);
    expect(relationshipKeys(infoFor('{ x { evidence { quote start end } } }'))).toEqual(['evidenceEnds', 'evidenceQuotes', 'evidenceStarts']);
  });

  it('asks only for the seed key when the id and the ends are selected', () => {
    expect(relationshipKeys(infoFor('{ x { id type from { id } to { name } } }'))).toEqual(['seedKey']);
    expect(relationshipKeys(infoFor('{ x { type to { name } } }'))).toEqual([]);
  });
});

describe('entityKeys', () => {
  it('maps selected Entity fields, of every fragment, to node properties, with the id always', () => {
    const info = infoFor(`{ x { to { type description ... on Organization { acronym category partners { nodes { kind } } } ...E } } }
      fragment E on Event { startDate evidence { quote } }`);
    expect(entityKeys(info, ['to'])).toEqual(['acronym', 'description', 'evidenceQuotes', 'id', 'kind', 'startDate']);
  });

  it("reads a Figure's context from its own lists, as its evidence from the evidence lists", () => {
    const info = infoFor('{ x { to { ... on Figure { context { quote } evidence { document { id } } } } } }');
    expect(entityKeys(info, ['to'])).toEqual(['contextQuotes', 'evidenceDocs', 'id']);
  });

  it('takes nothing from a selection that is not an Entity field', () => {
    expect(entityKeys(infoFor('{ x { to { __typename id } } }'), ['to'])).toEqual(['id']);
  });

  it('tells whether a path is selected', () => {
    const info = infoFor('{ x { attendances { to { id } } } }');
    expect(isSelected(info, ['attendances', 'to'])).toBe(true);
    expect(isSelected(info, ['attendances', 'from'])).toBe(false);
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
