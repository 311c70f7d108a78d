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
  /** The page: how many paths to skip and return (one more is read to tell whether more follow). */
  skip: number;
  first: number;
  via: RelationshipType[] | null;
  nodeKeys: string[];
  relationshipKeys: string[];
}

/**
 * Shortest paths between two entities over the allowed relationship types, up to maxHops (spliced as an integer, since
 * Cypher takes no parameter there), in a stable order (by the ids along the path), so that pages never overlap. One
 * row `{fromFound, toFound, total, paths}` with one page of paths, or none when an end is missing.
 */
export function connections(args: ConnectionsArgs): CypherQuery {
  const types = args.via ?? RELATIONSHIP_TYPE_NAMES.filter((t) => !BOOKKEEPING.includes(t));
  const hops = Math.trunc(args.maxHops);
  if (!(hops >= 1)) throw new Error(`maxHops must be a positive integer, got ${args.maxHops}`);
  return {
    cypher:
      `OPTIONAL MATCH (a:${label(ENTITY_LABEL)} {id: $from}) OPTIONAL MATCH (b:${label(ENTITY_LABEL)} {id: $to}) ` +
      `CALL (a, b) { MATCH p = allShortestPaths((a)-[:${typeAlternatives(types)}*..${hops}]-(b)) WHERE a IS NOT NULL AND b IS NOT NULL ` +
      "WITH p, reduce(k = '', x IN nodes(p) | k + x.id + '|') + reduce(k = '', r IN relationships(p) | k + type(r) + coalesce(r.seedKey, elementId(r)) + '|') AS key " +
      'ORDER BY key RETURN collect(p) AS found } ' +
      'RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, size(found) AS total, ' +
      `[p IN found[$skip..($skip + $first + 1)] | {nodes: [n IN nodes(p) | ${nodeProjection('n', args.nodeKeys)}], rels: [r IN relationships(p) | ${relationshipProjection('r', args.relationshipKeys)}]}] AS paths`,
    params: { from: args.fromId, to: args.toId, skip: int(args.skip), first: int(args.first) },
  };
}
