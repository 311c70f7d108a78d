import { ApiError, gql } from './api';
import { entityLink, failure, h, loading, markShown, quoteLink, render } from './dom';
import { pageAnswer } from './page-answer';
import { ENTITY_QUERY, FACTS, FIRST_FACTS } from '../page-queries';

interface Evidence {
  quote: string;
  position: string | null;
  start: number | null;
  end: number | null;
  document: { id: string; title: string };
}

interface FactPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Fact[];
}

interface Fact {
  type: string;
  role: string | null;
  kind: string | null;
  title: string | null;
  format: string | null;
  validFrom: string | null;
  validTo: string | null;
  inferred: boolean;
  inference: string | null;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: Evidence[];
}

// Later pages of facts come on request, a page at a time.
const MORE_FACTS = 200;
const MORE = `query($id: ID!, $after: String) { entity(id: $id) { relationships(first: ${MORE_FACTS}, after: $after) { ${FACTS} } } }`;

/** What qualifies a fact in words: its role, kind, title or format, and its dates. */
function qualifiers(fact: Fact): string {
  const parts = [fact.role, fact.kind, fact.title, fact.format].filter(Boolean) as string[];
  const dates = fact.validFrom ? (fact.validTo && fact.validTo !== fact.validFrom ? `${fact.validFrom} to ${fact.validTo}` : fact.validFrom) : null;
  return [...parts, dates].filter(Boolean).join(', ');
}

function evidenceList(evidence: Evidence[]): HTMLElement {
  return h(
    'ul',
    { class: 'evidence' },
    ...evidence.map((e) => h('li', {}, quoteLink(e), h('span', { class: 'source' }, ` ${(e.position ?? 'text').toLowerCase()} of “${e.document.title}”`))),
  );
}

interface Entity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  description: string | null;
  relationships: FactPage;
  figures: { nodes: { id: string; statedAs: string; metric: string; unit: string; status: string; evidence: Evidence[] }[] };
  mentionedIn: { nodes: { id: string; name: string }[] };
}

/** The entity with its first page of facts, or null once a failure or "not found" has been shown instead. */
async function loadEntity(id: string): Promise<Entity | null> {
  render(loading('the entity'));
  let data: { entity: Entity | null };
  try {
    data = await pageAnswer({ query: ENTITY_QUERY, variables: { id } });
  } catch (error) {
    render(
      failure(error instanceof ApiError && error.code === 'DATABASE_UNAVAILABLE' ? new Error('The database is unavailable; try again in a moment.') : error),
    );
    return null;
  }
  if (!data.entity) {
    render(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `No entity has the id “${id}”.`), h('p', {}, h('a', { href: '/' }, 'Search the graph')));
    return null;
  }
  return data.entity;
}

/** The facts grouped by relationship type, and how to add a page of them. */
function factGroups(entityId: string): { element: HTMLElement; add(facts: Fact[]): void } {
  // Facts arrive ordered by type, a page at a time; each type keeps one section that later pages add to.
  const element = h('div', { class: 'fact-groups' });
  const sections = new Map<string, HTMLElement>();
  const add = (facts: Fact[]) => {
    for (const fact of facts) {
      let list = sections.get(fact.type);
      if (!list) {
        list = h('ul', {});
        sections.set(fact.type, list);
        element.append(h('section', { class: 'facts', 'aria-label': fact.type }, h('h3', {}, fact.type.toLowerCase().replace(/_/g, ' ')), list));
      }
      const other = fact.from.id === entityId ? fact.to : fact.from;
      const direction = fact.from.id === entityId ? '→' : '←';
      list.append(
        h(
          'li',
          { class: fact.inferred ? 'fact inferred' : 'fact' },
          h('span', { class: 'direction', 'aria-hidden': 'true' }, direction),
          entityLink(other),
          qualifiers(fact) ? h('span', { class: 'qualifiers' }, ` (${qualifiers(fact)})`) : null,
          fact.inferred ? h('p', { class: 'inference' }, h('strong', {}, 'Inferred: '), fact.inference ?? '') : null,
          evidenceList(fact.evidence),
        ),
      );
    }
  };
  return { element, add };
}

/** The facts shown so far, the line saying how many, and the button that asks for the next page. */
function factPager(entity: Entity): { facts: HTMLElement; progress: HTMLElement; more: HTMLElement } {
  const groups = factGroups(entity.id);
  let shown = 0;
  let cursor = entity.relationships.pageInfo.endCursor;
  const total = entity.relationships.totalCount;
  const progress = h('p', { class: 'status', role: 'status' });
  const more = h('button', { type: 'button', class: 'more' }, `Show ${MORE_FACTS} more facts`);
  const showPage = (page: FactPage) => {
    groups.add(page.nodes);
    shown += page.nodes.length;
    cursor = page.pageInfo.endCursor;
    progress.textContent = shown < total ? `Showing ${shown} of ${total} facts.` : total > FIRST_FACTS ? `All ${total} facts shown.` : '';
    more.hidden = !page.pageInfo.hasNextPage;
  };
  more.addEventListener('click', async () => {
    more.setAttribute('disabled', '');
    progress.textContent = 'Loading more facts…';
    try {
      const next = await gql<{ entity: { relationships: FactPage } | null }>(MORE, { id: entity.id, after: cursor });
      if (next.entity) showPage(next.entity.relationships);
    } catch (error) {
      progress.replaceWith(failure(error));
    } finally {
      more.removeAttribute('disabled');
    }
  });
  showPage(entity.relationships);
  return { facts: groups.element, progress, more };
}

/** The entity's figures and the documents that mention it, each section only when there is something to list. */
function figuresAndMentions(entity: Entity): (HTMLElement | null)[] {
  return [
    entity.figures.nodes.length
      ? h(
          'section',
          {},
          h('h2', {}, 'Figures'),
          h('ul', {}, ...entity.figures.nodes.map((f) => h('li', {}, h('strong', {}, f.statedAs), ` ${f.metric} (${f.status})`, evidenceList(f.evidence)))),
        )
      : null,
    entity.mentionedIn.nodes.length
      ? h('section', {}, h('h2', {}, 'Mentioned in'), h('ul', {}, ...entity.mentionedIn.nodes.map((d) => h('li', {}, entityLink(d)))))
      : null,
  ];
}

/** An entity's page: who or what it is, its facts grouped by relationship type with their quotes, figures, mentions. */
export async function entityPage(id: string): Promise<void> {
  const entity = await loadEntity(id);
  if (!entity) return;
  document.title = `${entity.name} · Education-policy actors`;
  const { facts, progress, more } = factPager(entity);
  render(
    h('p', { class: 'type' }, entity.type.toLowerCase()),
    h('h1', { tabindex: '-1' }, entity.name),
    entity.aliases.length ? h('p', { class: 'aliases' }, `Also: ${entity.aliases.join(', ')}`) : null,
    entity.description ? h('p', { class: 'description' }, entity.description) : null,
    h(
      'p',
      { class: 'views' },
      h('a', { href: `/network/${encodeURIComponent(entity.id)}` }, 'Network view'),
      ' · ',
      h('a', { href: `/interlocks/${encodeURIComponent(entity.id)}` }, 'Who attended the same events'),
      ' · ',
      h('a', { href: `/paths?from=${encodeURIComponent(entity.name)}` }, 'Paths from here'),
    ),
    h('h2', {}, `Facts (${entity.relationships.totalCount})`),
    facts,
    progress,
    more,
    ...figuresAndMentions(entity),
  );
  markShown('workbench:entity');
}
