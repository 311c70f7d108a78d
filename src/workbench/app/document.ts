import { gql } from './api';
import { failure, h, loading, render } from './dom';

interface SourceDocument {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  url: string | null;
  retrieved: string | null;
  citation: string;
  text: string;
}

/** A source document with the quote at start..end highlighted in place, its metadata and a citation to copy. */
export async function documentPage(id: string, start: number | null, end: number | null): Promise<void> {
  render(loading('the document'));
  let doc: SourceDocument | null;
  try {
    const data = await gql<{ entity: SourceDocument | null }>(
      'query($id: ID!) { entity(id: $id) { ... on Document { id title publisher published url retrieved citation text } } }',
      { id },
    );
    doc = data.entity && 'text' in data.entity ? data.entity : null;
  } catch (error) {
    render(failure(error));
    return;
  }
  if (!doc) {
    render(h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, `No document has the id “${id}”.`));
    return;
  }
  document.title = `${doc.title} · Education-policy actors`;
  const valid = start !== null && end !== null && start >= 0 && end <= doc.text.length && start < end;
  const mark = valid ? h('mark', { id: 'quote', tabindex: '-1' }, doc.text.slice(start, end)) : null;
  const text = valid ? h('pre', { class: 'text' }, doc.text.slice(0, start!), mark, doc.text.slice(end!)) : h('pre', { class: 'text' }, doc.text);
  const citation = h('p', { class: 'citation', id: 'citation' }, doc.citation);
  const copy = h('button', { type: 'button' }, 'Copy citation');
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(doc!.citation).then(() => (copy.textContent = 'Copied'));
  });
  render(
    h('p', { class: 'type' }, 'document'),
    h('h1', { tabindex: '-1' }, doc.title),
    h(
      'dl',
      { class: 'meta' },
      h('dt', {}, 'Publisher'),
      h('dd', {}, doc.publisher ?? 'unknown'),
      h('dt', {}, 'Published'),
      h('dd', {}, doc.published ?? 'unknown'),
      h('dt', {}, 'Copy retrieved'),
      h('dd', {}, doc.retrieved ?? 'unknown'),
      h('dt', {}, 'Address'),
      h('dd', {}, doc.url ?? 'not recorded with the copy'),
    ),
    h('h2', {}, 'Cite'),
    citation,
    copy,
    h('h2', {}, 'Text'),
    text,
  );
  mark?.scrollIntoView({ block: 'center' });
}
