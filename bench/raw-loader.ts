import type { Database } from '../src/db/database';
import type { GraphRows } from '../src/seed/build-graph';

const BATCH = 10_000;

/**
 * The minimal loader a person would write with neo4j-driver: UNWIND ... MERGE in batches of 10k, one transaction each,
 * each allowed `timeoutMs` as the project's loader is (without it the server's 2 minutes cut a slow batch at 1M).
 */
export async function rawUnwindLoad(db: Database, rows: GraphRows, timeoutMs: number): Promise<void> {
  const write = (cypher: string, params: Record<string, unknown>) => db.writeTransaction((_tx, run) => run(cypher, params), timeoutMs);
  const labels = [...new Set(rows.nodes.map((n) => n.label))];
  for (const label of labels) {
    const ofLabel = rows.nodes.filter((n) => n.label === label);
    for (let i = 0; i < ofLabel.length; i += BATCH) {
      await write(`UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props SET n:${label}`, {
        rows: ofLabel.slice(i, i + BATCH).map((n) => ({ id: n.id, props: n.props })),
      });
    }
  }
  const types = [...new Set(rows.relationships.map((r) => r.type))];
  for (const type of types) {
    const ofType = rows.relationships.filter((r) => r.type === type);
    for (let i = 0; i < ofType.length; i += BATCH) {
      await write(
        `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) MERGE (a)-[r:${type} {seedKey: row.key}]->(b) SET r = row.props`,
        { rows: ofType.slice(i, i + BATCH).map((r) => ({ key: r.key, from: r.from, to: r.to, props: r.props })) },
      );
    }
  }
}

/** The per-row baseline: one MERGE statement and one transaction for every node and relationship. */
export async function perRowLoad(db: Database, rows: GraphRows): Promise<void> {
  for (const n of rows.nodes) {
    await db.write(`MERGE (n:Entity {id: $id}) SET n = $props SET n:${n.label}`, { id: n.id, props: n.props });
  }
  for (const r of rows.relationships) {
    await db.write(`MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to}) MERGE (a)-[r:${r.type} {seedKey: $key}]->(b) SET r = $props`, {
      key: r.key,
      from: r.from,
      to: r.to,
      props: r.props,
    });
  }
}
