import type { CypherQuery } from '../../db/cypher-query';
import { ENTITY_LABEL, type EntityType } from '../../model/entity-types';
import { label } from '../../model/cypher-names';
import { nodeProjection } from './projection';
import { pageCypher, type PageNames, type RelationshipSpec } from './relationship-list';

/** A page of an entity's relationships read in the same statement as the entity, with the pages its other ends need. */
export interface PagePlan {
  spec: RelationshipSpec;
  /** The entity types whose field this page answers (the statement reads it only for them); null for every type. */
  labels: EntityType[] | null;
  /** Pages of the other ends' relationships, read for each relationship of this page. */
  children: readonly PagePlan[];
}

/**
 * One page as the statement returns it: its rows (one more than asked when more follow), each the parts of its
 * RelationshipTuple the spec does not fix (fixedTupleParts) followed by its children's pages in the plan's order, and
 * the count when asked; null where the entity's type has no such field.
 */
export type PageResult = [rows: unknown[][], total: number | null] | null;

/** The row entityWithPages returns: the entity as `{labels, props}` (all properties) and one result per plan. */
export interface EntityWithPagesRow {
  node: { labels: string[]; props: Record<string, unknown> };
  pages: PageResult[];
}

/**
 * An entity and pages of its relationships, nested as deep as the plans go, in one statement: each page is a COLLECT
 * subquery evaluated once per parent (the entity, or each relationship's other end), sorted and cut inside it as
 * relationshipList's CALL does, so that the answer's shape comes back from the database and nothing is read level by
 * level (a COLLECT expression answered the benchmark's nested query faster than a CALL per page, measured side by
 * side). Every page has its own variables and parameters (`p0_skip`, ...). No row when there is no such entity.
 */
export function entityWithPages(id: string, plans: readonly PagePlan[]): CypherQuery {
  const params: Record<string, unknown> = { id };
  let pages = 0;
  const pageExpression = (plan: PagePlan, n: string): string => {
    const k = pages++;
    const names: PageNames = { n, r: `r${k}`, m: `m${k}`, mId: `mId${k}`, mName: `mName${k}`, p: `p${k}_` };
    const page = pageCypher(plan.spec, names);
    Object.assign(params, page.params);
    const children = plan.children.map((child) => pageExpression(child, names.m));
    const value = `[COLLECT { ${page.rows} RETURN [${[...page.tuple, ...children].join(', ')}] }, ${plan.spec.count ? page.count : 'null'}]`;
    return plan.labels ? `CASE WHEN ${plan.labels.map((type) => `${n}:${label(type)}`).join(' OR ')} THEN ${value} END` : value;
  };
  const expressions = plans.map((plan) => pageExpression(plan, 'n'));
  return {
    cypher: `MATCH (n:${label(ENTITY_LABEL)} {id: $id}) RETURN ${nodeProjection('n')} AS node, [${expressions.join(', ')}] AS pages`,
    params,
  };
}
