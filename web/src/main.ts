import { documentPage } from './document';
import { entityPage } from './entity';
import { home } from './home';
import { networkPage } from './network';
import { failure, render } from './dom';

/** Picks the page from the address: /, /entity/<id>, /network/<id>?depth=, /document/<id>?start=&end=. */
function route(): Promise<void> {
  const path = location.pathname;
  const entity = /^\/entity\/(.+)$/.exec(path);
  if (entity) return entityPage(decodeURIComponent(entity[1]!));
  const network = /^\/network\/(.+)$/.exec(path);
  if (network) {
    const depth = Number(new URLSearchParams(location.search).get('depth') ?? '1');
    return networkPage(decodeURIComponent(network[1]!), [1, 2, 3].includes(depth) ? depth : 1);
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
