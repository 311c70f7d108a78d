import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { EVIDENCE_PROPERTIES } from '../../model/evidence';
import { ENTITY_TYPES } from '../../model/entity-types';
import { RELATIONSHIP_TYPES, type RelationshipDefinition } from '../../model/relationship-types';
import { COMPUTED_ENTITY_FIELDS, evidenceReads } from '../computed-fields';
import { RELATIONSHIP_FIELD_NAMES } from '../relationship-fields';
import type { FieldPlan } from './field-plan';

// What a plan's records need fetched: the properties of each entity and relationship, and the evidence lists asked for.

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

/** The sorted union of property key lists. */
export function mergeKeys(...lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** The names of the fields selected under a plan. */
function names(plan: FieldPlan): string[] {
  return plan.selected.map((s) => s.node.name.value);
}

/** The stored lists an evidence field of `plan` reads, from the Evidence fields selected under it. */
function evidenceOf(plan: FieldPlan, lists: Record<keyof typeof EVIDENCE_PROPERTIES, string>): string[] {
  return evidenceReads(lists, names(plan));
}

/**
 * The stored properties needed to answer the Relationship (or GraphEdge) fields selected under `plan`, so that a
 * query fetches only what it returns. Sorted, so that equal selections batch together.
 */
export function relationshipKeysOf(plan: FieldPlan): string[] {
  return mergeKeys(
    ...plan.children().map((field) => (field.name === 'evidence' ? evidenceOf(field, EVIDENCE_PROPERTIES) : (RELATIONSHIP_FIELD_KEYS[field.name] ?? []))),
  );
}

const entityFieldNames = new WeakMap<GraphQLSchema, ReadonlySet<string>>();

/** The field names of every type implementing Entity: the allow-list for property keys taken from a selection. */
function entityFieldsOf(schema: GraphQLSchema): ReadonlySet<string> {
  let known = entityFieldNames.get(schema);
  if (!known) {
    const entity = schema.getType('Entity');
    const types = isInterfaceType(entity) ? schema.getPossibleTypes(entity) : [];
    known = new Set(types.flatMap((type) => Object.keys(type.getFields())));
    entityFieldNames.set(schema, known);
  }
  return known;
}

/**
 * The node properties needed to answer the Entity fields selected under `plan` (fragments of every type included),
 * the id always, since records are identified by it. Computed fields read what they declare, relationship fields
 * nothing (they are loaded from the id), any other field its own name.
 */
export function entityKeysOf(plan: FieldPlan): string[] {
  const allowed = entityFieldsOf(plan.op.schema);
  return mergeKeys(
    ['id'],
    ...plan.children().map((field) => {
      const computed = COMPUTED_ENTITY_FIELDS[field.name];
      if (computed?.evidenceLists) return evidenceOf(field, computed.evidenceLists);
      return [...(computed?.reads ?? (RELATIONSHIP_FIELD_NAMES.has(field.name) || !allowed.has(field.name) ? [] : [field.name]))];
    }),
  );
}

/** A place in an answer that holds records its query fills: by schema coordinate (`PartnerAttendance.partner`). */
interface Place {
  at: string;
  kind: 'entity' | 'relationship';
  keys: string[];
  /** A relationship's ends the query selects, with their keys. */
  ends: { from?: string[]; to?: string[] };
}

const ENTITY_TYPE_NAMES: ReadonlySet<string> = new Set(['Entity', ...ENTITY_TYPES]);
const RELATIONSHIP_TYPE_NAMES: ReadonlySet<string> = new Set(['Relationship', 'GraphEdge']);

const placeCache = new WeakMap<FieldPlan, Place[]>();

/**
 * The places under `plan` that hold entities or relationships, found through the types the SDL gives them: the walk
 * stops at an entity (its relationship fields load their own records) and goes into a relationship's ends only.
 */
function placesOf(plan: FieldPlan): Place[] {
  let places = placeCache.get(plan);
  if (places) return places;
  places = [];
  for (const field of plan.children()) {
    const typeName = field.type?.name ?? '';
    const at = `${plan.type?.name ?? ''}.${field.name}`;
    if (ENTITY_TYPE_NAMES.has(typeName)) places.push({ at, kind: 'entity', keys: entityKeysOf(field), ends: {} });
    else if (RELATIONSHIP_TYPE_NAMES.has(typeName)) {
      const ends = Object.fromEntries((['from', 'to'] as const).filter((end) => field.selects(end)).map((end) => [end, endKeys(field, end)]));
      places.push({ at, kind: 'relationship', keys: relationshipKeysOf(field), ends });
    } else if (field.selected.length > 0) places.push(...placesOf(field));
  }
  placeCache.set(plan, places);
  return places;
}

/** The keys of a relationship field's selected end. */
function endKeys(relationship: FieldPlan, end: 'from' | 'to'): string[] {
  return mergeKeys(...relationship.fields(end).map(entityKeysOf));
}

/**
 * The properties of the entities at the places `at` under `plan` (schema coordinates; every entity place, the ends of
 * relationships included, when none is given); the id always. A plan whose own field is an entity is that place.
 */
export function entityKeysAt(plan: FieldPlan, ...at: string[]): string[] {
  if (ENTITY_TYPE_NAMES.has(plan.type?.name ?? '') && at.length === 0) return entityKeysOf(plan);
  const places = placesOf(plan).filter((place) => at.length === 0 || at.includes(place.at));
  const keys = places.flatMap((place) => (place.kind === 'entity' ? [place.keys] : at.length === 0 ? [place.ends.from ?? [], place.ends.to ?? []] : []));
  return mergeKeys(['id'], ...keys);
}

/** The properties of the relationships at the places `at` under `plan` (every relationship place when none is given). */
export function relationshipKeysAt(plan: FieldPlan, ...at: string[]): string[] {
  return mergeKeys(
    ...placesOf(plan)
      .filter((place) => place.kind === 'relationship' && (at.length === 0 || at.includes(place.at)))
      .map((place) => place.keys),
  );
}

/**
 * The properties of the ends (`end`, or both) of the relationships at the place `at` under `plan` (every relationship
 * place when none is given); null when no such end is selected, so that the query does not read them.
 */
export function relationshipEndKeysAt(plan: FieldPlan, { at, end }: { at?: string; end?: 'from' | 'to' } = {}): string[] | null {
  const ends = placesOf(plan)
    .filter((place) => place.kind === 'relationship' && (!at || place.at === at))
    .flatMap((place) => (end ? [place.ends[end]] : [place.ends.from, place.ends.to]))
    .filter((keys): keys is string[] => keys !== undefined);
  return ends.length > 0 ? mergeKeys(...ends) : null;
}
