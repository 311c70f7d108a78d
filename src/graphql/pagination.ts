import { BadUserInputError } from './errors';

/** A page of a Relay-style connection: the edges, whether more follow, and how many there are in all. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** The cursor of the item at `index` of an ordered list. */
export function offsetCursor(index: number): string {
  return Buffer.from(`offset:${index}`).toString('base64url');
}

/** The index after which a page starts, from a cursor this API returned; -1 without one. */
export function afterOffset(after: string | null | undefined): number {
  if (!after) return -1;
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw new BadUserInputError('Invalid argument after: not a cursor returned by this API', 'after');
  return Number(match[1]);
}

/** A connection from one page of items that starts at offset `skip`, whether more follow, and the total. */
export function connectionOf<T>(items: readonly T[], skip: number, hasMore: boolean, total: number | null): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: offsetCursor(skip + i), node }));
  return {
    edges,
    nodes: [...items],
    pageInfo: { hasNextPage: hasMore, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
    // Null only when the caller did not ask for the count (totalCount was not selected).
    totalCount: total as number,
  };
}

/** Cuts one page out of a complete, ordered list, saying how many items there are and whether more follow. */
export function pageOf<T>(items: readonly T[], first: number, after: string | null | undefined): Connection<T> {
  const start = afterOffset(after) + 1;
  const page = items.slice(start, start + first);
  return connectionOf(page, start, start + page.length < items.length, items.length);
}
