import type { Database } from '../../src/db/database';

/** Everything in the graph, as sorted strings, so that two snapshots compare equal only if nothing changed. */
export async function graphSnapshot(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const [nodes] = await db.read<{ items: string[] }>(
    "MATCH (n) RETURN collect(reduce(s = '', l IN labels(n) | s + ':' + l) + ' ' + toString(n.id) + ' ' + " +
      "toString(n.seedHash) + ' ' + toString(size(keys(n)))) AS items",
  );
  const [relationships] = await db.read<{ items: string[] }>(
    "MATCH (a)-[r]->(b) RETURN collect(type(r) + ' ' + toString(a.id) + '->' + toString(b.id) + ' ' + toString(r.seedHash)) AS items",
  );
  return { nodes: [...nodes!.items].sort(), relationships: [...relationships!.items].sort() };
}
