import { getArgumentValues, isAbstractType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ENTITY_TYPES, type EntityType } from '../model/entity-types';
import { RELATIONSHIP_FIELD_NAMES, relationshipFieldsOf, type RelationshipField } from './relationship-fields';
import { specOf } from './relationship-spec';
import type { PagePlan } from './translate/entity-with-pages';

// Which relationship pages a root entity's query will ask for, worked out from its selection before any resolver
// runs, so that the entity and all of them are read in one statement (translate/entity-with-pages.ts). Each page's spec
// is the one its field's resolver will compute (the same specOf, on the same field node), so the resolvers find the
// pages in the request's loader. A selection this cannot predict exactly is left to the resolvers.

/** A field selected on an entity, with the entity types for which its fragments select it. */
interface SelectedField {
  node: FieldNode;
  types: readonly EntityType[];
}

/** Whether a fragment with type condition `condition` applies to an entity of type `type` (as graphql-js decides). */
function applies(info: GraphQLResolveInfo, condition: string, type: EntityType): boolean {
  if (condition === type) return true;
  const conditionType = info.schema.getType(condition);
  const objectType = info.schema.getType(type);
  return !!conditionType && isAbstractType(conditionType) && isObjectType(objectType) && info.schema.isSubType(conditionType, objectType);
}

/**
 * The fields selected on an entity by `nodes`, by response key, each with the entity types it applies to; null when a
 * selection has a directive (@include, @skip), whose effect is left to graphql.
 */
function entityFields(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Map<string, SelectedField[]> | null {
  const byKey = new Map<string, SelectedField[]>();
  let directives = false;
  const visit = (selectionSet: SelectionSetNode | undefined, types: readonly EntityType[]): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length) directives = true;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), { node: selection, types }]);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      if (!fragment) continue;
      if (fragment.directives?.length) directives = true;
      const condition = fragment.typeCondition?.name.value;
      visit(fragment.selectionSet, condition ? types.filter((type) => applies(info, condition, type)) : types);
    }
  };
  for (const node of nodes) visit(node.selectionSet, ENTITY_TYPES);
  return directives ? null : byKey;
}

/**
 * The field nodes selected under `nodes` with the name `name`, grouped by response key (as graphql merges them); a
 * selection with a directive is left out, and with it the pages below it, which its resolvers load if it is included.
 */
function subfields(nodes: readonly FieldNode[], name: string, info: GraphQLResolveInfo): FieldNode[][] {
  const byKey = new Map<string, FieldNode[]>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.directives?.length) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== name) continue;
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), selection]);
      } else visit((selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value])?.selectionSet);
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return [...byKey.values()];
}

/**
 * The selections of the entities a relationship field's items lead to: `others`, each relationship's other end (or
 * each entity the field lists), and `parents`, the end that is the entity itself (a relationship's `from` when the
 * field goes out of it, either end when it goes both ways).
 */
function endSelections(
  info: GraphQLResolveInfo,
  node: FieldNode,
  field: RelationshipField,
  direction: string,
): { others: FieldNode[][]; parents: FieldNode[][] } {
  if (field.returns === 'end') return { others: [[node]], parents: [] };
  const under = (nodes: FieldNode[][], name: string) => nodes.flatMap((group) => subfields(group, name, info));
  const items = [...under([[node]], 'nodes'), ...under(under([[node]], 'edges'), 'node')];
  if (field.returns === 'ends') return { others: items, parents: [] };
  const [others, parents] =
    direction === 'OUTGOING'
      ? [['to'], ['from']]
      : direction === 'INCOMING'
        ? [['from'], ['to']]
        : [
            ['to', 'from'],
            ['to', 'from'],
          ];
  return { others: others.flatMap((end) => under(items, end)), parents: parents.flatMap((end) => under(items, end)) };
}

/**
 * Each field node with the entity types for which it is the only node of its response key: for a type that two nodes
 * of one key apply to (two fragments selecting the same field), graphql-js merges them, which is left to the resolvers.
 */
