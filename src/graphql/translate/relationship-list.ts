import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL, type EntityType } from '../../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES, RELATIONSHIP_TYPES, type RelationshipDefinition, type RelationshipType } from '../../model/relationship-types';
import { label, propertyKey, typeAlternatives } from '../../model/cypher-names';
import { asOfFilter, asOfParams } from './filters';
import { relationshipParts } from './projection';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relationships of an entity a field asks for, and what of them to return. */
export interface RelationshipSpec {
  types: RelationshipType[] | null;
  direction: Direction;
  asOf: string | null;
  first: number;
  /** Relationship properties to fetch (see selection.ts); null for all of them. */
  keys: string[] | null;
  /** Properties of the other ends to fetch with them (see selection.ts), or null when the query does not select them. */
  endKeys: string[] | null;
  /** Only relationships whose other end has this label (a field typed narrower than the model's relationship type). */
  endLabel?: EntityType;
}

/** A relationship as relationshipList returns it: direction, other end's id, type, id, properties, other end. */
export type RelationshipTuple = [
  outgoing: boolean,
  otherId: string,
  type: string,
  id: string | null,
  props: Record<string, unknown>,
  otherLabels: string[] | null,
  otherProps: (Record<string, unknown> & { id: string }) | null,
];

/** One row per entity of relationshipList. */
export interface RelationshipListRow {
  id: string;
  rels: RelationshipTuple[];
}

/**
 * The relationships of the entities `ids` that one spec asks for: one row per entity, its relationships as a list of
 * tuples (the driver decodes a list of small lists several times faster than as many rows of maps, and LIMIT $first
 * keeps each list short). Relationships are sorted by type, then by their stated order or rank where the model has one,
 * then by the other end's name and id, which are read once for both the sorting and the answer.
 */
export function relationshipList(spec: RelationshipSpec, ids: readonly string[]): CypherQuery {
  const types = spec.types && spec.types.length > 0 ? `:${typeAlternatives(spec.types)}` : '';
  const m = spec.endLabel ? `(m:${label(spec.endLabel)})` : '(m)';
  const pattern = spec.direction === 'OUTGOING' ? `(n)-[r${types}]->${m}` : spec.direction === 'INCOMING' ? `(n)<-[r${types}]-${m}` : `(n)-[r${types}]-${m}`;
  const definitions = (spec.types ?? RELATIONSHIP_TYPE_NAMES).map((type) => RELATIONSHIP_TYPES[type] as RelationshipDefinition);
  const ranked = ['order', 'rank'].filter((key) => definitions.some((d) => d.properties && key in d.properties));
  const sortKeys = [
    ...(definitions.length > 1 ? ['type(r)'] : []),
    ...(ranked.length > 0 ? [`coalesce(${ranked.map((key) => `r.${key}`).join(', ')}, 0)`] : []),
    'mName',
    'mId',
  ];
  const other = spec.endKeys
    ? [
        'labels(m)',
        `m {${[
          ...spec.endKeys.filter((k) => k !== 'id' && k !== 'name').map((k) => `.${propertyKey(k)}`),
          'id: mId',
          ...(spec.endKeys.includes('name') ? ['name: mName'] : []),
        ].join(', ')}}`,
      ]
    : ['null', 'null'];
  const tuple = ['startNode(r) = n', 'mId', ...relationshipParts('r', spec.keys), ...other];
  return {
    cypher:
      `UNWIND $ids AS id MATCH (n:${label(ENTITY_LABEL)} {id: id}) ` +
      `CALL (n) { MATCH ${pattern} WHERE ${asOfFilter('r', spec.asOf)} ` +
      `WITH r, m, m.id AS mId, m.name AS mName ORDER BY ${sortKeys.join(', ')} LIMIT $first RETURN collect([${tuple.join(', ')}]) AS rels } ` +
      'RETURN id, rels',
    params: { ids: [...ids], first: int(spec.first), ...(spec.asOf ? asOfParams(spec.asOf) : {}) },
  };
}
