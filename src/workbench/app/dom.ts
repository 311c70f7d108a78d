type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children; strings become text, so nothing is parsed as HTML. */
export function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: (Child | Child[])[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Replaces the page's main content and moves focus to its heading, so that keyboard and screen-reader users follow. */
export function render(...children: (Child | Child[])[]): void {
  const main = document.getElementById('main')!;
  main.replaceChildren(...children.flat().filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  // Without scrolling: the heading is at the top, and scrolling to it would lay out the whole page before its first frame.
  main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

/** A loading line, shown while a query runs. */
export const loading = (what: string) => h('p', { class: 'status', role: 'status' }, `Loading ${what}…`);

/** An error box with what went wrong. */
export function failure(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error', role: 'alert' }, h('h1', { tabindex: '-1' }, 'Something went wrong'), h('p', {}, message));
}

/** A link to an entity's page. */
export const entityLink = (entity: { id: string; name: string }) => h('a', { href: `/entity/${encodeURIComponent(entity.id)}` }, entity.name);

/** A link that opens a quote in its document, highlighted. */
export function quoteLink(evidence: { quote: string; start: number | null; end: number | null; document: { id: string } }): HTMLElement {
  const at = evidence.start !== null && evidence.end !== null ? `?start=${evidence.start}&end=${evidence.end}` : '';
  return h('a', { class: 'quote', href: `/document/${encodeURIComponent(evidence.document.id)}${at}` }, `“${evidence.quote}”`);
}

/** Marks (performance.mark) the moment the page's content has been painted: the frame after it was inserted. */
export function markShown(name: string): void {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}
