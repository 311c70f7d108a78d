import { int } from 'neo4j-driver';
import type { CypherQuery } from '../db/cypher-query';
import type { Database } from '../db/database';
import { ENTITY_LABEL, isEntityType, type EntityType } from '../model/entity-types';
import { asOfFilter, asOfParams } from '../model/as-of';
import { typeAlternatives } from '../model/cypher-names';
import { isRelationshipType, RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../model/relationship-types';

/** A stored property's type, as neo4j-admin's CSV headers name them. */
export type PropertyType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]' | 'boolean[]';

export interface ExportNode {
  id: string;
  label: EntityType;
  props: Record<string, unknown>;
  /** The stored type of each property (integers and floats both read as numbers). */
  types: Record<string, PropertyType>;
}

export interface ExportRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  types: Record<string, PropertyType>;
}

/** Every property key of the nodes or relationships, with the one type it has (a key of mixed types is refused). */
export type PropertySchema = Map<string, PropertyType>;

/** What a format writer reads: the property schemas first, then the nodes and relationships, streamed in batches. */
export interface GraphSource {
  nodeSchema: PropertySchema;
  relationshipSchema: PropertySchema;
  nodeCount: number;
  relationshipCount: number;
  nodes(): AsyncIterable<ExportNode>;
  relationships(): AsyncIterable<ExportRelationship>;
}

/** Index helpers the loader derives (search text, folded words): rebuilt by a load, left out of analysis formats. */
export const DERIVED_PROPERTIES: ReadonlySet<string> = new Set(['searchText', 'searchKey', 'evidenceText', 'textIndexed']);

const BATCH = 2_000;

/** Maps a Cypher valueType() to a CSV type; undefined for a type the export cannot carry (none the loader writes). */
function propertyType(valueType: string): PropertyType | undefined {
  const base = valueType.replace(/ NOT NULL/g, '');
  const table: Record<string, PropertyType> = {
    STRING: 'string',
    INTEGER: 'long',
    FLOAT: 'double',
    BOOLEAN: 'boolean',
    'LIST<STRING>': 'string[]',
    'LIST<INTEGER>': 'long[]',
    'LIST<FLOAT>': 'double[]',
    'LIST<BOOLEAN>': 'boolean[]',
    'LIST<NOTHING>': 'string[]',
  };
  return table[base];
}

const typesOf = (pairs: [string, string][]): Record<string, PropertyType> =>
  Object.fromEntries(pairs.map(([key, valueType]) => [key, propertyType(valueType) ?? 'string']));

function schemaOf(rows: { key: string; types: string[] }[], what: string): PropertySchema {
  const schema: PropertySchema = new Map();
  for (const row of rows.sort((a, b) => a.key.localeCompare(b.key))) {
    // An empty list has no element type (LIST<NOTHING>); the key's other values decide.
    const known = row.types.filter((t) => !t.startsWith('LIST<NOTHING>'));
    const kinds = [...new Set((known.length > 0 ? known : row.types).map((t) => propertyType(t) ?? 'string'))];
    if (kinds.length !== 1) throw new Error(`${what} property "${row.key}" has values of several types (${row.types.join(', ')}); the export needs one`);
    schema.set(row.key, kinds[0]!);
  }
  return schema;
}

/** Restricts an export to some entities (a neighbourhood), by their ids, and to the facts valid at a date. */
export interface ExportScope {
  ids: string[] | null;
  /** Only relationships valid at this partial date (undated ones are kept), as the API's asOf. */
  asOf?: string | null;
}

const nodeFilter = (scope: ExportScope) => (scope.ids ? ' AND n.id IN $ids' : '');
const relationshipFilter = (scope: ExportScope) => (scope.asOf ? ` AND ${asOfFilter('r', scope.asOf)}` : '');
const scopeParams = (scope: ExportScope) => ({ ids: scope.ids, ...asOfParams(scope.asOf) });

/** The relationship types a neighbourhood follows: all but MENTIONS, as in the API's neighbourhood and the network view. */
const NEIGHBOURHOOD_TYPES = typeAlternatives(RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'MENTIONS'));

