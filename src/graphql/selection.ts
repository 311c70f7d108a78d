import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { RELATIONSHIP_TYPES, type RelationshipDefinition } from '../model/relationship-types';

/** Relationship properties a client can ask for, by GraphQL field name. */
const RELATIONSHIP_FIELD_KEYS: Record<string, string[]> = {
  evidence: ['evidenceDocs', 'evidenceQuotes'],
  inferred: ['inferred'],
  inference: ['inference'],
  validFrom: ['validFrom'],
  validTo: ['validTo'],
  ...Object.fromEntries(
    Object.values(RELATIONSHIP_TYPES).flatMap((definition) =>
      Object.keys((definition as RelationshipDefinition).properties ?? {}).map((key) => [key, [key]]),
    ),
  ),
};

function collectFields(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: FieldNode[]): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectFields(selection.selectionSet, fragments, into);
    else collectFields(fragments[selection.name.value]?.selectionSet, fragments, into);
  }
}

/** The fields selected under the current field, following `path` through nested fields (fragments included). */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): FieldNode[] {
  let level: FieldNode[] = [];
  for (const node of info.fieldNodes) collectFields(node.selectionSet, info.fragments, level);
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const field of level) if (field.name.value === name) collectFields(field.selectionSet, info.fragments, next);
    level = next;
  }
  return level;
}

/**
 * The stored properties needed to answer the Relationship fields selected under the current field (or under
 * `path`), so that a query fetches only what it returns. Sorted, so that equal selections batch together.
 */
export function relationshipKeys(info: GraphQLResolveInfo, path: string[] = []): string[] {
  const keys = new Set<string>();
  for (const field of selectedFields(info, path)) for (const key of RELATIONSHIP_FIELD_KEYS[field.name.value] ?? []) keys.add(key);
  return [...keys].sort();
}
