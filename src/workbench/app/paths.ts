import cytoscape from 'cytoscape';
import { gql } from './api';
import { entityLink, failure, h, loading, quoteLink, render } from './dom';

interface Hop {
  from: { id: string; name: string };
  to: { id: string; name: string };
  relationship: {
    type: string;
    from: { id: string; name: string };
    to: { id: string; name: string };
    evidence: { quote: string; position: string | null; start: number | null; end: number | null; document: { id: string; title: string } }[];
  };
}

const QUERY = `query($from: ID!, $to: ID!) { connections(fromId: $from, toId: $to, maxHops: 6, first: 5) {
  totalCount nodes { length hops { from { id name } to { id name } relationship { type from { id name } to { id name } evidence { quote position start end document { id title } } } } }
} }`;

/** Finds the entity a typed name means: its exact name or alias, else the best search hit. */
async function resolve(name: string): Promise<{ id: string; name: string } | null> {
  const data = await gql<{ entityByName: { id: string; name: string } | null; search: { nodes: { entity: { id: string; name: string } }[] } }>(
    'query($n: String!) { entityByName(name: $n) { id name } search(query: $n, first: 1) { nodes { entity { id name } } } }',
    { n: name },
  );
  return data.entityByName ?? data.search.nodes[0]?.entity ?? null;
}

type Named = { id: string; name: string };
type Path = { length: number; hops: Hop[] };

/** Each path as a numbered list of hops, each hop with its first quote. */
function pathSections(paths: Path[]): HTMLElement[] {
  return paths.map((path, i) =>
    h(
      'section',
      { class: 'path', 'aria-label': `Path ${i + 1}` },
      h('h2', {}, `Path ${i + 1}`),
      h(
        'ol',
        {},
        ...path.hops.map((hop) =>
          h(
            'li',
            { class: 'hop' },
            // A hop reads in the direction the fact was stated, whichever way the path walks it.
            entityLink(hop.relationship.from),
            ` ${hop.relationship.type.toLowerCase().replace(/_/g, ' ')} `,
            entityLink(hop.relationship.to),
            h('ul', { class: 'evidence' }, ...hop.relationship.evidence.slice(0, 1).map((e) => h('li', {}, quoteLink(e)))),
          ),
        ),
      ),
    ),
  );
}

/** Draws the paths' entities and facts (each fact once) with the two ends marked, from `a` outwards. */
function drawPaths(drawing: HTMLElement, paths: Path[], a: Named, b: Named): void {
  const nodes = new Map<string, string>();
  const edges = new Map<string, { source: string; target: string; label: string }>();
  for (const path of paths) {
    for (const hop of path.hops) {
      nodes.set(hop.from.id, hop.from.name);
      nodes.set(hop.to.id, hop.to.name);
      edges.set(`${hop.relationship.from.id}|${hop.relationship.type}|${hop.relationship.to.id}`, {
        source: hop.relationship.from.id,
        target: hop.relationship.to.id,
        label: hop.relationship.type.toLowerCase().replace(/_/g, ' '),
      });
    }
  }
  const cy = cytoscape({
    container: drawing,
    elements: [
      ...[...nodes].map(([id, name]) => ({ data: { id, label: name, end: id === a.id || id === b.id ? 1 : 0 } })),
      ...[...edges].map(([id, e]) => ({ data: { id, ...e } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'text-wrap': 'ellipsis',
          'text-max-width': '120px',
          'text-valign': 'bottom',
          width: 20,
          height: 20,
          'background-color': '#4C8EDA',
        },
      },
      { selector: 'node[end = 1]', style: { 'background-color': '#1f2430', width: 28, height: 28 } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5 } },
    ],
    layout: { name: 'breadthfirst', roots: [a.id], directed: false, spacingFactor: 1.2 },
  });
  (globalThis as unknown as { workbenchPaths: unknown }).workbenchPaths = cy;
  drawing.dataset.hops = String(edges.size);
}

/** Resolves the two typed names, asks for the paths between them and shows them in `result`, listed and drawn. */
async function showPaths(fromName: string, toName: string, result: HTMLElement): Promise<void> {
  const [a, b] = await Promise.all([resolve(fromName), resolve(toName)]);
  if (!a || !b) {
    result.replaceChildren(h('p', { role: 'alert' }, `No entity is called “${!a ? fromName : toName}”.`));
    return;
  }
  const data = await gql<{ connections: { totalCount: number; nodes: Path[] } }>(QUERY, { from: a.id, to: b.id });
  const paths = data.connections.nodes;
  if (paths.length === 0) {
    result.replaceChildren(h('p', {}, `No chain of at most 6 facts links ${a.name} and ${b.name}.`));
    return;
  }
  const drawing = h('div', { id: 'paths-drawing', class: 'network', role: 'img', 'aria-label': `The paths from ${a.name} to ${b.name}, listed below` });
  result.replaceChildren(
    h(
      'p',
      {},
      `${data.connections.totalCount} shortest path(s) of ${paths[0]!.length} hops between `,
      entityLink(a),
      ' and ',
      entityLink(b),
      paths.length < data.connections.totalCount ? ` (the first ${paths.length} shown)` : '',
      '.',
    ),
    drawing,
    ...pathSections(paths),
  );
  drawPaths(drawing, paths, a, b);
}

/** Two actors and the shortest chains of facts between them, drawn, each hop with its quote. */
export async function pathsPage(params: URLSearchParams): Promise<void> {
  const from = h('input', { id: 'path-from', name: 'from', value: params.get('from') ?? '', required: '' }) as HTMLInputElement;
  const to = h('input', { id: 'path-to', name: 'to', value: params.get('to') ?? '', required: '' }) as HTMLInputElement;
  const result = h('div', { id: 'paths', 'aria-live': 'polite' });
  render(
    h('h1', { tabindex: '-1' }, 'How are two actors connected?'),
    h(
      'form',
      { class: 'search', method: 'get', action: '/paths' },
      h('label', { for: 'path-from' }, 'From'),
      from,
      h('label', { for: 'path-to' }, 'To'),
      to,
      h('button', { type: 'submit' }, 'Find paths'),
    ),
    result,
  );
  if (!from.value || !to.value) return;
  result.replaceChildren(loading('the paths'));
  try {
    await showPaths(from.value, to.value, result);
  } catch (error) {
    result.replaceChildren(failure(error));
  }
}
