import type { Database } from '../../src/db/database';
import { buildGraph } from '../../src/seed/build-graph';
import { loadRows, loadSeed, prepareSeed } from '../../src/seed/load-seed';
import { SeedValidationError } from '../../src/seed/seed-problem';
import { graphSnapshot } from '../helpers/graph-snapshot';
import { FIXTURE_SEED_DIR as SEED_DIR, SeedCopy } from '../helpers/seed-fixture';
import { useTestGraph } from '../helpers/test-graph';

type Row = Record<string, unknown> & { evidence?: { doc: string; quote: string }[] };

const graph = useTestGraph();
let db: Database;
beforeAll(() => {
  db = graph();
});

describe('loading the seed', () => {
  it('is idempotent: a second load changes nothing', async () => {
    const before = await graphSnapshot(db);
    const report = await loadSeed(db, SEED_DIR);
    expect(report.nodes).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(report.relationships).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(report.nodes.unchanged).toBe(before.nodes.filter((n) => n.includes(':Entity')).length);
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('has no duplicate entities', async () => {
    const rows = await db.read<{ id: string; n: number }>('MATCH (n:Entity) WITH n.id AS id, count(*) AS n WHERE n > 1 RETURN id, n');
    expect(rows).toEqual([]);
  });

  it('removes a fact deleted from the seed files, and only that', async () => {
    const copy = new SeedCopy()
      .edit<Row[]>('relationships.json', (rows) =>
        rows.filter((r) => !(r.type === 'SPOKE_AT' && r.from === 'org:ichei') && r.from !== 'org:skillogs' && r.to !== 'org:skillogs'),
      )
      .edit<Row[]>('entities/organizations.json', (rows) => rows.filter((r) => r.id !== 'org:skillogs'));
    try {
      await db.write("MERGE (:ResearcherNote {text: 'kept: not seed-managed'})");
      const report = await loadSeed(db, copy.dir);
      expect(report.nodes.removed).toBe(1);
      // SPOKE_AT, ORGANIZED by Skillogs and the MENTIONS of Skillogs.
      expect(report.relationships.removed).toBe(3);
      expect(report.changes.removed).toEqual(expect.arrayContaining(['org:skillogs', 'SPOKE_AT|org:ichei|event:mlw-2019|']));
      const [gone] = await db.read<{ spoke: number; skillogs: number; notes: number }>(
        "RETURN COUNT { (:Entity {id: 'org:ichei'})-[:SPOKE_AT]->() } AS spoke, COUNT { (:Entity {id: 'org:skillogs'}) } AS skillogs, " +
          'COUNT { (:ResearcherNote) } AS notes',
      );
      expect(gone).toEqual({ spoke: 0, skillogs: 0, notes: 1 });
    } finally {
      copy.remove();
      await db.write('MATCH (n:ResearcherNote) DELETE n');
    }
    const restored = await loadSeed(db, SEED_DIR);
    expect(restored.nodes.created).toBe(1);
    expect(restored.relationships.created).toBe(3);
  });

  it('in a dry run reports what would change and writes nothing', async () => {
    const copy = new SeedCopy()
      .edit<Row[]>('relationships.json', (rows) => rows.filter((r) => r.from !== 'org:skillogs' && r.to !== 'org:skillogs'))
      .edit<Row[]>('entities/organizations.json', (rows) => rows.filter((r) => r.id !== 'org:skillogs'));
    try {
      const before = await graphSnapshot(db);
      const report = await loadSeed(db, copy.dir, { dryRun: true, timeoutMs: 60_000 });
      expect(report.dryRun).toBe(true);
      expect(report.nodes.removed).toBe(1);
      expect(report.changes.removed).toContain('org:skillogs');
      expect(await graphSnapshot(db)).toEqual(before);
    } finally {
      copy.remove();
    }
  });

  it('updates a changed fact in place', async () => {
    const copy = new SeedCopy().edit<Row[]>('entities/people.json', (rows) => {
      rows[0]!.description = 'Changed description';
    });
    try {
      const report = await loadSeed(db, copy.dir);
      expect(report.nodes).toMatchObject({ created: 0, updated: 1, removed: 0 });
      expect(report.changes.updated).toEqual(['person:li-ming']);
      const [row] = await db.read<{ d: string }>("MATCH (p:Person {id: 'person:li-ming'}) RETURN p.description AS d");
      expect(row!.d).toBe('Changed description');
    } finally {
      copy.remove();
    }
  });
});

describe('a load that fails leaves the graph exactly as it was', () => {
  const cases: [string, (copy: SeedCopy) => void, RegExp][] = [
    ['a malformed file', (c) => c.writeRaw('figures.json', '[{"id": "figure:x",'), /figures\.json: is not valid JSON/],
    [
      'a missing field',
      (c) => c.edit<Row[]>('relationships.json', (rows) => void delete rows[3]!.evidence),
      /relationships\.json \[3\]\.evidence: is required/,
    ],
    [
      'a dangling reference',
      (c) => c.edit<Row[]>('relationships.json', (rows) => void (rows[3]!.from = 'org:nobody')),
      /relationships\.json \[3\]\.from: "org:nobody" is not a known entity id/,
    ],
    [
      'a quote not found in its document',
      (c) => c.edit<Row[]>('figures.json', (rows) => void (rows[0]!.evidence![0]!.quote = 'over 900 participants')),
      /figures\.json \[0\]\.evidence\[0\]\.quote: quote does not occur in doc:ichei-mlw-2019/,
    ],
    [
      'a duplicate id',
      (c) => c.edit<Row[]>('entities/events.json', (rows) => void (rows[2]!.id = 'event:mlw-2019')),
      /events\.json \[2\]\.id: duplicate id "event:mlw-2019"/,
    ],
    [
      'an impossible date',
      (c) => c.edit<Row[]>('entities/events.json', (rows) => void (rows[1]!.endDate = '2019-13-08')),
      /events\.json \[1\]\.endDate: "2019-13-08" has month 13, which does not exist/,
    ],
  ];

  it.each(cases)('on %s, with a message naming the place', async (_name, breakIt, message) => {
    const copy = new SeedCopy();
    // A valid new entity in the same load proves that nothing of it was written.
    copy.edit<Row[]>('entities/people.json', (rows) => {
      rows.push({ id: 'person:probe', type: 'Person', name: 'Probe Person', evidence: rows[0]!.evidence });
    });
    breakIt(copy);
    const before = await graphSnapshot(db);
    try {
      await expect(loadSeed(db, copy.dir)).rejects.toThrow(SeedValidationError);
      await expect(loadSeed(db, copy.dir)).rejects.toThrow(message);
    } finally {
      copy.remove();
    }
    expect(await graphSnapshot(db)).toEqual(before);
  });

  it('when the database rejects a write half-way through the transaction', async () => {
    const { seed } = prepareSeed(SEED_DIR);
    const rows = buildGraph(seed);
    rows.nodes.unshift({ id: 'person:half-way', label: 'Person', props: { id: 'person:half-way', name: 'Written first' }, hash: 'x' });
    // Documents are written last; a map-valued property makes Neo4j fail that statement.
    rows.nodes.push({ id: 'doc:broken', label: 'Document', props: { id: 'doc:broken', nested: { no: 'maps' } } as never, hash: 'y' });
    const before = await graphSnapshot(db);
    await expect(loadRows(db, rows, { dryRun: false })).rejects.toThrow(/Property values can only be of primitive types|map/i);
    expect(await graphSnapshot(db)).toEqual(before);
  });
});

describe('a load too large for one transaction, into a graph without seed data', () => {
  // The seed is far below the default threshold, so the tests lower it to make the same load a bulk one.
  const bulk = { transactionRows: 10, timeoutMs: 60_000 };
  let single: Awaited<ReturnType<typeof graphSnapshot>>;
  const emptyGraph = () => db.write('MATCH (n) DETACH DELETE n');
  const countSeedNodes = async () => (await db.read<{ n: number }>('RETURN COUNT { (n:Entity) WHERE n.seedManaged } AS n'))[0]!.n;

  beforeAll(async () => {
    await loadSeed(db, SEED_DIR);
    single = await graphSnapshot(db);
  });

  it('is written in batches and gives the same graph as one transaction', async () => {
    await emptyGraph();
    const report = await loadSeed(db, SEED_DIR, bulk);
    expect(report.nodes).toEqual({ created: await countSeedNodes(), updated: 0, unchanged: 0, removed: 0 });
    expect(report.nodes.created).toBe(35);
    expect(await graphSnapshot(db)).toEqual(single);
    // A second load finds seed data, so it is the usual diff in one transaction, and changes nothing.
    const again = await loadSeed(db, SEED_DIR, bulk);
    expect(again.nodes).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await graphSnapshot(db)).toEqual(single);
  });

  it('removes the batches already written when one fails, and says so', async () => {
    await emptyGraph();
    const rows = buildGraph(prepareSeed(SEED_DIR).seed);
    // Documents are written last; a map-valued property makes Neo4j fail that batch after the others committed.
    rows.nodes.push({ id: 'doc:broken', label: 'Document', props: { id: 'doc:broken', seedManaged: true, nested: { no: 'maps' } } as never, hash: 'y' });
    await expect(loadRows(db, rows, { dryRun: false, ...bulk })).rejects.toThrow(
      /^Loading \d+ nodes and \d+ relationships in batches failed \(.*\)\. The batches already written were removed again, so the graph is as it was\.$/s,
    );
    expect(await countSeedNodes()).toBe(0);
    await loadSeed(db, SEED_DIR, bulk);
    expect(await graphSnapshot(db)).toEqual(single);
  });

  it('keeps other loads out while it runs, and removes what an interrupted one wrote', async () => {
    await db.write("MATCH (lock:SeedLoadLock {id: 'seed'}) SET lock.bulkLoadHeartbeat = datetime()");
    const before = await graphSnapshot(db);
    await expect(loadSeed(db, SEED_DIR)).rejects.toThrow(/^A bulk seed load has held the graph since .*nothing was written/s);
    expect(await graphSnapshot(db)).toEqual(before);

    // An interrupted bulk load: part of the graph written, its lease older than the load timeout.
    await emptyGraph();
    await db.write(
      "CREATE (:Entity:Organization {id: 'org:partial', seedManaged: true}) " +
        "CREATE (:SeedLoadLock {id: 'seed', lockedAt: datetime(), bulkLoadHeartbeat: datetime() - duration('PT2H')})",
    );
    await loadSeed(db, SEED_DIR, { timeoutMs: 60_000 });
    expect(await db.read("MATCH (n {id: 'org:partial'}) RETURN n")).toEqual([]);
    expect(await graphSnapshot(db)).toEqual(single);
  });
});
