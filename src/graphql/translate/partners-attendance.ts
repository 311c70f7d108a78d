import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL } from '../../model/entity-types';
import type { RelationshipType } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';
import { asOfFilter, asOfParams } from '../../model/as-of';
import { nodeProjection, propertyValues, relationshipId, relationshipProjection, storedKeys } from './projection';

/** Relationship types that mean an actor was at an event. */
export const ATTENDANCE: RelationshipType[] = ['PARTICIPATED_IN', 'SPOKE_AT'];

/** What a partnersAttendance query selects: stored properties per part, and whether the events are wanted. */
export interface PartnersAttendanceSelection {
  partner: string[];
  partnership: string[];
  attendance: string[];
  /** The events' properties, or null when the query does not select them. */
  event: string[] | null;
}

/**
 * An attendance as partnersAttendance returns it: its properties' values in the order of storedKeys(selection.attendance),
 * the event's in the order of selection.event (see propertyValues).
 */
export type AttendanceTuple = [
  type: string,
  id: string | null,
  values: unknown[],
  eventId: string,
  eventLabels: string[] | null,
  eventValues: unknown[] | null,
];

/**
 * An actor's partners and the events each attended, fetching only the selected properties: one row per partner
 * (the driver decodes a very large record slowly), `found` false when the actor does not exist, and each attendance
 * as a small list of values rather than maps. `selection.attendance` must hold validFromDay, by which the caller sorts.
 */
export function partnersAttendance(actorId: string, asOf: string | null, selection: PartnersAttendanceSelection): CypherQuery {
  const event = selection.event ? ['labels(e)', propertyValues('e', selection.event)] : ['null', 'null'];
  const attendance = storedKeys(selection.attendance);
  const day = attendance.indexOf('validFromDay');
  if (day < 0) throw new Error('partnersAttendance: selection.attendance must hold validFromDay');
  return {
    cypher:
      `OPTIONAL MATCH (a:${label(ENTITY_LABEL)} {id: $id}) ` +
      `OPTIONAL MATCH (a)-[p:PARTNER_OF]-(partner) WHERE ${asOfFilter('p', asOf)} ` +
      // In the order the caller sorts partners by, so that its sort has little left to do.
      'WITH a, p, partner ORDER BY partner.name ' +
      // The model allows partnerships between organizations only.
      `RETURN a IS NOT NULL AS found, CASE WHEN partner IS NULL THEN null ELSE ${nodeProjection('partner', selection.partner, 'Organization')} END AS partner, ` +
      `CASE WHEN p IS NULL THEN null ELSE ${relationshipProjection('p', selection.partnership)} END AS partnership, ` +
      // In the order the caller sorts them by (date, then event id), so that its sort has little left to do.
      `COLLECT { MATCH (partner)-[att:${typeAlternatives(ATTENDANCE)}]->(e) WHERE ${asOfFilter('att', asOf)} ` +
      // (sorted by the values the tuple holds: reading them again from the store added half again to the statement's database hits)
      `WITH [type(att), ${selection.attendance.includes('seedKey') ? relationshipId('att') : 'null'}, ${propertyValues('att', attendance)}, e.id, ${event.join(', ')}] AS t ` +
      `ORDER BY coalesce(t[2][${day}], ''), t[3] RETURN t } AS attendances`,
    params: { id: actorId, ...(asOf ? asOfParams(asOf) : {}) },
  };
}
