import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

// The one reader of selection sets in the API: every other part of the plan works on what this collects.

/** What a plan is read from: the schema, the operation's fragments and its variables. */
export interface Operation {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/** One field node selected under a field, as graphql-js collects it. */
export interface Selected {
  /** The response key (the alias, else the name). */
  key: string;
  node: FieldNode;
  /** The possible object types of the parent for which the node is selected (its fragments' type conditions). */
  types: readonly string[];
  /** Whether an @include or @skip decided it is there, on it or on a fragment leading to it. */
  conditional: boolean;
}

type Directed = FieldNode | InlineFragmentNode | { directives?: FieldNode['directives'] };

/** Whether @skip or @include leave a selection out, with the request's variables (as graphql-js decides). */
function excluded(op: Operation, node: Directed): boolean {
  if (!node.directives?.length) return false;
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, op.variables as Record<string, unknown>);
  if (skip?.if === true) return true;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, op.variables as Record<string, unknown>);
  return include?.if === false;
}

/** Whether a fragment with type condition `condition` applies to an object of type `type` (as graphql-js decides). */
function applies(schema: GraphQLSchema, condition: string, type: string): boolean {
  if (condition === type) return true;
  const conditionType = schema.getType(condition);
  const objectType = schema.getType(type);
  return !!conditionType && isAbstractType(conditionType) && isObjectType(objectType) && schema.isSubType(conditionType, objectType);
}

/**
 * The field nodes selected under `nodes`, fragments followed, with the types of `possible` each applies to; what
 * @skip or @include leave out is not there.
 */
export function collect(op: Operation, nodes: readonly FieldNode[], possible: readonly string[]): Selected[] {
  const selected: Selected[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined, types: readonly string[], conditional: boolean): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (excluded(op, selection)) continue;
      const directed = conditional || !!selection.directives?.length;
      if (selection.kind === Kind.FIELD) {
        selected.push({ key: selection.alias?.value ?? selection.name.value, node: selection, types, conditional: directed });
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : op.fragments[selection.name.value];
      if (!fragment || excluded(op, fragment)) continue;
      const condition = fragment.typeCondition?.name.value;
      const narrowed = condition ? types.filter((type) => applies(op.schema, condition, type)) : types;
      visit(fragment.selectionSet, narrowed, directed || !!fragment.directives?.length);
    }
  };
  for (const node of nodes) visit(node.selectionSet, possible, false);
  return selected;
}
