import { documentPage } from './document';
import { entityPage } from './entity';
import { home } from './home';
import { interlocksPage } from './interlocks';
import { networkPage } from './network';
import { pathsPage } from './paths';
import { failure, render } from './dom';

/** Picks the page from the address: /, /entity/<id>, /network/<id>?depth=, /interlocks/<id>, /paths?from=&to=, /document/<id>?start=&end=. */
function route(): Promise<void> {
  const path = location.pathname;
  const entity = /^\/entity\/(.+)$/.exec(path);
  if (entity) return entityPage(decodeURIComponent(entity[1]!));
  if (path === '/paths') return pathsPage(new URLSearchParams(location.search));
  const interlocks = /^\/interlocks\/(.+)$/.exec(path);
  if (interlocks) return interlocksPage(decodeURIComponent(interlocks[1]!));
  const network = /^\/network\/(.+)$/.exec(path);
  if (network) {
    const params = new URLSearchParams(location.search);
    const depth = Number(params.get('depth') ?? '1');
    const limit = Number(params.get('limit') ?? '200');
    return networkPage(
      decodeURIComponent(network[1]!),
      [1, 2, 3].includes(depth) ? depth : 1,
      params.get('asOf') || null,
      limit >= 1 && limit <= 500 ? limit : 200,
    );
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
