import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL } from '../../model/entity-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { ATTENDANCE } from './partners-attendance';
import { nodeProjection } from './projection';

/**
 * Actors that attended the same events as an actor, most shared events first (then by name and id); sub-events count
 * towards the event they belong to. One page of them (`first` plus one, to tell whether more follow, after `skip`) as
 * rows `{found, total, actor, shared, events}`: `found` false when the actor does not exist, `total` all of them, and a
 * single row without an actor when the page is empty.
 */
export function coParticipants(actorId: string, skip: number, first: number, keys: { actor: string[]; event: string[] }): CypherQuery {
  const attended = typeAlternatives(ATTENDANCE);
  return {
    cypher:
      `OPTIONAL MATCH (a:${label(ENTITY_LABEL)} {id: $id}) ` +
      'OPTIONAL CALL (a) { ' +
      `MATCH (a)-[:${attended}]->(e:Event) ` +
      'MATCH (e)-[:PART_OF*0..3]->(root:Event) WHERE NOT (root)-[:PART_OF]->(:Event) ' +
      'WITH a, collect(DISTINCT root) AS roots UNWIND roots AS root ' +
      `MATCH (root)<-[:PART_OF*0..3]-(e2:Event)<-[:${attended}]-(other) WHERE other <> a ` +
      'WITH other, collect(DISTINCT root) AS events ORDER BY size(events) DESC, other.name, other.id ' +
      'RETURN collect([other, events]) AS everyone } ' +
      'WITH a, coalesce(everyone, []) AS everyone ' +
      'UNWIND (CASE WHEN size(everyone) > $skip THEN everyone[$skip..($skip + $first + 1)] ELSE [null] END) AS pair ' +
      'WITH a, size(everyone) AS total, pair[0] AS other, pair[1] AS events ' +
      `RETURN a IS NOT NULL AS found, total, CASE WHEN other IS NULL THEN null ELSE ${nodeProjection('other', keys.actor)} END AS actor, ` +
      `size(events) AS shared, [e IN coalesce(events, []) | ${nodeProjection('e', keys.event, 'Event')}] AS events`,
    params: { id: actorId, skip: int(skip), first: int(first) },
  };
}
