import type { CypherQuery } from '../db/cypher-query';
import { label, typeAlternatives } from '../model/cypher-names';
import { ENTITY_LABEL, ENTITY_TYPES, type EntityType } from '../model/entity-types';
import type { RelationshipType } from '../model/relationship-types';
import type { NodeRow, RelationshipRow } from './build-graph';

// The statements the loader writes with, one builder each; labels and types go through the model's guards
// (cypher-names.ts), every value is a parameter.


/** The number of entities in the graph, as one row `{nodes}`. */
export const countEntities = (): CypherQuery => ({ cypher: `RETURN COUNT { (n:${ENTITY_LABEL}) } AS nodes`, params: {} });

/** Ids and hashes of the seed-managed nodes, for the diff. */
export const seedNodeHashes = (): CypherQuery => ({
  cypher: `MATCH (n:${ENTITY_LABEL}) WHERE n.seedManaged = true RETURN n.id AS id, n.seedHash AS hash`,
  params: {},
});

/** Keys, hashes and element ids of the seed-managed relationships, for the diff. */
export const seedRelationshipHashes = (): CypherQuery => ({
  cypher: 'MATCH ()-[r]->() WHERE r.seedManaged = true RETURN r.seedKey AS key, r.seedHash AS hash, elementId(r) AS elementId',
  params: {},
});

/** Deletes relationships by element id. */
export const deleteRelationships = (elementIds: string[]): CypherQuery => ({
  cypher: 'UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r',
  params: { ids: elementIds },
});

/** Deletes entities, with their relationships, by id. */
export const deleteNodes = (ids: string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) DETACH DELETE n`,
  params: { ids },
});

/**
 * Creates nodes of one label. The diff ran in the same transaction after the load lock was taken, so new rows are
 * created without MERGE's existence check.
 */
export const createNodes = (entityType: EntityType, rows: NodeRow[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:${label(entityType)}) SET n = row.props`,
  params: { rows: rows.map((n) => ({ props: n.props })) },
});

/** Replaces the properties of existing nodes and gives them `label` (and no other kind's label). */
export const updateNodes = (entityType: EntityType, rows: NodeRow[]): CypherQuery => ({
  cypher:
    `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) SET n = row.props ` +
    `REMOVE n:${ENTITY_TYPES.filter((l) => l !== label(entityType)).join(':')} SET n:${entityType}`,
  params: { rows: rows.map((n) => ({ id: n.id, props: n.props })) },
});

/** Creates relationships of one type between existing entities (found by their id index). */
export const createRelationships = (type: RelationshipType, rows: RelationshipRow[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row MATCH (a:${ENTITY_LABEL} {id: row.from}) MATCH (b:${ENTITY_LABEL} {id: row.to}) CREATE (a)-[r:${typeAlternatives([type])}]->(b) SET r = row.props`,
  params: { rows: rows.map((r) => ({ from: r.from, to: r.to, props: r.props })) },
});

/** Replaces the properties of existing relationships of one type, found by their seed key index. */
export const updateRelationships = (type: RelationshipType, rows: RelationshipRow[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row MATCH ()-[r:${typeAlternatives([type])} {seedKey: row.key}]->() SET r = row.props`,
  params: { rows: rows.map((r) => ({ key: r.key, props: r.props })) },
});
