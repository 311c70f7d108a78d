import { parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { relationshipKeys } from '../../src/graphql/selection';

function infoFor(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
}

describe('relationshipKeys', () => {
  it('maps selected Relationship fields to stored properties, through fragments', () => {
    const info = infoFor(`{ partnersAttendance(actorId: "org:ichei") {
      partnership { kind ...Ev }
      attendances { role validFrom to { name } ... on Relationship { inferred } }
    } } fragment Ev on Relationship { evidence { quote } }`);
    expect(relationshipKeys(info, ['partnership'])).toEqual(['evidenceDocs', 'evidenceQuotes', 'kind']);
    expect(relationshipKeys(info, ['attendances'])).toEqual(['inferred', 'role', 'validFrom']);
  });

  it('asks for no properties when only the ends are selected', () => {
    expect(relationshipKeys(infoFor('{ x { id type from { id } to { name } } }'))).toEqual([]);
  });
});
