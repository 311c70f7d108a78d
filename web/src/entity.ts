import { ApiError, gql } from './api';
import { entityLink, failure, h, loading, quoteLink, render } from './dom';

interface Evidence {
  quote: string;
  position: string | null;
  start: number | null;
  end: number | null;
  document: { id: string; title: string };
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

const EVIDENCE = 'evidence { quote position start end document { id title } }';
const QUERY = `query($id: ID!) { entity(id: $id) {
  id name type aliases description
  ... on Organization { acronym }
  relationships(first: 200) { totalCount nodes { type role kind title format validFrom validTo inferred inference from { id name } to { id name } ${EVIDENCE} } }
  figures(first: 100) { nodes { id statedAs metric unit status ${EVIDENCE} } }
  mentionedIn(first: 50) { nodes { id name } }
} }`;

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

/** An entity's page: who or what it is, its facts grouped by relationship type with their quotes, figures, mentions. */
export async function entityPage(id: string): Promise<void> {
  render(loading('the entity'));
  let data: {
    entity: null | {
      id: string;
      name: string;
      type: string;
      aliases: string[];
      description: string | null;
      relationships: { totalCount: number; nodes: Fact[] };
      figures: { nodes: { id: string; statedAs: string; metric: string; unit: string; status: string; evidence: Evidence[] }[] };
      mentionedIn: { nodes: { id: string; name: string }[] };
    };
  };
  try {
    data = await gql(QUERY, { id });
  } catch (error) {
    render(
      failure(error instanceof ApiError && error.code === 'DATABASE_UNAVAILABLE' ? new Error('The database is unavailable; try again in a moment.') : error),
    );
    return;
  }
  const entity = data.entity;
  if (!entity) {
    render(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `No entity has the id “${id}”.`), h('p', {}, h('a', { href: '/' }, 'Search the graph')));
    return;
  }
  document.title = `${entity.name} · Education-policy actors`;
  const groups = new Map<string, Fact[]>();
  for (const fact of entity.relationships.nodes) groups.set(fact.type, [...(groups.get(fact.type) ?? []), fact]);
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
    ...[...groups.entries()].map(([type, facts]) =>
      h(
        'section',
        { class: 'facts', 'aria-label': type },
        h('h3', {}, type.toLowerCase().replace(/_/g, ' ')),
        h(
          'ul',
          {},
          ...facts.map((fact) => {
            const other = fact.from.id === entity.id ? fact.to : fact.from;
            const direction = fact.from.id === entity.id ? '→' : '←';
            return h(
              'li',
              { class: fact.inferred ? 'fact inferred' : 'fact' },
              h('span', { class: 'direction', 'aria-hidden': 'true' }, direction),
              entityLink(other),
              qualifiers(fact) ? h('span', { class: 'qualifiers' }, ` (${qualifiers(fact)})`) : null,
              fact.inferred ? h('p', { class: 'inference' }, h('strong', {}, 'Inferred: '), fact.inference ?? '') : null,
              evidenceList(fact.evidence),
            );
          }),
        ),
      ),
    ),
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
  );
}
