import DataLoader from 'dataloader';
import { int } from 'neo4j-driver';
import type { Database } from '../db/database';
import { ENTITY_LABEL } from '../model/entity-types';
import type { RelationshipType } from '../model/relationship-types';
import { AS_OF_FILTER, dayRange } from './args';
import { NODE_PROJECTION, REL_PROJECTION, toEntity, toRelationship, type EntityRecord, type RelationshipRecord } from './records';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relationships of an entity a field asks for. */
export interface RelationshipSpec {
  types: RelationshipType[] | null;
  direction: Direction;
  asOf: string | null;
  first: number;
  /** Relationship properties to fetch (see selection.ts); null for all of them. */
  keys: string[] | null;
}

interface RelationshipKey {
  entityId: string;
  spec: RelationshipSpec;
}

/** The request-scoped batch loaders: one database round trip per distinct field and arguments, per level. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relationships: DataLoader<RelationshipKey, RelationshipRecord[], string>;
  /** A document's full text, fetched only when asked for. */
  documentText: DataLoader<string, string>;
}

/** Creates fresh loaders for one request, so that nothing is cached across requests. */
export function createLoaders(db: Database): Loaders {
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => {
    const rows = await db.read<{ id: string; node: { labels: string[]; props: Record<string, unknown> } }>(
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, ${NODE_PROJECTION('n')} AS node`,
      { ids: [...ids] },
    );
    const byId = new Map(rows.map((row) => [row.id, toEntity(row.node.labels, row.node.props)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const relationships = new DataLoader<RelationshipKey, RelationshipRecord[], string>(
    async (keys) => {
      // One query per distinct spec; a nested field with the same arguments shares one.
      const bySpec = new Map<string, { spec: RelationshipSpec; ids: Set<string> }>();
      for (const key of keys) {
        const specKey = JSON.stringify(key.spec);
        const group = bySpec.get(specKey) ?? { spec: key.spec, ids: new Set<string>() };
        group.ids.add(key.entityId);
        bySpec.set(specKey, group);
      }
      const results = new Map<string, RelationshipRecord[]>();
      await Promise.all(
        [...bySpec.entries()].map(async ([specKey, { spec, ids }]) => {
          const [row] = await db.read<{ groups: { id: string; rels: Parameters<typeof toRelationship>[0][] }[]; nodes: { labels: string[]; props: Record<string, unknown> }[] }>(
            relationshipQuery(spec),
            { ids: [...ids], first: int(spec.first), ...dayRange(spec.asOf) },
          );
          // The other ends come back once each, however many relationships share them, and prime the entity loader.
          for (const node of row!.nodes) {
            const record = toEntity(node.labels, node.props);
            entity.prime(record.props.id, record);
          }
          for (const group of row!.groups) results.set(`${group.id}|${specKey}`, group.rels.map(toRelationship));
        }),
      );
      return keys.map((key) => results.get(`${key.entityId}|${JSON.stringify(key.spec)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.entityId}|${JSON.stringify(key.spec)}` },
  );

  const documentText = new DataLoader<string, string>(async (ids) => {
    const rows = await db.read<{ id: string; text: string }>('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d.text AS text', { ids: [...ids] });
    const byId = new Map(rows.map((row) => [row.id, row.text]));
    return ids.map((id) => byId.get(id) ?? '');
  });

  return { entity, relationships, documentText };
}

/** The Cypher for one spec; relationship types come only from the model's allow-list (validated by GraphQL enums). */
export function relationshipQuery(spec: RelationshipSpec): string {
  const types = spec.types && spec.types.length > 0 ? `:${spec.types.join('|')}` : '';
  const pattern =
    spec.direction === 'OUTGOING' ? `(n)-[r${types}]->(m)` : spec.direction === 'INCOMING' ? `(n)<-[r${types}]-(m)` : `(n)-[r${types}]-(m)`;
  return (
    `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) ` +
    `CALL (n) { MATCH ${pattern} WHERE ${AS_OF_FILTER('r')} ` +
    `RETURN r, m ORDER BY type(r), coalesce(r.order, r.rank, 0), m.name, m.id LIMIT $first } ` +
    `WITH id, collect(${REL_PROJECTION('r', spec.keys)}) AS rels, collect(m) AS others ` +
    'WITH collect({id: id, rels: rels}) AS groups, collect(others) AS nested ' +
    `CALL (nested) { UNWIND nested AS others UNWIND others AS m WITH DISTINCT m RETURN collect(${NODE_PROJECTION('m')}) AS nodes } ` +
    'RETURN groups, nodes'
  );
}
