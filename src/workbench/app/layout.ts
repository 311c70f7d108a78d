import type { Point } from './force-layout';

/** What the layout worker is given: a neighbourhood's entities with their distance from the centre, and its links. */
export interface LayoutRequest {
  nodes: { id: string; distance: number }[];
  edges: { source: string; target: string }[];
}

/** Lays out here, on the page's thread: when no worker can run. */
async function layOutHere(request: LayoutRequest): Promise<Map<string, Point>> {
  const { forceLayout } = await import('./force-layout');
  return forceLayout(request.nodes, request.edges);
}

/**
 * Positions for a neighbourhood (force-layout.ts), computed in a worker that starts loading now and lays out once
 * `request` resolves, while the page does other work; null when there is nothing to lay out.
 */
export function layOutInWorker(request: Promise<LayoutRequest | null>): Promise<Map<string, Point> | null> {
  let worker: Worker | null = null;
  try {
    worker = new Worker('/app/layout-worker.js', { type: 'module' });
  } catch {
    // Workers refused (an old browser, a stricter policy): the page lays out itself.
  }
  const laidOut = request.then((data) => {
    if (!data) return null;
    if (!worker) return layOutHere(data);
    const running = worker;
    return new Promise<Map<string, Point>>((resolve) => {
      running.onmessage = (event: MessageEvent<[string, Point][]>) => resolve(new Map(event.data));
      running.onerror = () => resolve(layOutHere(data));
      running.postMessage({
        nodes: data.nodes.map(({ id, distance }) => ({ id, distance })),
        edges: data.edges.map(({ source, target }) => ({ source, target })),
      });
    });
  });
  return laidOut.finally(() => worker?.terminate());
}
