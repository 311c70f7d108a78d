import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import { ResultBudget } from './budget';
import { QUERY_LIMITS } from './limits';
import { RequestPlans } from './plan/field-plan';
import { propertiesOf, relationshipFromParts, toEntity, type EntityRecord, type RelationshipRecord } from './records';
import { storedKeys } from './translate/projection';
import { documentTexts, entitiesById } from './translate/entities-by-id';
import { entityWithPages, type EntityWithPagesRow, type PagePlan, type PageResult } from './translate/entity-with-pages';
import {
  relationshipList,
  expandTuple,
  fixedTupleParts,
  type RelationshipListRow,
  type RelationshipSpec,
  type RelationshipTuple,
} from './translate/relationship-list';

interface RelationshipKey {
  entityId: string;
  spec: RelationshipSpec;
}

/** One page of an entity's relationships: the items, whether more follow, and the total when it was asked for. */
export interface RelationshipPage {
  items: RelationshipRecord[];
  hasMore: boolean;
  total: number | null;
}

/** The request-scoped batch loaders: one database round trip per distinct field and arguments, per level. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relationships: DataLoader<RelationshipKey, RelationshipPage, string>;
  /** A document's full text, fetched only when asked for. */
  documentText: DataLoader<string, string>;
  /** What this request may still read; every loader and query counts the records it reads against it. */
  budget: ResultBudget;
  /** The plans of this request's fields (plan/): what each field's selection asks for, worked out once. */
  plans: RequestPlans;
}

const relationshipCacheKey = (key: RelationshipKey) => `${key.entityId}|${JSON.stringify(key.spec)}`;

/** Creates fresh loaders for one request, so that nothing is cached across requests. */
export function createLoaders(db: Database, maxRecords: number = QUERY_LIMITS.maxRecords): Loaders {
  const budget = new ResultBudget(maxRecords);
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => {
    const rows = await db.query<{ id: string; node: { labels: string[]; props: Record<string, unknown> } }>(entitiesById(ids));
    budget.take(rows.length);
    const byId = new Map(rows.map((row) => [row.id, toEntity(row.node.labels, row.node.props)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const relationships = new DataLoader<RelationshipKey, RelationshipPage, string>(
    async (keys) => {
      // One query per distinct spec; a nested field with the same arguments shares one.
      const bySpec = new Map<string, { spec: RelationshipSpec; ids: Set<string> }>();
      for (const key of keys) {
        const specKey = JSON.stringify(key.spec);
        const group = bySpec.get(specKey) ?? { spec: key.spec, ids: new Set<string>() };
        group.ids.add(key.entityId);
        bySpec.set(specKey, group);
      }
      const results = new Map<string, RelationshipPage>();
      await Promise.all(
        [...bySpec.values()].map(async ({ spec, ids }) => {
          const rows = await db.query<RelationshipListRow>(relationshipList(spec, [...ids]));
          budget.take(rows.reduce((n, row) => n + row.rels.length, 0));
          for (const row of rows) results.set(relationshipCacheKey({ entityId: row.id, spec }), pageFrom(row.id, row.rels, row.total, spec));
        }),
      );
      return keys.map((key) => results.get(relationshipCacheKey(key)) ?? { items: [], hasMore: false, total: 0 });
    },
    { cacheKeyFn: relationshipCacheKey },
  );

  const documentText = new DataLoader<string, string>(async (ids) => {
    const rows = await db.query<{ id: string; text: string }>(documentTexts(ids));
    const byId = new Map(rows.map((row) => [row.id, row.text]));
    return ids.map((id) => byId.get(id) ?? '');
  });

  return { entity, relationships, documentText, budget, plans: new RequestPlans() };
}

/**
 * A page of entity `id`'s relationships from the rows read for it (each with the parts of its tuple the spec does not
 * fix, then, in entityWithPages's rows, the pages of its other end): the query reads one more, to tell whether more
 * follow. `rests` gets what follows each row's tuple, for the rows of the page.
 */
function pageFrom(id: string, rows: readonly unknown[][], total: number | null, spec: RelationshipSpec, rests?: unknown[][]): RelationshipPage {
  const fixed = fixedTupleParts(spec);
  const items = rows.slice(0, spec.first).map((row) => {
    const { tuple, rest } = expandTuple(fixed, row);
    rests?.push(rest);
    return relationshipOf(id, tuple, spec);
  });
  return { items, hasMore: rows.length > spec.first, total };
}

/**
 * Reads an entity with the relationship pages `plans` ask for in one statement (see plan/pages.ts) and primes the
 * request's loaders with the entity and each page, so that the fields' resolvers find them there. The records read
 * count against the request's budget as the loaders' would: the pages, and the children of their items.
 */
export async function loadEntityWithPages(db: Database, loaders: Loaders, id: string, plans: readonly PagePlan[]): Promise<EntityRecord | null> {
  const [row] = await db.query<EntityWithPagesRow>(entityWithPages(id, plans));
  if (!row) {
    loaders.entity.prime(id, null);
    return null;
  }
  const pages: { entityId: string; spec: RelationshipSpec; page: RelationshipPage; read: number }[] = [];
  const collect = (entityId: string, plans: readonly PagePlan[], results: readonly PageResult[]): void => {
    plans.forEach((plan, i) => {
      const result = results[i];
      if (!result) return; // the entity's type has no such field
      const [rows, total] = result;
      const rests: unknown[][] = [];
      const page = pageFrom(entityId, rows, total, plan.spec, rests);
      pages.push({ entityId, spec: plan.spec, page, read: rows.length });
      // The statement read the children of the one item past the page too; only the page's are kept.
      if (plan.children.length > 0)
        page.items.forEach((rel, i) => collect(rel.fromId === entityId ? rel.toId : rel.fromId, plan.children, rests[i] as PageResult[]));
    });
  };
  collect(id, plans, row.pages);
  loaders.budget.take(1 + pages.reduce((n, { read }) => n + read, 0));
  const entity = toEntity(row.node.labels, row.node.props);
  loaders.entity.prime(id, entity);
  for (const { entityId, spec, page } of pages) loaders.relationships.prime({ entityId, spec }, page);
  return entity;
}

/** A relationship of entity `id` from relationshipList's tuple; the other end, when fetched, answers `from` or `to` directly. */
function relationshipOf(
  id: string,
  [outgoing, otherId, type, relId, props, otherLabels, otherValues]: RelationshipTuple,
  spec: RelationshipSpec,
): RelationshipRecord {
  const properties = Array.isArray(props) ? propertiesOf(storedKeys(spec.keys ?? []), props) : props;
  const record = relationshipFromParts(type, relId, properties, outgoing ? { from: id, to: otherId } : { from: otherId, to: id });
  if (otherValues && spec.endKeys) record.ends = { [outgoing ? 'to' : 'from']: toEntity(otherLabels ?? [], propertiesOf(spec.endKeys, otherValues)) };
  return record;
}
