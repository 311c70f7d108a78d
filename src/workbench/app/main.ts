import { documentPage } from './document';
import { entityPage } from './entity';
import { home } from './home';
import { interlocksPage } from './interlocks';
import { failure, render } from './dom';
import { layOutInWorker } from './layout';
import { fetchNetwork } from './network-data';
import { pageRead } from './page-answer';
import { networkArgs } from '../page-queries';

/** Picks the page from the address: /, /entity/<id>, /network/<id>?depth=, /interlocks/<id>, /paths?from=&to=, /document/<id>?start=&end=. */
async function route(): Promise<void> {
  const path = location.pathname;
  const network = networkArgs(path, location.search);
  if (network) {
    // The view's module (with Cytoscape.js) loads while the neighbourhood arrives with the page (or is asked for).
    const fetched = fetchNetwork(network);
    fetched.catch(() => undefined);
    // ForceAtlas2 runs in a worker as soon as the data is there, while this thread loads and starts Cytoscape.js.
    const laidOut = layOutInWorker(fetched.then(([, data]) => data.neighbourhood));
    laidOut.catch(() => undefined);
    const { networkPage } = await import('./network');
    await pageRead;
    return networkPage(network, fetched, laidOut);
  }
  // This script runs as soon as it has loaded (it is async): the pages are drawn once the HTML has been read.
  await pageRead;
  const entity = /^\/entity\/(.+)$/.exec(path);
  if (entity) return entityPage(decodeURIComponent(entity[1]!));
  // The drawn views load Cytoscape.js with them, so that the other pages do not wait for it.
  if (path === '/paths') return import('./paths').then(({ pathsPage }) => pathsPage(new URLSearchParams(location.search)));
  const interlocks = /^\/interlocks\/(.+)$/.exec(path);
  if (interlocks) return interlocksPage(decodeURIComponent(interlocks[1]!));
  const doc = /^\/document\/(.+)$/.exec(path);
  if (doc) {
    const params = new URLSearchParams(location.search);
    const number = (name: string) => (params.has(name) ? Number(params.get(name)) : null);
    return documentPage(decodeURIComponent(doc[1]!), number('start'), number('end'));
  }
  return home();
}

route().catch((error: unknown) => pageRead.then(() => render(failure(error))));
