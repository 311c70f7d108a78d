import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { gql } from './api';
import { failure, h, loading, quoteLink, render } from './dom';

interface GraphNode {
  id: string;
  type: string;
  name: string;
  distance: number;
}

interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  inferred: boolean;
  evidence: { quote: string; position: string | null; start: number | null; end: number | null; document: { id: string; title: string } }[];
}

interface Neighbourhood {
  truncated: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The colours of browser/style.grass (one definition for Neo4j Browser and the workbench), by label and by type. */
type GraphStyle = { nodes: Record<string, string>; relationships: Record<string, string> };

const QUERY = `query($id: ID!, $depth: Int!, $asOf: PartialDate, $limit: Int) { neighbourhood(id: $id, depth: $depth, asOf: $asOf, limit: $limit) {
  truncated nodes { id type name distance }
  edges { id type source target inferred evidence { quote position start end document { id title } } }
} }`;

// The GraphQL EntityType (REGIONAL_BLOC) as the style's label (RegionalBloc).
const labelOf = (type: string) => type.toLowerCase().replace(/(^|_)(\w)/g, (_, _u: string, c: string) => c.toUpperCase());

/** A neighbourhood drawn with Cytoscape.js: filter by relationship type, click a node to expand it, an edge to read its evidence. */
export async function networkPage(id: string, depth: number, asOf: string | null, limit = 200): Promise<void> {
  render(loading('the network'));
  let style: GraphStyle;
  let data: { neighbourhood: Neighbourhood | null };
  try {
    [style, data] = await Promise.all([
      fetch('/app/graph-style.json').then((r) => r.json() as Promise<GraphStyle>),
      gql<{ neighbourhood: Neighbourhood | null }>(QUERY, { id, depth, asOf, limit }),
    ]);
  } catch (error) {
    render(failure(error));
    return;
  }
  if (!data.neighbourhood) {
    render(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `No entity has the id “${id}”.`));
    return;
  }
  const centre = data.neighbourhood.nodes.find((n) => n.id === id);
  document.title = `Network of ${centre?.name ?? id} · Education-policy actors`;
  const container = h('div', {
    id: 'network',
    class: 'network',
    role: 'img',
    'aria-label': `Network of ${centre?.name ?? id}; the same facts are listed on the entity page`,
  });
  const panel = h(
    'aside',
    { id: 'network-panel', class: 'network-panel', 'aria-live': 'polite' },
    h('p', {}, 'Click a relationship to read its evidence; click an entity to add its neighbours.'),
  );
  const types = [...new Set(data.neighbourhood.edges.map((e) => e.type))].sort();
  const filters = h(
    'fieldset',
    { class: 'filters' },
    h('legend', {}, 'Relationship types'),
    ...types.map((type) => h('label', {}, h('input', { type: 'checkbox', value: type, checked: '' }), ` ${type.toLowerCase().replace(/_/g, ' ')}`)),
  );
  const here = (d: number) => `/network/${encodeURIComponent(id)}?depth=${d}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
  const depthLinks = h(
    'span',
    { class: 'depth' },
    'Depth: ',
    ...[1, 2, 3].flatMap((d) => [d === depth ? h('strong', {}, String(d)) : h('a', { href: here(d), 'aria-label': `depth ${d}` }, String(d)), ' ']),
  );
  const png = h('button', { type: 'button' }, 'Save as PNG');
  const exportLink = (format: string, label: string) => h('a', { href: `/export/${format}?neighbourhood=${encodeURIComponent(id)}&depth=${depth}` }, label);
  render(
    h('h1', { tabindex: '-1' }, `Network of ${centre?.name ?? id}`),
    h(
      'p',
      {},
      h('a', { href: `/entity/${encodeURIComponent(id)}` }, 'Entity page'),
      ' · ',
      depthLinks,
      data.neighbourhood.truncated ? h('span', { class: 'status' }, ` (cut at ${limit} entities)`) : null,
    ),
    h(
      'form',
      { class: 'as-of', method: 'get', action: `/network/${encodeURIComponent(id)}` },
      h('input', { type: 'hidden', name: 'depth', value: String(depth) }),
      h('label', { for: 'as-of' }, 'Facts valid as of '),
      h('input', { id: 'as-of', name: 'asOf', value: asOf ?? '', placeholder: '2019-03', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', size: '10' }),
      ' ',
      h('button', { type: 'submit' }, 'Show'),
      asOf ? h('span', {}, ' ', h('a', { href: here(depth).replace(/&asOf=[^&]*/, '') }, 'all dates')) : '',
    ),
    filters,
    h('div', { class: 'network-layout' }, container, panel),
    h(
      'p',
      { class: 'downloads' },
      png,
      ' Data: ',
      exportLink('graphml', 'GraphML'),
      ' · ',
      exportLink('csv-nodes', 'CSV nodes'),
      ' · ',
      exportLink('csv-relationships', 'CSV relationships'),
    ),
  );

  const edgesById = new Map<string, GraphEdge>();
  const elements = (n: Neighbourhood): ElementDefinition[] => [
    ...n.nodes.map((node) => ({
      group: 'nodes' as const,
      data: { id: node.id, label: node.name, colour: style.nodes[labelOf(node.type)] ?? '#A5ABB6', centre: node.id === id ? 1 : 0 },
    })),
    ...n.edges.map((edge) => {
      edgesById.set(edge.id, edge);
      return {
        group: 'edges' as const,
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          colour: style.relationships[edge.type] ?? '#A5ABB6',
          dashed: edge.inferred ? 1 : 0,
        },
      };
    }),
  ];
  const cy: Core = cytoscape({
    container,
    elements: elements(data.neighbourhood),
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          'font-size': 10,
          'text-wrap': 'ellipsis',
          'text-max-width': '110px',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          width: 22,
          height: 22,
        },
      },
      { selector: 'node[centre = 1]', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#1f2430' } },
      {
        selector: 'edge',
        style: { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', width: 1.5 },
      },
      { selector: 'edge[dashed = 1]', style: { 'line-style': 'dashed' } },
      { selector: ':selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#f0a500' } },
    ],
    layout: { name: 'cose', animate: false },
    wheelSensitivity: 0.3,
  });
  // Tests and curious readers can reach the graph from the console.
  (globalThis as unknown as { workbenchGraph: Core }).workbenchGraph = cy;
  container.dataset.nodes = String(cy.nodes().length);

  cy.on('tap', 'edge', (event) => {
    const edge = edgesById.get(event.target.id() as string);
    if (!edge) return;
    const name = (nodeId: string) => (cy.getElementById(nodeId).data('label') as string) ?? nodeId;
    panel.replaceChildren(
      h('h2', {}, `${name(edge.source)} ${edge.type.toLowerCase().replace(/_/g, ' ')} ${name(edge.target)}`),
      edge.inferred ? h('p', { class: 'inference' }, 'Inferred from the text, not stated.') : '',
      h(
        'ul',
        { class: 'evidence' },
        ...edge.evidence.map((e) =>
          h('li', {}, quoteLink(e), h('span', { class: 'source' }, ` ${(e.position ?? 'text').toLowerCase()} of “${e.document.title}”`)),
        ),
      ),
    );
  });
  cy.on('tap', 'node', async (event) => {
    const nodeId = event.target.id() as string;
    panel.replaceChildren(
      h('h2', {}, event.target.data('label') as string),
      h('p', {}, h('a', { href: `/entity/${encodeURIComponent(nodeId)}` }, 'Open its page')),
      loading('its neighbours'),
    );
    try {
      const more = await gql<{ neighbourhood: Neighbourhood | null }>(QUERY, { id: nodeId, depth: 1, asOf });
      if (more.neighbourhood) {
        cy.add(elements(more.neighbourhood).filter((e) => cy.getElementById(e.data.id!).empty()));
        cy.layout({ name: 'cose', animate: false }).run();
        container.dataset.nodes = String(cy.nodes().length);
      }
      panel.lastChild?.remove();
    } catch (error) {
      panel.replaceChildren(failure(error));
    }
  });
  filters.addEventListener('change', () => {
    const shown = new Set([...filters.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value));
    cy.edges().forEach((edge) => {
      edge.style('display', shown.has(edge.data('type') as string) ? 'element' : 'none');
    });
  });
  png.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = cy.png({ full: true, scale: 2, bg: '#ffffff' });
    link.download = `network-${id.replace(/[^\w-]+/g, '-')}.png`;
    link.click();
  });
}
