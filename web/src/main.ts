import { documentPage } from './document';
import { entityPage } from './entity';
import { home } from './home';
import { interlocksPage } from './interlocks';
import { failure, render } from './dom';
import { fetchNetwork } from './network-data';

/** Picks the page from the address: /, /entity/<id>, /network/<id>?depth=, /interlocks/<id>, /paths?from=&to=, /document/<id>?start=&end=. */
function route(): Promise<void> {
  const path = location.pathname;
  const entity = /^\/entity\/(.+)$/.exec(path);
  if (entity) return entityPage(decodeURIComponent(entity[1]!));
  // The two drawn views load Cytoscape.js with them, so that the other pages do not wait for it.
  if (path === '/paths') return import('./paths').then(({ pathsPage }) => pathsPage(new URLSearchParams(location.search)));
  const interlocks = /^\/interlocks\/(.+)$/.exec(path);
  if (interlocks) return interlocksPage(decodeURIComponent(interlocks[1]!));
  const network = /^\/network\/(.+)$/.exec(path);
  if (network) {
    const params = new URLSearchParams(location.search);
    const depth = Number(params.get('depth') ?? '1');
    const limit = Number(params.get('limit') ?? '200');
    const args = [
      decodeURIComponent(network[1]!),
      [1, 2, 3].includes(depth) ? depth : 1,
      params.get('asOf') || null,
      limit >= 1 && limit <= 500 ? limit : 200,
    ] as const;
    // The query runs while the view's module (with Cytoscape.js) loads.
    const fetched = fetchNetwork(...args);
    fetched.catch(() => undefined);
    return import('./network').then(({ networkPage }) => networkPage(...args, fetched));
  }
  const doc = /^\/document\/(.+)$/.exec(path);
  if (doc) {
    const params = new URLSearchParams(location.search);
    const number = (name: string) => (params.has(name) ? Number(params.get(name)) : null);
    return documentPage(decodeURIComponent(doc[1]!), number('start'), number('end'));
  }
  return home();
}

route().catch((error: unknown) => render(failure(error)));
