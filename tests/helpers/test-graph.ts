import type { Database } from '../../src/db/database';
import { loadSeed } from '../../src/seed/load-seed';
import { openTestDatabase } from './database';
import { FIXTURE_SEED_DIR } from './seed-fixture';

/** Removes everything from the test database, the load lock included. */
export async function clearGraph(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
}

/**
 * Gives a test file a graph of its own: in beforeAll the test database is emptied and `seedDir` (the fixture seed by
 * default) loaded; in afterAll it is emptied again and the driver closed, so that no file sees another's data. Use
 * the returned getter inside tests.
 */
export function useTestGraph(seedDir: string = FIXTURE_SEED_DIR): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = openTestDatabase();
    await clearGraph(db);
    await loadSeed(db, seedDir);
  });
  afterAll(async () => {
    if (!db) return;
    await clearGraph(db);
    await db.close();
  });
  return () => {
    if (!db) throw new Error('useTestGraph: the graph is available only inside tests and hooks');
    return db;
  };
}
