import { pageAnswer } from './page-answer';
import { NEIGHBOURHOOD_QUERY, type NetworkArgs } from '../page-queries';

// What the network view draws, fetched apart from the view so that the query runs (or its answer arrives with the
// page) while Cytoscape.js still loads.

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

/** The colours of neo4j-browser/style.grass (one definition for Neo4j Browser and the workbench), by label and by type. */
export type GraphStyle = { nodes: Record<string, string>; relationships: Record<string, string> };

/** The colours and the neighbourhood the view at this address draws, fetched together. */
export function fetchNetwork(args: NetworkArgs): Promise<[GraphStyle, { neighbourhood: Neighbourhood | null }]> {
  return Promise.all([
    fetch('/app/graph-style.json').then((r) => r.json() as Promise<GraphStyle>),
    pageAnswer<{ neighbourhood: Neighbourhood | null }>({ query: NEIGHBOURHOOD_QUERY, variables: { ...args } }),
  ]);
}
