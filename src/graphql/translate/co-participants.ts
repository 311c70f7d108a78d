import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL } from '../../model/entity-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { ATTENDANCE } from './partners-attendance';
import { nodeProjection } from './projection';

/**
 * Actors that attended the same events as an actor, most shared events first; sub-events count towards the event
 * they belong to. Rows `{found, actor, shared, events}`, `found` false when the actor does not exist.
 */
export function coParticipants(actorId: string, first: number, keys: { actor: string[]; event: string[] }): CypherQuery {
  const attended = typeAlternatives(ATTENDANCE);
  return {
    cypher:
      `OPTIONAL MATCH (a:${label(ENTITY_LABEL)} {id: $id}) ` +
      'OPTIONAL CALL (a) { ' +
      `MATCH (a)-[:${attended}]->(e:Event) ` +
      'MATCH (e)-[:PART_OF*0..3]->(root:Event) WHERE NOT (root)-[:PART_OF]->(:Event) ' +
      'WITH a, collect(DISTINCT root) AS roots UNWIND roots AS root ' +
      `MATCH (root)<-[:PART_OF*0..3]-(e2:Event)<-[:${attended}]-(other) WHERE other <> a ` +
      'WITH other, collect(DISTINCT root) AS events ' +
      'RETURN other, events ORDER BY size(events) DESC, other.name LIMIT $first } ' +
      `RETURN a IS NOT NULL AS found, CASE WHEN other IS NULL THEN null ELSE ${nodeProjection('other', keys.actor)} END AS actor, ` +
      `size(events) AS shared, [e IN events | ${nodeProjection('e', keys.event, 'Event')}] AS events`,
    params: { id: actorId, first: int(first) },
  };
}
