import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL } from '../../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { nodeProjection, relationshipProjection } from './projection';

/** Left out of paths and neighbourhoods unless asked for: every entity is one hop from its documents. */
export const BOOKKEEPING: RelationshipType[] = ['MENTIONS', 'HAS_FIGURE'];

export interface ConnectionsArgs {
  fromId: string;
  toId: string;
  maxHops: number;
  first: number;
  via: RelationshipType[] | null;
  nodeKeys: string[];
  relationshipKeys: string[];
}

/**
 * Shortest paths between two entities over the allowed relationship types, up to maxHops (spliced as an integer, since
 * Cypher takes no parameter there). One row `{fromFound, toFound, paths}`, or none when an end is missing.
 */
export function connections(args: ConnectionsArgs): CypherQuery {
  const types = args.via ?? RELATIONSHIP_TYPE_NAMES.filter((t) => !BOOKKEEPING.includes(t));
  const hops = Math.trunc(args.maxHops);
  if (!(hops >= 1)) throw new Error(`maxHops must be a positive integer, got ${args.maxHops}`);
  return {
    cypher:
      `OPTIONAL MATCH (a:${label(ENTITY_LABEL)} {id: $from}) OPTIONAL MATCH (b:${label(ENTITY_LABEL)} {id: $to}) ` +
      `CALL (a, b) { MATCH p = allShortestPaths((a)-[:${typeAlternatives(types)}*..${hops}]-(b)) WHERE a IS NOT NULL AND b IS NOT NULL ` +
      'RETURN p LIMIT $first } ' +
      'RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, ' +
      `collect({nodes: [n IN nodes(p) | ${nodeProjection('n', args.nodeKeys)}], rels: [r IN relationships(p) | ${relationshipProjection('r', args.relationshipKeys)}]}) AS paths`,
    params: { from: args.fromId, to: args.toId, first: int(args.first) },
  };
}
