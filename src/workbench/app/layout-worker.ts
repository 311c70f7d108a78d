import { forceLayout } from './force-layout';
import type { LayoutRequest } from './layout';

// The network view's layout, run off the page's thread (see layout.ts): ForceAtlas2 takes a few hundred milliseconds
// for 500 entities, time in which the page loads and starts Cytoscape.js.
const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => {
  scope.postMessage([...forceLayout(event.data.nodes, event.data.edges)]);
};
