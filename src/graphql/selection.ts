import {
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { EVIDENCE_PROPERTIES } from '../model/evidence';
import { RELATIONSHIP_TYPES, type RelationshipDefinition } from '../model/relationship-types';
import { COMPUTED_ENTITY_FIELDS, evidenceReads } from './computed-fields';
import { RELATIONSHIP_FIELD_NAMES } from './relationship-fields';

/** Relationship properties a client can ask for, by GraphQL field name. */
const RELATIONSHIP_FIELD_KEYS: Record<string, string[]> = {
  id: ['seedKey'],
  inferred: ['inferred'],
  inference: ['inference'],
  validFrom: ['validFrom'],
  validTo: ['validTo'],
  ...Object.fromEntries(
    Object.values(RELATIONSHIP_TYPES).flatMap((definition) => Object.keys((definition as RelationshipDefinition).properties ?? {}).map((key) => [key, [key]])),
  ),
};

function collectFields(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: FieldNode[]): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectFields(selection.selectionSet, fragments, into);
    else collectFields(fragments[selection.name.value]?.selectionSet, fragments, into);
  }
}

/** The names of the fields selected under one field node (fragments included). */
function subfieldNames(info: GraphQLResolveInfo, field: FieldNode): string[] {
  const fields: FieldNode[] = [];
  collectFields(field.selectionSet, info.fragments, fields);
  return fields.map((f) => f.name.value);
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
  for (const field of selectedFields(info, path)) {
    const wanted = field.name.value === 'evidence' ? evidenceReads(EVIDENCE_PROPERTIES, subfieldNames(info, field)) : RELATIONSHIP_FIELD_KEYS[field.name.value];
    for (const key of wanted ?? []) keys.add(key);
  }
  return [...keys].sort();
}

const entityFieldNames = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The field names of every type implementing Entity: the allow-list for property keys taken from a selection. */
function entityFieldsOf(schema: GraphQLSchema): ReadonlySet<string> {
  let names = entityFieldNames.get(schema);
  if (!names) {
    const entity = schema.getType('Entity');
    const types = isInterfaceType(entity) ? schema.getPossibleTypes(entity) : [];
    names = new Set(types.flatMap((type) => Object.keys(type.getFields())));
    entityFieldNames.set(schema, names);
  }
  return names;
}

/**
 * The node properties needed to answer the Entity fields selected under `path` (fragments of every type included),
 * so that a query fetches only what it returns; the id always, since records are identified by it. Computed fields
 * read what they declare, relationship fields nothing (they are loaded from the id), any other field its own name.
 */
export function entityKeys(info: GraphQLResolveInfo, path: string[] = []): string[] {
  const allowed = entityFieldsOf(info.schema);
  const keys = new Set(['id']);
  for (const field of selectedFields(info, path)) {
    const name = field.name.value;
    const computed = COMPUTED_ENTITY_FIELDS[name];
    const wanted = computed?.evidenceLists
      ? evidenceReads(computed.evidenceLists, subfieldNames(info, field))
      : (computed?.reads ?? (RELATIONSHIP_FIELD_NAMES.has(name) || !allowed.has(name) ? [] : [name]));
    for (const key of wanted) keys.add(key);
  }
  return [...keys].sort();
}

/** The sorted union of property key lists. */
export function mergeKeys(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** Whether any field is selected under `path`. */
export function isSelected(info: GraphQLResolveInfo, path: string[]): boolean {
  const parent = path.slice(0, -1);
  const name = path[path.length - 1];
  return selectedFields(info, parent).some((field) => field.name.value === name);
}
