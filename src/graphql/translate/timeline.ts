import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL } from '../../model/entity-types';
import { label } from '../../model/cypher-names';
import { asOfParams } from '../../model/as-of';
import { nodeProjection, relationshipProjection } from './projection';

/**
 * An entity's dated relationships overlapping from..to (partial dates, either may be null), with their other ends:
 * one row `{found, rels}`, `found` false when the entity does not exist.
 */
export function timeline(args: { id: string; from: string | null; to: string | null }): CypherQuery {
  return {
    cypher:
      `OPTIONAL MATCH (a:${label(ENTITY_LABEL)} {id: $id}) ` +
      'RETURN a IS NOT NULL AS found, [(a)-[r]-(m) WHERE (r.validFromDay IS NOT NULL OR r.validToDay IS NOT NULL) ' +
      'AND ($from IS NULL OR coalesce(r.validToDay, r.validFromDay) >= $from) AND ($to IS NULL OR coalesce(r.validFromDay, r.validToDay) <= $to) ' +
      `| {rel: ${relationshipProjection('r')}, other: ${nodeProjection('m')}}] AS rels`,
    params: { id: args.id, from: args.from ? asOfParams(args.from).asOfStart : null, to: args.to ? asOfParams(args.to).asOfEnd : null },
  };
}
