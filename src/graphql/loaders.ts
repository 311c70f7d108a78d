import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import { ResultBudget } from './budget';
import { QUERY_LIMITS } from './limits';
import { propertiesOf, relationshipFromParts, toEntity, type EntityRecord, type RelationshipRecord } from './records';
import { storedKeys } from './translate/projection';
import { documentTexts, entitiesById } from './translate/entities-by-id';
import { relationshipList, type RelationshipListRow, type RelationshipSpec } from './translate/relationship-list';

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
          for (const row of rows) {
            // The query reads one more than a page, to tell whether more follow.
            results.set(relationshipCacheKey({ entityId: row.id, spec }), {
              items: row.rels.slice(0, spec.first).map((tuple) => relationshipOf(row.id, tuple, spec)),
              hasMore: row.rels.length > spec.first,
              total: row.total,
            });
          }
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

  return { entity, relationships, documentText, budget };
}

/** A relationship of entity `id` from relationshipList's tuple; the other end, when fetched, answers `from` or `to` directly. */
function relationshipOf(
  id: string,
  [outgoing, otherId, type, relId, props, otherLabels, otherValues]: RelationshipListRow['rels'][number],
  spec: RelationshipSpec,
): RelationshipRecord {
  const properties = Array.isArray(props) ? propertiesOf(storedKeys(spec.keys ?? []), props) : props;
  const record = relationshipFromParts(type, relId, properties, outgoing ? { from: id, to: otherId } : { from: otherId, to: id });
  if (otherValues && spec.endKeys) record.ends = { [outgoing ? 'to' : 'from']: toEntity(otherLabels ?? [], propertiesOf(spec.endKeys, otherValues)) };
  return record;
}
