import { int } from 'neo4j-driver';
import type { CypherQuery } from '../../db/cypher-query';
import { NAME_INDEX } from '../../db/graph-schema';
import { normalizeName } from '../../model/entity-resolution';
import type { EntityType } from '../../model/entity-types';
import { isUnspaced, luceneTerm } from '../../model/text-search';
import { nodeProjection } from './projection';

/**
 * Turns free text into a Lucene query: every word (AND) or any word (OR) must match, exactly, as a prefix, or within
 * one edit; a run of Chinese characters as a phrase, which the index's analyzer reads one character a word, so that
 * part of a Chinese name finds it.
 */
export function luceneQuery(text: string, combine: 'AND' | 'OR'): string | null {
  const words = normalizeName(text).split(' ').filter(Boolean).slice(0, 12);
  if (words.length === 0) return null;
  const clause = (w: string) => {
    if ([...w].some(isUnspaced)) return `${luceneTerm(w)}^3`;
    return w.length >= 4 ? `(${w}^3 OR ${w}*^2 OR ${w}~1)` : `(${w}^3 OR ${w}*)`;
  };
  return words.map(clause).join(` ${combine} `);
}

/**
 * The best `first` hits of a Lucene query over names and aliases, as rows `{node, score}`; sorted and cut before the
 * projection, so that only the kept hits' properties and labels are read.
 */
export function searchNames(args: { lucene: string; labels: EntityType[] | null; first: number; keys: string[] }): CypherQuery {
  return {
    cypher:
      `CALL db.index.fulltext.queryNodes('${NAME_INDEX}', $query) YIELD node, score ` +
      'WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels) ' +
      'WITH node AS hit, score ORDER BY score DESC, hit.name LIMIT $first ' +
      `RETURN ${nodeProjection('hit', args.keys)} AS node, score ORDER BY score DESC, hit.name`,
    params: { query: args.lucene, labels: args.labels, first: int(args.first) },
  };
}
