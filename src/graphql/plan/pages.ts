import type { EntityType } from '../../model/entity-types';
import { RELATIONSHIP_FIELD_NAMES, relationshipFieldsOf, type RelationshipField } from '../relationship-fields';
import type { PagePlan } from '../translate/entity-with-pages';
import type { FieldPlan } from './field-plan';
import { relationshipSpecOf } from './relationship-spec';

// Which relationship pages a root entity's query will ask for, worked out from its plan before any resolver runs, so
// that the entity and all of them are read in one statement (translate/entity-with-pages.ts). Each page's spec is the
// very object its field's resolver will take from the same plan (relationshipSpecOf), so the resolvers find the pages
// in the request's loader. A selection this cannot predict exactly (a directive, two fragments merging one field) is
// left to the resolvers.

/** A field selected on an entity: its plan, with the entity types for which it is the only node of its response key. */
interface SoleField {
  plan: FieldPlan;
  types: readonly EntityType[];
}

/**
 * The relationship fields selected on the entity of `at`, each with the types for which it is the only field node of
 * its response key (for a type that two nodes of one key apply to, graphql-js merges them, which is left to the
 * resolvers); null when a selection has a directive, whose effect is left to graphql.
 */
function relationshipFields(at: FieldPlan): SoleField[] | null {
  if (at.selected.some((s) => s.conditional)) return null;
  const byKey = new Map<string, typeof at.selected>();
  for (const s of at.selected) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  return [...byKey.values()].flatMap((selected) =>
    selected
      .filter(({ node }) => RELATIONSHIP_FIELD_NAMES.has(node.name.value))
      .map(({ node, types }) => ({
        plan: at.planOf([node]),
        types: types.filter((type) => selected.filter((other) => other.types.includes(type)).length === 1) as EntityType[],
      })),
  );
}

/**
 * The plans of the entities a relationship field's items lead to: `others`, each relationship's other end (or each
 * entity the field lists), and `parents`, the end that is the entity itself (a relationship's `from` when the field
 * goes out of it, either end when it goes both ways). Fields under a directive are left out.
 */
function endPlans(plan: FieldPlan, field: RelationshipField, direction: string): { others: FieldPlan[]; parents: FieldPlan[] } {
  if (field.returns === 'end') return { others: [plan], parents: [] };
  const under = (plans: FieldPlan[], name: string) => plans.flatMap((p) => p.fields(name, { unconditional: true }));
  const items = [...under([plan], 'nodes'), ...under(under([plan], 'edges'), 'node')];
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

/** The pages of the plans `ends`, merged; null when one of them cannot be predicted. */
function pagesOfAll(ends: readonly FieldPlan[]): PagePlan[] | null {
  const pages: PagePlan[] = [];
  for (const end of ends) {
    const nested = pagesOf(end);
    if (nested === null) return null;
    addPlans(pages, nested);
  }
  return pages;
}

/** The entity types of `types` that declare the field, grouped by their declaration: types sharing one share a page. */
function byDeclaration(name: string, types: readonly EntityType[]): Map<RelationshipField, EntityType[]> {
  const declarations = new Map<RelationshipField, EntityType[]>();
  for (const type of types) {
    const field = relationshipFieldsOf(type)[name];
    if (field) declarations.set(field, [...(declarations.get(field) ?? []), type]);
  }
  return declarations;
}

/** The pages the relationship fields selected on the entity of `at` will ask for, with those of their items' ends. */
function pagesOf(at: FieldPlan): PagePlan[] | null {
  const fields = relationshipFields(at);
  if (!fields) return null;
  const possible = at.possibleTypes;
  const pages: PagePlan[] = [];
  for (const { plan, types } of fields) {
    for (const [field, declaring] of byDeclaration(plan.name, types)) {
      let spec;
      try {
        spec = relationshipSpecOf(plan, field, declaring[0]!);
      } catch {
        continue; // the field's resolver reports bad arguments
      }
      const { others, parents } = endPlans(plan, field, spec.direction);
      const children = pagesOfAll(others);
      const own = pagesOfAll(parents);
      if (children === null || own === null) return null;
      // Two types may declare the same field alike (an Organization's and a Person's participations): one page.
      const alike = pages.find(
        (page) => page.labels && JSON.stringify(page.spec) === JSON.stringify(spec) && JSON.stringify(page.children) === JSON.stringify(children),
      );
      if (alike) alike.labels = [...alike.labels!, ...declaring];
      else addPlans(pages, [{ spec, labels: declaring.length === possible.length ? null : declaring, children }]);
      // Fields selected on the end that is this entity are this entity's pages.
      addPlans(pages, own);
    }
  }
  return pages;
}

/**
 * The most pages one statement holds: Cypher plans a statement the first time it sees its text, and the time grows
 * faster than its subqueries (21 pages took seconds, against the API's 5 s query timeout; the plan is cached after).
 */
export const MAX_PAGES = 8;

/**
 * The pages a root entity field's query will ask for (its plan `root`), nested as deep as it goes, taken breadth
 * first while they are at most MAX_PAGES and the most they can read stays within `budget` records (a page reads at
 * most one more than asked for each of its parent's); empty when the query selects no relationship field, or one this
 * cannot predict exactly. The resolvers load whatever is left out, level by level, as before.
 */
export function entityPagePlans(root: FieldPlan, budget: number): PagePlan[] {
  const roots: PagePlan[] = [];
  let queue = (pagesOf(root) ?? []).map((plan) => ({ plan, into: roots, reads: plan.spec.first + 1 }));
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
