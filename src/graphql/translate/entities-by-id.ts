import type { CypherQuery } from '../../db/cypher-query';
import { DOCUMENT_TEXT } from '../../model/document';
import { ENTITY_LABEL } from '../../model/entity-types';
import { label, propertyKey } from '../../model/cypher-names';
import { nodeProjection } from './projection';

/** Every property of the entities `ids` (a document's without its text), one row `{id, node}` each. */
export function entitiesById(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id MATCH (n:${label(ENTITY_LABEL)} {id: id}) RETURN id, ${nodeProjection('n')} AS node`,
    params: { ids: [...ids] },
  };
}

/** The full text of the documents `ids`, one row `{id, text}` each. */
export function documentTexts(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id MATCH (d:${label('Document')} {id: id}) RETURN id, d.${propertyKey(DOCUMENT_TEXT)} AS text`,
    params: { ids: [...ids] },
  };
}

/** Whether an entity exists, as one row `{found}`. */
export function entityExists(id: string): CypherQuery {
  return { cypher: `RETURN EXISTS { (:${label(ENTITY_LABEL)} {id: $id}) } AS found`, params: { id } };
}
