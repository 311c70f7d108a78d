import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL } from '../../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { asOfFilter, asOfParams } from '../../model/as-of';
import { nodeProjection, relationshipParts } from './projection';

export interface NeighbourhoodArgs {
  id: string;
  depth: number;
  types: RelationshipType[] | null;
  /** Only facts valid at this partial date (undated facts are kept), as relationship lists' asOf. */
  asOf: string | null;
  limit: number;
  centreKeys: string[];
  edgeKeys: string[];
}

/** An entity of a neighbourhood's levels: labels, id, name. */
export type NeighbourhoodNode = [labels: string[], id: string, name: string | null];
/** A relationship among a neighbourhood's entities: relationshipParts's [type, id or null, values of edgeKeys], start id, end id. */
export type NeighbourhoodEdge = [type: string, id: string | null, values: unknown[], from: string, to: string];

/**
 * The entities within `depth` hops (at most 3), expanded level by level so that the work grows with the number of
 * nodes rather than the number of paths, and cut at `limit` nodes. One row `{centre, levels, truncated, edges}`, or
 * none when the centre does not exist; MENTIONS is left out unless asked for, and with asOf only facts valid then count.
 * `edgeKeys` are never null here: the edges' values come in the order of storedKeys(edgeKeys).
 */
export function neighbourhood(args: NeighbourhoodArgs): CypherQuery {
  const types = typeAlternatives(args.types ?? RELATIONSHIP_TYPE_NAMES.filter((t) => t !== 'MENTIONS'));
  const depth = Math.trunc(args.depth);
  if (!(depth >= 1 && depth <= 3)) throw new Error(`depth must be 1, 2 or 3, got ${args.depth}`);
  let levels = '';
  for (let level = 1; level <= depth; level++) {
    levels +=
      `CALL (frontier, seen) { UNWIND frontier AS f MATCH (f)-[r:${types}]-(x) WHERE NOT x IN seen AND ${asOfFilter('r', args.asOf)} ` +
      'WITH DISTINCT x LIMIT $limit RETURN collect(x) AS next } ' +
      'WITH c, seen + next AS seen, next AS frontier, levels + [next] AS levels ';
  }
  return {
    cypher:
      `MATCH (c:${label(ENTITY_LABEL)} {id: $id}) WITH c, [c] AS frontier, [c] AS seen, [] AS levels ` +
      levels +
      'WITH c, levels, seen[0..$limit + 1] AS kept, size(seen) > $limit + 1 AS truncated ' +
      // Each relationship once, from its start node (the kept entities are distinct); edges and entities as lists, which
      // the driver decodes without a key string per entry (see NeighbourhoodEdge and NeighbourhoodNode).
      `CALL (kept) { UNWIND kept AS x MATCH (x)-[r:${types}]->(y) WHERE y IN kept AND ${asOfFilter('r', args.asOf)} ` +
      `RETURN collect([${relationshipParts('r', args.edgeKeys).join(', ')}, x.id, y.id]) AS edges } ` +
      // Graph nodes show only an id, a type and a name.
      `RETURN ${nodeProjection('c', args.centreKeys)} AS centre, [l IN levels | [x IN l WHERE x IN kept | [labels(x), x.id, x.name]]] AS levels, truncated, edges`,
    params: { id: args.id, limit: int(args.limit), ...(args.asOf ? asOfParams(args.asOf) : {}) },
  };
}
