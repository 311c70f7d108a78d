import { gql } from './api';
import { entityLink, failure, h, loading, render } from './dom';

const TYPES = ['ORGANIZATION', 'PERSON', 'EVENT', 'INITIATIVE', 'COUNTRY', 'PLACE', 'THEME', 'DOCUMENT'];

interface Hit {
  score: number;
  entity: { id: string; name: string; type: string; aliases: string[] };
}

/** The home page: search as you type, the graph's counts, and ways in. */
export async function home(): Promise<void> {
  const input = h('input', { id: 'search', type: 'search', autocomplete: 'off', placeholder: 'UNESCO, Mobile Learning Week, Huawei…' }) as HTMLInputElement;
  const type = h(
    'select',
    { id: 'search-type' },
    h('option', { value: '' }, 'any type'),
    ...TYPES.map((t) => h('option', { value: t }, t.toLowerCase())),
  ) as HTMLSelectElement;
  const results = h('ul', { id: 'results', class: 'results', 'aria-live': 'polite' });
  const waysIn = h('div', { class: 'ways-in' }, loading('the graph'));
  render(
    h('h1', { tabindex: '-1' }, 'Education-policy actors'),
    h('p', { class: 'lead' }, 'Organizations, people, events and initiatives that shape education policy, each fact with its source and a verbatim quote.'),
    h('form', { role: 'search', class: 'search' }, h('label', { for: 'search' }, 'Search the graph'), input, h('label', { for: 'search-type' }, 'Type'), type),
    results,
    waysIn,
  );

  let latest = 0;
  const search = async () => {
    const text = input.value.trim();
    const ticket = ++latest;
    if (text.length < 2) return results.replaceChildren();
    try {
      const data = await gql<{ search: { totalCount: number; nodes: Hit[] } }>(
        'query($q: String!, $t: [EntityType!]) { search(query: $q, types: $t, first: 10) { totalCount nodes { score entity { id name type aliases } } } }',
        { q: text, t: type.value ? [type.value] : null },
      );
      if (ticket !== latest) return;
      results.replaceChildren(
        ...(data.search.nodes.length === 0
          ? [h('li', {}, 'No entity has that name or alias.')]
          : data.search.nodes.map((hit) =>
              h(
                'li',
                {},
                entityLink(hit.entity),
                h('span', { class: 'type' }, hit.entity.type.toLowerCase()),
                hit.entity.aliases.length ? h('span', { class: 'aliases' }, `also ${hit.entity.aliases.join(', ')}`) : null,
              ),
            )),
      );
    } catch (error) {
      if (ticket === latest) results.replaceChildren(h('li', {}, failure(error)));
    }
  };
  input.addEventListener('input', () => void search());
  type.addEventListener('change', () => void search());
  input.closest('form')!.addEventListener('submit', (event) => {
    event.preventDefault();
    const first = results.querySelector('a');
    if (first) location.href = first.getAttribute('href')!;
  });

  try {
    const data = await gql<{
      statistics: { nodes: number; relationships: number };
      events: { nodes: { id: string; name: string }[] };
      initiatives: { nodes: { id: string; name: string }[] };
      documents: { nodes: { id: string; name: string }[] };
    }>(
      '{ statistics { nodes relationships } events: entities(type: EVENT_SERIES, first: 10) { nodes { id name } } initiatives: entities(type: INITIATIVE, first: 10) { nodes { id name } } documents: entities(type: DOCUMENT, first: 10) { nodes { id name } } }',
    );
    const list = (title: string, items: { id: string; name: string }[]) =>
      h('section', {}, h('h2', {}, title), h('ul', {}, ...items.map((e) => h('li', {}, entityLink(e)))));
    waysIn.replaceChildren(
      h('p', { class: 'counts' }, `${data.statistics.nodes} entities, ${data.statistics.relationships} relationships, each with its evidence.`),
      list('Event series', data.events.nodes),
      list('Initiatives', data.initiatives.nodes),
      list('Source documents', data.documents.nodes),
    );
  } catch (error) {
    waysIn.replaceChildren(failure(error));
  }
}
