import { gql } from './api';

// What the network view draws, fetched apart from the view so that the query runs while Cytoscape.js still loads.

export interface GraphNode {
  id: string;
  type: string;
  name: string;
  distance: number;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  inferred: boolean;
}

export interface Neighbourhood {
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The colours of browser/style.grass (one definition for Neo4j Browser and the workbench), by label and by type. */
export type GraphStyle = { nodes: Record<string, string>; relationships: Record<string, string> };

/** The neighbourhood's entities and facts (their evidence is read when an edge is clicked). */
export const NEIGHBOURHOOD_QUERY = `query($id: ID!, $depth: Int!, $asOf: PartialDate, $limit: Int) { neighbourhood(id: $id, depth: $depth, asOf: $asOf, limit: $limit) {
  truncated nodes { id type name distance }
  edges { id type source target inferred }
} }`;

/** The colours and the neighbourhood of `id`, fetched together. */
export function fetchNetwork(id: string, depth: number, asOf: string | null, limit: number): Promise<[GraphStyle, { neighbourhood: Neighbourhood | null }]> {
  return Promise.all([
    fetch('/app/graph-style.json').then((r) => r.json() as Promise<GraphStyle>),
    gql<{ neighbourhood: Neighbourhood | null }>(NEIGHBOURHOOD_QUERY, { id, depth, asOf, limit }),
  ]);
}
