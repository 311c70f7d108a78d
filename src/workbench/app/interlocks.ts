import { gql } from './api';
import { entityLink, failure, h, loading, render } from './dom';

/** Who attended the same events as an actor, most shared events first, with the shared events. */
export async function interlocksPage(id: string): Promise<void> {
  render(loading('the interlocks'));
  try {
    const data = await gql<{
      entity: { id: string; name: string } | null;
      coParticipants: {
        totalCount: number;
        nodes: { actor: { id: string; name: string; type: string }; sharedEventCount: number; events: { id: string; name: string }[] }[];
      };
    }>(
      'query($id: ID!) { entity(id: $id) { id name } coParticipants(actorId: $id, first: 100) { totalCount nodes { actor { id name type } sharedEventCount events { id name } } } }',
      { id },
    );
    if (!data.entity) {
      render(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `No entity has the id “${id}”.`));
      return;
    }
    const rows = data.coParticipants.nodes;
    render(
      h('h1', { tabindex: '-1' }, `Who attended the same events as ${data.entity.name}`),
      h(
        'p',
        {},
        entityLink(data.entity),
        ` shares events with ${data.coParticipants.totalCount} actor(s)${rows.length < data.coParticipants.totalCount ? `; the first ${rows.length} are listed` : ''}.`,
      ),
      h(
        'table',
        { class: 'interlocks' },
        h('caption', {}, 'Actors ranked by the number of events shared (sub-events count towards their event)'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Actor'), h('th', { scope: 'col' }, 'Shared events'), h('th', { scope: 'col' }, 'Events'))),
        h(
          'tbody',
          {},
          ...rows.map((row) =>
            h(
              'tr',
              {},
              h('td', {}, entityLink(row.actor)),
              h('td', {}, String(row.sharedEventCount)),
              h('td', {}, ...row.events.flatMap((e, i) => [i > 0 ? ', ' : '', entityLink(e)])),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    render(failure(error));
  }
}