/** The statements that read the graph (or the entities of a scope, and the relationships between them) for an export. */
export const exportQueries = {
  nodeSchema: (scope: ExportScope): CypherQuery => ({
    cypher: `MATCH (n:${ENTITY_LABEL}) WHERE true${nodeFilter(scope)} UNWIND keys(n) AS key WITH key, valueType(n[key]) AS type RETURN key, collect(DISTINCT type) AS types`,
    params: { ids: scope.ids },
  }),
  relationshipSchema: (scope: ExportScope): CypherQuery => ({
    cypher:
      `MATCH (n:${ENTITY_LABEL})-[r]->(m:${ENTITY_LABEL}) WHERE true${nodeFilter(scope)}${scope.ids ? ' AND m.id IN $ids' : ''}${relationshipFilter(scope)} ` +
      'UNWIND keys(r) AS key WITH key, valueType(r[key]) AS type RETURN key, collect(DISTINCT type) AS types',
    params: scopeParams(scope),
  }),
  counts: (scope: ExportScope): CypherQuery => ({
    cypher:
      `RETURN COUNT { MATCH (n:${ENTITY_LABEL}) WHERE true${nodeFilter(scope)} } AS nodes, ` +
      `COUNT { MATCH (n:${ENTITY_LABEL})-[r]->(m:${ENTITY_LABEL}) WHERE true${nodeFilter(scope)}${scope.ids ? ' AND m.id IN $ids' : ''}${relationshipFilter(scope)} } AS relationships`,
    params: scopeParams(scope),
  }),
  /** A batch of nodes after an id, in id order (the id constraint's index serves the order). */
  nodes: (scope: ExportScope, after: string, limit: number): CypherQuery => ({
    cypher:
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id > $after${nodeFilter(scope)} WITH n ORDER BY n.id LIMIT $limit ` +
      'RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, [key IN keys(n) | [key, valueType(n[key])]] AS types',
    params: { after, limit: int(limit), ids: scope.ids },
  }),
  /** The outgoing relationships of a batch of start nodes after an id, in start-node order. */
  relationships: (scope: ExportScope, after: string, limit: number): CypherQuery => ({
    cypher:
      `MATCH (n:${ENTITY_LABEL}) WHERE n.id > $after${nodeFilter(scope)} WITH n ORDER BY n.id LIMIT $limit ` +
      `OPTIONAL MATCH (n)-[r]->(m:${ENTITY_LABEL}) WHERE true${scope.ids ? ' AND m.id IN $ids' : ''}${relationshipFilter(scope)} ` +
      'WITH n, r, m ORDER BY n.id, type(r), m.id, coalesce(r.seedKey, elementId(r)) ' +
      'RETURN n.id AS start, type(r) AS type, m.id AS end, properties(r) AS props, [key IN keys(r) | [key, valueType(r[key])]] AS types',
    params: { after, limit: int(limit), ...scopeParams(scope) },
  }),
  /**
   * The ids of the entities within `depth` hops of an entity, itself included, capped at `limit`: hops over any
   * relationship but MENTIONS and, with `asOf`, only over facts valid then.
   */
  neighbourhoodIds: (id: string, depth: number, limit: number, asOf: string | null = null): CypherQuery => ({
    cypher:
      `MATCH (c:${ENTITY_LABEL} {id: $id}) OPTIONAL MATCH (c)-[rs:${NEIGHBOURHOOD_TYPES}*1..${Math.max(1, Math.min(3, Math.trunc(depth)))}]-(m:${ENTITY_LABEL}) ` +
      `${asOf ? `WHERE all(r IN rs WHERE ${asOfFilter('r', asOf)}) ` : ''}` +
      'WITH c, collect(DISTINCT m.id) AS others RETURN c.id AS centre, [c.id] + [x IN others WHERE x <> c.id][..$limit] AS ids, size(others) AS found',
    params: { id, limit: int(limit), ...asOfParams(asOf) },
  }),
};

/** Reads the graph, or a scope of it, as a GraphSource; the schemas and counts first, then batches on demand. */
export async function openGraphSource(db: Database, scope: ExportScope = { ids: null }): Promise<GraphSource> {
  const [nodeSchemaRows, relationshipSchemaRows, [counts]] = await Promise.all([
    db.query<{ key: string; types: string[] }>(exportQueries.nodeSchema(scope)),
    db.query<{ key: string; types: string[] }>(exportQueries.relationshipSchema(scope)),
    db.query<{ nodes: number; relationships: number }>(exportQueries.counts(scope)),
  ]);
  return {
    nodeSchema: schemaOf(nodeSchemaRows, 'node'),
    relationshipSchema: schemaOf(relationshipSchemaRows, 'relationship'),
    nodeCount: counts!.nodes,
    relationshipCount: counts!.relationships,
    async *nodes() {
      for (let after = ''; ;) {
        const rows = await db.query<{ id: string; labels: string[]; props: Record<string, unknown>; types: [string, string][] }>(
          exportQueries.nodes(scope, after, BATCH),
        );
        for (const row of rows) {
          const label = row.labels.find((l): l is EntityType => isEntityType(l));
          if (label) yield { id: row.id, label, props: row.props, types: typesOf(row.types) };
        }
        if (rows.length < BATCH) return;
        after = rows[rows.length - 1]!.id;
      }
    },
    async *relationships() {
      for (let after = ''; ;) {
        const rows = await db.query<{
          start: string;
          type: string | null;
          end: string | null;
          props: Record<string, unknown> | null;
          types: [string, string][] | null;
        }>(exportQueries.relationships(scope, after, BATCH));
        if (rows.length === 0) return;
        for (const row of rows) {
          if (row.type && row.end && isRelationshipType(row.type)) {
            yield { type: row.type, from: row.start, to: row.end, props: row.props ?? {}, types: typesOf(row.types ?? []) };
          }
        }
        const starts = new Set(rows.map((r) => r.start));
        if (starts.size < BATCH) return;
        after = rows[rows.length - 1]!.start;
      }
    },
  };
}
