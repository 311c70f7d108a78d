import type { Database } from '../../src/db/database';
import { loadSeed } from '../../src/seed/load-seed';
import { guideSnippets } from '../helpers/browser-guide';
import { openTestDatabase } from '../helpers/database';
import { SEED_DIR } from '../helpers/seed-fixture';

let db: Database;
beforeAll(async () => {
  db = openTestDatabase();
  await loadSeed(db, SEED_DIR);
});
afterAll(() => db.close());

describe('the Neo4j Browser guide', () => {
  const queries = guideSnippets().filter((snippet) => !snippet.startsWith(':'));

  it('has sample queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(8);
  });

  it.each(queries.map((q) => [q.split('\n')[0], q]))('runs on the seeded graph and returns rows: %s', async (_first, query) => {
    const rows = await db.read(query!);
    expect(rows.length).toBeGreaterThan(0);
  });
});
