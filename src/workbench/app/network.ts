import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import svg from 'cytoscape-svg';
import { gql } from './api';
import { failure, h, loading, markShown, quoteLink, render } from './dom';
import { fitViewport, forceLayout, type Point } from './force-layout';
import { layOutInWorker } from './layout';
import { fetchNetwork, type GraphEdge, type GraphStyle, type Neighbourhood } from './network-data';
import { NEIGHBOURHOOD_QUERY, type NetworkArgs } from '../page-queries';

cytoscape.use(svg);

/** A fact as relationship(id) gives it, read when its edge is clicked rather than for every edge up front. */
interface Fact {
  role: string | null;
  kind: string | null;
  title: string | null;
  validFrom: string | null;
  validTo: string | null;
  inference: string | null;
  evidence: { quote: string; position: string | null; start: number | null; end: number | null; document: { id: string; title: string } }[];
}

const FACT = `query($id: ID!) { relationship(id: $id) {
  role kind title validFrom validTo inference evidence { quote position start end document { id title } }
} }`;

// The GraphQL EntityType (REGIONAL_BLOC) as the style's label (RegionalBloc).
const labelOf = (type: string) => type.toLowerCase().replace(/(^|_)(\w)/g, (_, _u: string, c: string) => c.toUpperCase());

/** What the page draws into and listens to: the graph's box, the side panel, the type filters and the two save buttons. */
interface NetworkView {
  container: HTMLElement;
  panel: HTMLElement;
  filters: HTMLElement;
  png: HTMLElement;
  svgButton: HTMLElement;
}

