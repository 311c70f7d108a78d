import { dataOf, gql, type GraphQLAnswer } from './api';
import type { PageQuery } from '../page-queries';

/** The element the API sends a page's first answer in (src/http/workbench-routes.ts writes it). */
export const PAGE_ANSWER_ELEMENT = 'page-answer';

/** Resolves when the whole page has been read: the API sends a page's first answer last, once the query is done. */
export const pageRead: Promise<void> = new Promise((resolve) => {
  if (document.readyState !== 'loading') resolve();
  else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});

/**
 * The data of `request`'s answer: the one the API sent inside the page, when it sent one for this very request, else
 * asked for now. An answer is used once; a later request for the same data asks the API.
 */
export async function pageAnswer<T>(request: PageQuery): Promise<T> {
  await pageRead;
  const element = document.getElementById(PAGE_ANSWER_ELEMENT);
  if (element) {
    element.remove();
    const sent = readSent<T>(element.textContent ?? '');
    if (sent?.query === request.query && JSON.stringify(sent.variables) === JSON.stringify(request.variables)) return dataOf(sent.answer);
  }
  return gql<T>(request.query, request.variables);
}

/** The request and answer in the page's element; null if it cannot be read (the page then asks the API itself). */
function readSent<T>(text: string): (PageQuery & { answer: GraphQLAnswer<T> }) | null {
  try {
    return JSON.parse(text) as PageQuery & { answer: GraphQLAnswer<T> };
  } catch {
    return null;
  }
}
