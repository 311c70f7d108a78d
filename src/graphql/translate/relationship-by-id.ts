import type { CypherQuery } from '../../db/cypher-query';
import { typeAlternatives } from '../../model/cypher-names';
import { isRelationshipType } from '../../model/relationship-types';
import { relationshipProjection } from './projection';

/**
 * One fact by its id, one row `{rel}` or none: a seed key ("TYPE|from|to|...") is looked up through its type's seedKey
 * index, any other id as an element id (the facts the loader derives, such as MENTIONS).
 */
export function relationshipById(id: string): CypherQuery {
  const type = /^([A-Z_]+)\|/.exec(id)?.[1];
  if (type && isRelationshipType(type)) {
    return { cypher: `MATCH ()-[r:${typeAlternatives([type])} {seedKey: $id}]->() RETURN ${relationshipProjection('r')} AS rel LIMIT 1`, params: { id } };
  }
  return { cypher: `MATCH ()-[r]->() WHERE elementId(r) = $id RETURN ${relationshipProjection('r')} AS rel LIMIT 1`, params: { id } };
}
