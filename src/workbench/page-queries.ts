// The first query of each workbench page that opens with one. The API reads this module too: it runs the query while
// the page's scripts load and sends the answer inside the page (see page-answer.ts), which saves the page a round trip.
// Plain strings and address parsing only, so that both the browser bundle and the server can import it.

const EVIDENCE = 'evidence { quote position start end document { id title } }';

/** How many facts an entity page shows first: a first page paints quickly even for the busiest actor. */
export const FIRST_FACTS = 50;

/** The fields of a page of an entity's facts. */
export const FACTS = `totalCount pageInfo { hasNextPage endCursor } nodes { type role kind title format validFrom validTo inferred inference from { id name } to { id name } ${EVIDENCE} }`;

/** The entity page: the entity, its first facts, figures and the documents that mention it. */
export const ENTITY_QUERY = `query($id: ID!) { entity(id: $id) {
  id name type aliases description
  ... on Organization { acronym }
  relationships(first: ${FIRST_FACTS}) { ${FACTS} }
  figures(first: 100) { nodes { id statedAs metric unit status ${EVIDENCE} } }
  mentionedIn(first: 50) { nodes { id name } }
} }`;

/** The network view: the neighbourhood's entities and facts (their evidence is read when an edge is clicked). */
export const NEIGHBOURHOOD_QUERY = `query($id: ID!, $depth: Int!, $asOf: PartialDate, $limit: Int) { neighbourhood(id: $id, depth: $depth, asOf: $asOf, limit: $limit) {
  truncated nodes { id type name distance }
  edges { id type source target inferred }
} }`;

/** A GraphQL request a page makes. */
export interface PageQuery {
  query: string;
  variables: Record<string, unknown>;
}

/** The network view's settings, from its address: depth 1 to 3 (default 1), an optional date, at most 500 entities (default 200). */
export interface NetworkArgs {
  id: string;
  depth: number;
  asOf: string | null;
  limit: number;
}

/** The id in `/<page>/<id>` (percent-decoded), or null for another page or a malformed address. */
function idIn(page: string, pathname: string): string | null {
  const match = new RegExp(`^/${page}/(.+)$`).exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The network view's settings from its address, or null when the address is not a network view's. */
export function networkArgs(pathname: string, search: string): NetworkArgs | null {
  const id = idIn('network', pathname);
  if (id === null) return null;
  const params = new URLSearchParams(search);
  const depth = Number(params.get('depth') ?? '1');
  const limit = Number(params.get('limit') ?? '200');
  return {
    id,
    depth: [1, 2, 3].includes(depth) ? depth : 1,
    asOf: params.get('asOf') || null,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : 200,
  };
}

/** The query the page at this address opens with, or null when it opens with none (or several). */
export function pageQuery(pathname: string, search: string): PageQuery | null {
  const entity = idIn('entity', pathname);
  if (entity !== null) return { query: ENTITY_QUERY, variables: { id: entity } };
  const network = networkArgs(pathname, search);
  if (network) return { query: NEIGHBOURHOOD_QUERY, variables: { ...network } };
  return null;
}