function soleSelections(fields: Map<string, SelectedField[]>): SelectedField[] {
  return [...fields.values()].flatMap((selected) =>
    selected.map(({ node, types }) => ({ node, types: types.filter((type) => selected.filter((other) => other.types.includes(type)).length === 1) })),
  );
}

/** Adds `plans` to `into`, but not twice. */
function addPlans(into: PagePlan[], plans: readonly PagePlan[]): void {
  for (const plan of plans) if (!into.some((known) => JSON.stringify(known) === JSON.stringify(plan))) into.push(plan);
}

/** The pages the relationship fields selected on an entity (at `nodes`) will ask for, with those of their items' ends. */
function pagesOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): PagePlan[] | null {
  const fields = entityFields(info, nodes);
  if (!fields) return null;
  const plans: PagePlan[] = [];
  for (const { node, types } of soleSelections(fields)) {
    if (!RELATIONSHIP_FIELD_NAMES.has(node.name.value)) continue;
    // Types sharing a declaration share a spec: one page for all of them.
    const byDeclaration = new Map<RelationshipField, EntityType[]>();
    for (const type of types) {
      const field = relationshipFieldsOf(type)[node.name.value];
      if (field) byDeclaration.set(field, [...(byDeclaration.get(field) ?? []), type]);
    }
    for (const [field, declaring] of byDeclaration) {
      const objectType = info.schema.getType(declaring[0]!);
      const definition = isObjectType(objectType) ? objectType.getFields()[node.name.value] : undefined;
      if (!definition) continue;
      let spec;
      try {
        spec = specOf(field, getArgumentValues(definition, node, info.variableValues), { ...info, fieldNodes: [node] });
      } catch {
        continue; // the field's resolver reports bad arguments
      }
      const { others, parents } = endSelections(info, node, field, spec.direction);
      const children: PagePlan[] = [];
      for (const ends of others) {
        const nested = pagesOf(info, ends);
        if (nested === null) return null;
        addPlans(children, nested);
      }
      // Two types may declare the same field alike (an Organization's and a Person's participations): one page.
      const alike = plans.find(
        (plan) => plan.labels && JSON.stringify(plan.spec) === JSON.stringify(spec) && JSON.stringify(plan.children) === JSON.stringify(children),
      );
      if (alike) alike.labels = [...alike.labels!, ...declaring];
      else addPlans(plans, [{ spec, labels: declaring.length === ENTITY_TYPES.length ? null : declaring, children }]);
      // Fields selected on the end that is this entity are this entity's pages.
      for (const ends of parents) {
        const own = pagesOf(info, ends);
        if (own === null) return null;
        addPlans(plans, own);
      }
    }
  }
  return plans;
}

/**
 * The most pages one statement holds: Cypher plans a statement the first time it sees its text, and the time grows
 * faster than its subqueries (21 pages took seconds, against the API's 5 s query timeout; the plan is cached after).
 */
export const MAX_PAGES = 8;

/**
 * The pages a root entity field's query will ask for, nested as deep as it goes, taken breadth first while they are
 * at most MAX_PAGES and the most they can read stays within `budget` records (a page reads at most one more than
 * asked for each of its parent's); empty when the query selects no relationship field, or one this cannot predict
 * exactly. The resolvers load whatever is left out, level by level, as before.
 */
export function entityPagePlans(info: GraphQLResolveInfo, budget: number): PagePlan[] {
  const roots: PagePlan[] = [];
  let queue = (pagesOf(info, info.fieldNodes) ?? []).map((plan) => ({ plan, into: roots, reads: plan.spec.first + 1 }));
  let pages = 0;
  let reads = 0;
  while (queue.length > 0) {
    const next: typeof queue = [];
    for (const { plan, into, reads: most } of queue) {
      if (pages >= MAX_PAGES || reads + most > budget) continue;
      pages += 1;
      reads += most;
      const children: PagePlan[] = [];
      into.push({ ...plan, children });
      for (const child of plan.children) next.push({ plan: child, into: children, reads: most * (child.spec.first + 1) });
    }
    queue = next;
  }
  return roots;
}
