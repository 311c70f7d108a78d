import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { DOCUMENT_TEXT_INDEX, NAME_INDEX, NODE_EVIDENCE_INDEX, RELATIONSHIP_EVIDENCE_INDEX } from '../../db/graph-schema';
import { nodeProjection, relationshipProjection } from './projection';

/**
 * Facts whose evidence quotes hold the Lucene query's words, best first, as rows `{score, node, rel}` (one of the two
 * set): entities, figures and documents from the node index, relationships from the relationship index. At most
 * `limit` facts; the caller picks the matching quotes of each.
 */
export function evidenceCandidates(args: { lucene: string; limit: number }): CypherQuery {
  return {
    cypher:
      'CALL () { ' +
      `CALL db.index.fulltext.queryNodes('${NODE_EVIDENCE_INDEX}', $query) YIELD node, score RETURN node AS n, null AS r, score ` +
      'UNION ALL ' +
      `CALL db.index.fulltext.queryRelationships('${RELATIONSHIP_EVIDENCE_INDEX}', $query) YIELD relationship, score RETURN null AS n, relationship AS r, score ` +
      '} WITH n, r, score ORDER BY score DESC, coalesce(n.id, r.seedKey, elementId(r)) LIMIT $limit ' +
      `RETURN score, CASE WHEN n IS NULL THEN null ELSE ${nodeProjection('n')} END AS node, ` +
      `CASE WHEN r IS NULL THEN null ELSE ${relationshipProjection('r')} END AS rel`,
    params: { query: args.lucene, limit: int(args.limit) },
  };
}

/** Documents whose text holds the Lucene query's words, best first, as rows `{score, id, text, kinds, starts, ends}`. */
export function documentCandidates(args: { lucene: string; limit: number }): CypherQuery {
  return {
    cypher:
      `CALL db.index.fulltext.queryNodes('${DOCUMENT_TEXT_INDEX}', $query) YIELD node, score ` +
      'WITH node, score ORDER BY score DESC, node.id LIMIT $limit ' +
      'RETURN score, node.id AS id, node.text AS text, coalesce(node.layoutKinds, []) AS kinds, ' +
      'coalesce(node.layoutStarts, []) AS starts, coalesce(node.layoutEnds, []) AS ends',
    params: { query: args.lucene, limit: int(args.limit) },
  };
}

/** Candidates for an exact name or alias: nodes whose names hold every word of it, as rows `{node}`; the caller compares. */
export function nameCandidates(args: { lucene: string; limit: number }): CypherQuery {
  return {
    cypher:
      `CALL db.index.fulltext.queryNodes('${NAME_INDEX}', $query) YIELD node, score ` +
      `WITH node, score ORDER BY score DESC, node.id LIMIT $limit RETURN ${nodeProjection('node')} AS node`,
    params: { query: args.lucene, limit: int(args.limit) },
  };
}
