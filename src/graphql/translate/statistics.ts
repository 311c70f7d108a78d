import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL, ENTITY_TYPES } from '../../model/entity-types';
import { RELATIONSHIP_TYPE_NAMES } from '../../model/relationship-types';
import { label, typeAlternatives } from '../../model/cypher-names';

/** Counts per label and relationship type, read from Neo4j's count store; one row, types with no instance left out. */
export function statistics(): CypherQuery {
  const byLabel = ENTITY_TYPES.map((l) => `{name: '${label(l)}', count: COUNT { (:${label(l)}) }}`).join(', ');
  const byType = RELATIONSHIP_TYPE_NAMES.map((t) => `{name: '${t}', count: COUNT { ()-[:${typeAlternatives([t])}]->() }}`).join(', ');
  return {
    cypher:
      `RETURN COUNT { (:${label(ENTITY_LABEL)}) } AS nodes, COUNT { ()-[]->() } AS relationships, ` +
      `COUNT { (:${label('Document')}) } AS documents, COUNT { ()-[r]->() WHERE r.inferred = true } AS inferredRelationships, ` +
      `[c IN [${byLabel}] WHERE c.count > 0] AS nodesByType, [c IN [${byType}] WHERE c.count > 0] AS relationshipsByType`,
    params: {},
  };
}
