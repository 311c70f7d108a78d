import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { normalizeName } from '../../model/entity-resolution';
import { ENTITY_LABEL, type EntityType } from '../../model/entity-types';
import type { RelationshipType } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { nodeProjection } from './projection';

/** Relationship types that describe where something is, for the `country` filter. */
export const GEOGRAPHIC: RelationshipType[] = ['LOCATED_IN', 'HELD_IN', 'IMPLEMENTED_IN', 'PART_OF', 'MEMBER_OF'];

export interface ListEntitiesArgs {
  label: EntityType | null;
  country: string | null;
  name: string | null;
  first: number;
  after: { name: string; id: string } | null;
}

/**
 * Entities by type, country and name, sorted by name then id after a keyset cursor: `page` returns one more row than
 * asked for (so that the caller knows whether more exist), `count` the total.
 */
export function listEntities(args: ListEntitiesArgs): { page: CypherQuery; count: CypherQuery } {
  const match = `MATCH (n:${label(args.label ?? ENTITY_LABEL)})`;
  const where =
    `($name IS NULL OR n.searchKey CONTAINS $name) AND ($country IS NULL OR n.id = $country OR ` +
    `EXISTS { MATCH (n)-[:${typeAlternatives(GEOGRAPHIC)}*1..3]->(c:${label(ENTITY_LABEL)} {id: $country}) })`;
  const params = { name: args.name ? normalizeName(args.name) : null, country: args.country };
  return {
    page: {
      cypher:
        `${match} WHERE ${where} AND ($afterName IS NULL OR n.name > $afterName OR (n.name = $afterName AND n.id > $afterId)) ` +
        `RETURN ${nodeProjection('n')} AS node ORDER BY n.name, n.id LIMIT $limit`,
      params: { ...params, afterName: args.after?.name ?? null, afterId: args.after?.id ?? null, limit: int(args.first + 1) },
    },
    count: { cypher: `${match} WHERE ${where} RETURN count(n) AS total`, params },
  };
}