/** The address of this view at another depth, keeping its date. */
const hereAt = ({ id, asOf }: NetworkArgs, depth: number) =>
  `/network/${encodeURIComponent(id)}?depth=${depth}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;

/** The neighbourhood and its colours, or null once a failure or "not found" has been shown instead. */
async function loadNeighbourhood(id: string, fetched: ReturnType<typeof fetchNetwork>): Promise<{ style: GraphStyle; neighbourhood: Neighbourhood } | null> {
  render(loading('the network'));
  let style: GraphStyle;
  let data: { neighbourhood: Neighbourhood | null };
  try {
    [style, data] = await fetched;
  } catch (error) {
    render(failure(error));
    return null;
  }
  if (!data.neighbourhood) {
    render(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `No entity has the id “${id}”.`));
    return null;
  }
  return { style, neighbourhood: data.neighbourhood };
}

/** One checkbox per relationship type in the view, all checked. */
function typeFilters(neighbourhood: Neighbourhood): HTMLElement {
  const types = [...new Set(neighbourhood.edges.map((e) => e.type))].sort();
  return h(
    'fieldset',
    { class: 'filters' },
    h('legend', {}, 'Relationship types'),
    ...types.map((type) => h('label', {}, h('input', { type: 'checkbox', value: type, checked: '' }), ` ${type.toLowerCase().replace(/_/g, ' ')}`)),
  );
}

/** The links to the entity page and to the other depths, and whether the view was cut. */
function navigation(args: NetworkArgs, neighbourhood: Neighbourhood): HTMLElement {
  const { id, depth, limit } = args;
  const depthLinks = h(
    'span',
    { class: 'depth' },
    'Depth: ',
    ...[1, 2, 3].flatMap((d) => [d === depth ? h('strong', {}, String(d)) : h('a', { href: hereAt(args, d), 'aria-label': `depth ${d}` }, String(d)), ' ']),
  );
  return h(
    'p',
    {},
    h('a', { href: `/entity/${encodeURIComponent(id)}` }, 'Entity page'),
    ' · ',
    depthLinks,
    neighbourhood.truncated ? h('span', { class: 'status' }, ` (cut at ${limit} entities)`) : null,
  );
}

/** The form that redraws the view with the facts valid at a date. */
function asOfForm(args: NetworkArgs): HTMLElement {
  const { id, depth, asOf } = args;
  return h(
    'form',
    { class: 'as-of', method: 'get', action: `/network/${encodeURIComponent(id)}` },
    h('input', { type: 'hidden', name: 'depth', value: String(depth) }),
    h('label', { for: 'as-of' }, 'Facts valid as of '),
    h('input', { id: 'as-of', name: 'asOf', value: asOf ?? '', placeholder: '2019-03', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', size: '10' }),
    ' ',
    h('button', { type: 'submit' }, 'Show'),
    asOf ? h('span', {}, ' ', h('a', { href: hereAt(args, depth).replace(/&asOf=[^&]*/, '') }, 'all dates')) : '',
  );
}

/** The save buttons and the links to the data behind the view. */
function downloads({ id, depth, asOf }: NetworkArgs, png: HTMLElement, svgButton: HTMLElement): HTMLElement {
  // The data behind the view: the same entities, hops and date (the file also holds what a cut view leaves out).
  const exportLink = (format: string, label: string) =>
    h('a', { href: `/export/${format}?neighbourhood=${encodeURIComponent(id)}&depth=${depth}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}` }, label);
  return h(
    'p',
    { class: 'downloads' },
    png,
    ' ',
    svgButton,
    ' Data: ',
    exportLink('graphml', 'GraphML'),
    ' · ',
    exportLink('csv-nodes', 'CSV nodes'),
    ' · ',
    exportLink('csv-relationships', 'CSV relationships'),
  );
}

/** Renders the page around the graph (heading, navigation, date, filters, panel, downloads) and returns its parts. */
function renderView(args: NetworkArgs, neighbourhood: Neighbourhood): NetworkView {
  const { id } = args;
  const centre = neighbourhood.nodes.find((n) => n.id === id);
  document.title = `Network of ${centre?.name ?? id} · Education-policy actors`;
  const view: NetworkView = {
    container: h('div', {
      id: 'network',
      class: 'network',
      role: 'img',
      'aria-label': `Network of ${centre?.name ?? id}; the same facts are listed on the entity page`,
    }),
    panel: h(
      'aside',
      { id: 'network-panel', class: 'network-panel', 'aria-live': 'polite' },
      h('p', {}, 'Click a relationship to read its evidence; click an entity to add its neighbours.'),
    ),
    filters: typeFilters(neighbourhood),
    png: h('button', { type: 'button' }, 'Save as PNG'),
    svgButton: h('button', { type: 'button' }, 'Save as SVG'),
  };
  render(
    h('h1', { tabindex: '-1' }, `Network of ${centre?.name ?? id}`),
    navigation(args, neighbourhood),
    asOfForm(args),
    view.filters,
    h('div', { class: 'network-layout' }, view.container, view.panel),
    downloads(args, view.png, view.svgButton),
  );
  return view;
}

/** Turns neighbourhoods into Cytoscape.js elements at the given positions, remembering each edge for its click. */
function elementMaker(centreId: string, style: GraphStyle, edgesById: Map<string, GraphEdge>) {
  return (n: Neighbourhood, positions: Map<string, Point>): ElementDefinition[] => [
    ...n.nodes.map((node) => ({
      group: 'nodes' as const,
      data: { id: node.id, label: node.name, colour: style.nodes[labelOf(node.type)] ?? '#A5ABB6', centre: node.id === centreId ? 1 : 0 },
      position: positions.get(node.id)!,
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
}

/** The graph's stylesheet; `edgeCount` picks the cheaper edge drawing for large views. */
function graphStyle(edgeCount: number): cytoscape.StylesheetJson {
  return [
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
        // Labels too small to read are not drawn (zoom in to read them): a 500-entity view stays legible and quick.
        'min-zoomed-font-size': 7,
        width: 22,
        height: 22,
      },
    },
    { selector: 'node[centre = 1]', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#1f2430' } },
    {
      selector: 'edge',
      // Curves with arrowheads keep parallel facts apart and show their direction; past a thousand edges, where neither
      // can be told apart until one zooms in, Cytoscape.js's plain "haystack" lines draw in a fraction of the time.
      style:
        edgeCount > 1000
          ? { 'line-color': 'data(colour)', 'curve-style': 'haystack', width: 1.5 }
          : { 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', width: 1.5 },
    },
    { selector: 'edge[dashed = 1]', style: { 'line-style': 'dashed' } },
    { selector: ':selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#f0a500' } },
  ];
}

/** Draws the neighbourhood once, at positions worked out beforehand, fitted to the box. */
async function drawGraph(
  container: HTMLElement,
  neighbourhood: Neighbourhood,
  elements: ReturnType<typeof elementMaker>,
  laidOut: Promise<Map<string, Point> | null>,
): Promise<Core> {
  // ForceAtlas2 (in a worker, started by the caller) places the entities before Cytoscape.js sees them, and the view is
  // fitted from those positions: Cytoscape draws once, with no layout of its own.
  const positions = (await laidOut.catch(() => null)) ?? forceLayout(neighbourhood.nodes, neighbourhood.edges);
  const viewport = fitViewport(positions.values(), container.clientWidth || 800, container.clientHeight || 600);
  const cy: Core = cytoscape({
    container,
    elements: elements(neighbourhood, positions),
    style: graphStyle(neighbourhood.edges.length),
    layout: { name: 'preset', fit: false },
    zoom: viewport.zoom,
    pan: viewport.pan,
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    // Large views stay responsive while panning and zooming: edges hide and the canvas moves as one picture meanwhile.
    hideEdgesOnViewport: neighbourhood.nodes.length > 300,
    textureOnViewport: neighbourhood.nodes.length > 300,
  });
  // Tests and curious readers can reach the graph from the console.
  (globalThis as unknown as { workbenchGraph: Core }).workbenchGraph = cy;
  container.dataset.nodes = String(cy.nodes().length);
  markShown('workbench:network');
  return cy;
}

/** Shows a clicked fact in the panel: its qualifiers, whether it is inferred, and its evidence. */
async function showFact(cy: Core, panel: HTMLElement, edge: GraphEdge): Promise<void> {
  const name = (nodeId: string) => (cy.getElementById(nodeId).data('label') as string) ?? nodeId;
  const heading = h('h2', {}, `${name(edge.source)} ${edge.type.toLowerCase().replace(/_/g, ' ')} ${name(edge.target)}`);
  panel.replaceChildren(heading, loading('its evidence'));
  let fact: Fact | null;
  try {
    fact = (await gql<{ relationship: Fact | null }>(FACT, { id: edge.id })).relationship;
  } catch (error) {
    panel.replaceChildren(heading, failure(error));
    return;
  }
  if (!fact) {
    panel.replaceChildren(heading, h('p', {}, 'This fact is no longer in the graph; reload the view.'));
    return;
  }
  const dates = fact.validFrom ? (fact.validTo && fact.validTo !== fact.validFrom ? `${fact.validFrom} to ${fact.validTo}` : fact.validFrom) : null;
  const qualifiers = [fact.role, fact.kind, fact.title, dates].filter(Boolean).join(', ');
  panel.replaceChildren(
    heading,
    qualifiers ? h('p', { class: 'qualifiers' }, qualifiers) : '',
    edge.inferred ? h('p', { class: 'inference' }, h('strong', {}, 'Inferred: '), fact.inference ?? 'from the text, not stated.') : '',
    h(
      'ul',
      { class: 'evidence' },
      ...fact.evidence.map((e) =>
        h('li', {}, quoteLink(e), h('span', { class: 'source' }, ` ${(e.position ?? 'text').toLowerCase()} of “${e.document.title}”`)),
      ),
    ),
  );
}

/** Adds a clicked entity's neighbours to the graph, placing only the newcomers. */
async function expandNode(
  cy: Core,
  view: NetworkView,
  elements: ReturnType<typeof elementMaker>,
  node: cytoscape.NodeSingular,
  asOf: NetworkArgs['asOf'],
): Promise<void> {
  const { panel, container } = view;
  const nodeId = node.id();
  panel.replaceChildren(
    h('h2', {}, node.data('label') as string),
    h('p', {}, h('a', { href: `/entity/${encodeURIComponent(nodeId)}` }, 'Open its page')),
    loading('its neighbours'),
  );
  try {
    const more = await gql<{ neighbourhood: Neighbourhood | null }>(NEIGHBOURHOOD_QUERY, { id: nodeId, depth: 1, asOf });
    if (more.neighbourhood) {
      // The entities on screen stay put; the newcomers settle around the one clicked.
      const kept = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
      const all = [...cy.nodes().map((n) => ({ id: n.id(), distance: 0 })), ...more.neighbourhood.nodes.filter((n) => !kept.has(n.id))];
      const links = [...cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })), ...more.neighbourhood.edges];
      const placed = forceLayout(all, links, kept, kept.get(nodeId));
      cy.add(elements(more.neighbourhood, placed).filter((e) => cy.getElementById(e.data.id!).empty()));
      cy.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 300 });
      container.dataset.nodes = String(cy.nodes().length);
    }
    panel.lastChild?.remove();
  } catch (error) {
    panel.replaceChildren(failure(error));
  }
}

/** Shows only the edges whose type is checked. */
function wireFilters(cy: Core, filters: HTMLElement): void {
  filters.addEventListener('change', () => {
    const shown = new Set([...filters.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value));
    cy.edges().forEach((edge) => {
      edge.style('display', shown.has(edge.data('type') as string) ? 'element' : 'none');
    });
  });
}

/** Saves the whole graph as a PNG or an SVG file named after the view. */
function wireSaving(cy: Core, view: NetworkView, { id, asOf }: NetworkArgs): void {
  const save = (href: string, extension: string) => {
    const link = document.createElement('a');
    link.href = href;
    link.download = `network-${id.replace(/[^\w-]+/g, '-')}${asOf ? `-as-of-${asOf}` : ''}.${extension}`;
    link.click();
  };
  view.png.addEventListener('click', () => save(cy.png({ full: true, scale: 2, bg: '#ffffff' }), 'png'));
  view.svgButton.addEventListener('click', () => {
    // cytoscape-svg draws the whole graph as vector shapes and text, for print and for editing in Inkscape or Illustrator.
    const text = (cy as unknown as { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    save(url, 'svg');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });
}

/**
 * A neighbourhood drawn with Cytoscape.js: filter by relationship type, click a node to expand it, an edge to read its
 * evidence. `fetched` is the data when the caller already asked for it (main.ts does, while this module loads).
 */
export async function networkPage(
  args: NetworkArgs,
  fetched: ReturnType<typeof fetchNetwork> = fetchNetwork(args),
  laidOut: Promise<Map<string, Point> | null> = layOutInWorker(fetched.then(([, data]) => data.neighbourhood)),
): Promise<void> {
  const loaded = await loadNeighbourhood(args.id, fetched);
  if (!loaded) return;
  const view = renderView(args, loaded.neighbourhood);
  const edgesById = new Map<string, GraphEdge>();
  const elements = elementMaker(args.id, loaded.style, edgesById);
  const cy = await drawGraph(view.container, loaded.neighbourhood, elements, laidOut);
  cy.on('tap', 'edge', async (event) => {
    const edge = edgesById.get(event.target.id() as string);
    if (edge) await showFact(cy, view.panel, edge);
  });
  cy.on('tap', 'node', (event) => expandNode(cy, view, elements, event.target as cytoscape.NodeSingular, args.asOf));
  wireFilters(cy, view.filters);
  wireSaving(cy, view, args);
}
