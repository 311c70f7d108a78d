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

/** The field nodes selected under `nodes` with the name `name`, grouped by response key (as graphql merges them). */
function subfields(nodes: readonly FieldNode[], name: string, info: GraphQLResolveInfo): FieldNode[][] {
  const byKey = new Map<string, FieldNode[]>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
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

/** Adds `plans` to `into`, but not twice. */
function addPlans(into: PagePlan[], plans: readonly PagePlan[]): void {
  for (const plan of plans) if (!into.some((known) => JSON.stringify(known) === JSON.stringify(plan))) into.push(plan);
}

/** The pages the relationship fields selected on an entity (at `nodes`) will ask for, with those of their items' ends. */
function pagesOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): PagePlan[] | null {
  const fields = entityFields(info, nodes);
  if (!fields) return null;
  const plans: PagePlan[] = [];
  for (const selected of fields.values()) {
    // A response key selected twice (in two fragments, say) merges field nodes per type; left to the resolvers.
    if (selected.length !== 1) continue;
    const { node, types } = selected[0]!;
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
      addPlans(plans, [{ spec, labels: declaring.length === ENTITY_TYPES.length ? null : declaring, children }]);
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

/** The most relationships a set of pages can read: each page one more than asked, and its children for each. */
export function mostRead(plans: readonly PagePlan[]): number {
  return plans.reduce((sum, plan) => sum + (plan.spec.first + 1) * (1 + mostRead(plan.children)), 0);
}

/**
 * The pages a root entity field's query will ask for, nested as deep as it goes, so long as the most they can read
 * stays within `budget` records (else the first level only, or none); empty when the query selects no relationship
 * field, or one this cannot predict exactly, in which case the resolvers load what they need level by level.
 */
export function entityPagePlans(info: GraphQLResolveInfo, budget: number): PagePlan[] {
  const plans = pagesOf(info, info.fieldNodes) ?? [];
  if (mostRead(plans) <= budget) return plans;
  const firstLevel = plans.map((plan) => ({ ...plan, children: [] }));
  return mostRead(firstLevel) <= budget ? firstLevel : [];
}
