import type { NodeRow, RelationshipRow } from '../../../src/seed/build-graph';
import { LOCK_STATEMENTS } from '../../../src/seed/load-lock';
import * as statements from '../../../src/seed/statements';

const node: NodeRow = { id: 'org:x', label: 'Organization', props: { id: 'org:x', name: "O'Brien } DETACH DELETE" }, hash: 'h' };
const rel: RelationshipRow = { key: 'PARTNER_OF|org:x|org:y|', type: 'PARTNER_OF', from: 'org:x', to: 'org:y', props: { kind: 'k' }, hash: 'h' };

describe('the loader statements', () => {
  it('create and update nodes per label, with rows as parameters', () => {
    const create = statements.createNodes('Organization', [node]);
    expect(create.cypher).toBe('UNWIND $rows AS row CREATE (n:Entity:Organization) SET n = row.props');
    expect(create.params).toEqual({ rows: [{ props: node.props }] });
    const update = statements.updateNodes('Organization', [node]);
    expect(update.cypher).toMatch(/^UNWIND \$rows AS row MATCH \(n:Entity \{id: row\.id\}\) SET n = row\.props REMOVE n:Person:Country:.* SET n:Organization$/);
    expect(update.cypher).not.toContain('REMOVE n:Organization');
  });

  it('create relationships between entities found by id, and update them by seed key', () => {
    expect(statements.createRelationships('PARTNER_OF', [rel]).cypher).toBe(
      'UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) CREATE (a)-[r:PARTNER_OF]->(b) SET r = row.props',
    );
    expect(statements.updateRelationships('PARTNER_OF', [rel]).params).toEqual({ rows: [{ key: rel.key, props: rel.props }] });
  });

  it('refuse a label or type outside the model', () => {
    expect(() => statements.createNodes('Organization) DETACH DELETE (n' as never, [node])).toThrow(/Not a label of the model/);
    expect(() => statements.createRelationships('X]->() //' as never, [rel])).toThrow(/Not a relationship type of the model/);
  });

  it('the load lock is one node, taken in the load transaction and leased by a bulk load', () => {
    expect(LOCK_STATEMENTS.TAKE.cypher).toBe("MERGE (lock:SeedLoadLock {id: 'seed'}) SET lock.lockedAt = datetime() RETURN lock.bulkLoadHeartbeat AS since");
    expect(LOCK_STATEMENTS.TAKE_LEASE.cypher).toContain('lock.bulkLoadHeartbeat IS NULL AS free');
    expect(LOCK_STATEMENTS.RENEW_LEASE.cypher).toBe("MATCH (lock:SeedLoadLock {id: 'seed'}) SET lock.bulkLoadHeartbeat = datetime()");
    expect(LOCK_STATEMENTS.RELEASE_LEASE.cypher).toBe("MATCH (lock:SeedLoadLock {id: 'seed'}) REMOVE lock.bulkLoadHeartbeat");
  });
});
