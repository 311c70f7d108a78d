import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import { LIST_CAP } from './relationship-fields';

/**
 * Lists of these types come with their parent, not from a query of their own: a fact's evidence is read with the fact
 * (and its documents through a loader that reads each once), so it counts as one item per parent.
 */
const SHORT_LISTS: Record<string, number> = { Evidence: 1 };

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** The size argument a list field takes, resolved from a literal, a variable or its default; undefined when none. */
function sizeArgument(
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
): number | undefined {
  if (!field.args.some((a) => a.name === 'first' || a.name === 'limit')) return undefined;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return undefined; // the field's resolver reports the bad argument
  }
  const size = args.first ?? args.limit;
  return typeof size === 'number' && Number.isFinite(size) ? Math.max(0, Math.trunc(size)) : undefined;
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> {
  return isObjectType(type) || isInterfaceType(type) ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
}

/**
 * The objects a selection can return: each list field counts its size times the objects above it, so that sizes
 * multiply down the nesting. A list's size is its `first` or `limit` argument (literal, variable or default), else
 * the nearest such argument of the object field it hangs from (a connection's edges, a neighbourhood's nodes), else
 * LIST_CAP, the most any list of the API returns.
 */
function selectionCost(
  walk: Walk,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  above: number,
  inherited: number | undefined,
): number {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const narrowed = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (narrowed && isCompositeType(narrowed)) cost += selectionCost(walk, narrowed, selection.selectionSet, above, inherited);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      const narrowed = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (narrowed && isCompositeType(narrowed)) cost += selectionCost(walk, narrowed, fragment.selectionSet, above, inherited);
      continue;
    }
    const field = fieldsOf(type)[selection.name.value];
    if (!field) continue; // __typename, or a field validation already refused
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) continue;
    const own = sizeArgument(field, selection, walk.variables);
    const isList = isListType(getNullableType(field.type));
    const count = isList ? above * (own ?? inherited ?? SHORT_LISTS[named.name] ?? LIST_CAP) : above;
    cost += count + selectionCost(walk, named, selection.selectionSet, count, isList ? undefined : (own ?? inherited));
  }
  return cost;
}

/** The most objects an operation can return, given its variables; 0 when the operation is not found. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) as
    OperationDefinitionNode | undefined;
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  return selectionCost({ schema, fragments, variables }, root, operation.selectionSet, 1, undefined);
}
