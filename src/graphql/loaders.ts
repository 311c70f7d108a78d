import DataLoader from 'dataloader';
import { int } from 'neo4j-driver';
import type { Database } from '../db/database';
import { ENTITY_LABEL } from '../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES, type RelationshipDefinition, type RelationshipType } from '../model/relationship-types';
import { asOfFilter, dayRange } from './args';
import { NODE_PROJECTION, REL_PARTS, relationshipFromParts, toEntity, type EntityRecord, type RelationshipRecord } from './records';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relationships of an entity a field asks for. */
export interface RelationshipSpec {
  types: RelationshipType[] | null;
  direction: Direction;
  asOf: string | null;
  first: number;
  /** Relationship properties to fetch (see selection.ts); null for all of them. */
  keys: string[] | null;
  /** Properties of the other ends to fetch with them (see selection.ts), or null when the query does not select them. */
  endKeys: string[] | null;
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
          const rows = await db.read<RelationshipQueryRow>(relationshipQuery(spec), { ids: [...ids], first: int(spec.first), ...dayRange(spec.asOf) });
          for (const row of rows) {
            const list: RelationshipRecord[] = [];
            for (const [outgoing, otherId, type, relId, props, otherLabels, otherProps] of row.rels) {
              const record = relationshipFromParts(type, relId, props, outgoing ? { from: row.id, to: otherId } : { from: otherId, to: row.id });
              // The other end, with only the selected properties, answers `from` or `to` directly.
              if (otherProps) record.ends = { [outgoing ? 'to' : 'from']: toEntity(otherLabels ?? [], otherProps) };
              list.push(record);
            }
            results.set(`${row.id}|${specKey}`, list);
          }
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

/** A relationship as relationshipQuery returns it: direction, other end's id, type, id, properties, other end. */
type RelationshipTuple = [
  outgoing: boolean,
  otherId: string,
  type: string,
  id: string | null,
  props: Record<string, unknown>,
  otherLabels: string[] | null,
  otherProps: (Record<string, unknown> & { id: string }) | null,
];

interface RelationshipQueryRow {
  id: string;
  rels: RelationshipTuple[];
}

/**
 * The Cypher for one spec: one row per entity, its relationships as a list of tuples (the driver decodes a list of
 * small lists several times faster than as many rows of maps, and LIMIT $first keeps each list short); relationship
 * types come only from the model's allow-list (validated by GraphQL enums). Relationships are sorted by type, then by
 * their stated order or rank where the model has one, then by the other end's name and id, which are read once for
 * both the sorting and the answer.
 */
export function relationshipQuery(spec: RelationshipSpec): string {
  const types = spec.types && spec.types.length > 0 ? `:${spec.types.join('|')}` : '';
  const pattern =
    spec.direction === 'OUTGOING' ? `(n)-[r${types}]->(m)` : spec.direction === 'INCOMING' ? `(n)<-[r${types}]-(m)` : `(n)-[r${types}]-(m)`;
  const definitions = (spec.types ?? RELATIONSHIP_TYPE_NAMES).map((type) => RELATIONSHIP_TYPES[type] as RelationshipDefinition);
  const ranked = ['order', 'rank'].filter((key) => definitions.some((d) => d.properties && key in d.properties));
  const sortKeys = [
    ...(definitions.length > 1 ? ['type(r)'] : []),
    ...(ranked.length > 0 ? [`coalesce(${ranked.map((key) => `r.${key}`).join(', ')}, 0)`] : []),
    'mName',
    'mId',
  ];
  const other = spec.endKeys
    ? [`labels(m)`, `m {${[...spec.endKeys.filter((k) => k !== 'id' && k !== 'name').map((k) => `.${k}`), 'id: mId', ...(spec.endKeys.includes('name') ? ['name: mName'] : [])].join(', ')}}`]
    : ['null', 'null'];
  const tuple = [
    'startNode(r) = n',
    'mId',
    ...REL_PARTS('r', spec.keys),
    ...other,
  ];
  return (
    `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) ` +
    `CALL (n) { MATCH ${pattern} WHERE ${asOfFilter('r', spec.asOf)} ` +
    `WITH r, m, m.id AS mId, m.name AS mName ORDER BY ${sortKeys.join(', ')} LIMIT $first RETURN collect([${tuple.join(', ')}]) AS rels } ` +
    'RETURN id, rels'
  );
}
