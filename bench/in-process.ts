import type { ApolloServer } from '@apollo/server';
import neo4j from 'neo4j-driver';
import { Database, type Params } from '../src/db/database';
import { createApolloServer } from '../src/graphql/apollo';
import type { ApiContext } from '../src/graphql/context';
import { createLoaders } from '../src/graphql/loaders';
import { timeBreakdown } from './breakdown';
import { countedCall } from './measure';
import { compareExecutors } from './executors';
import type { ErrorTally } from './drive';
import type { DbHits, Report } from './report-contract';
import type { Shape } from './shapes';

// Measurements taken inside the benchmark's process with the API's own Apollo server: database hits of what the API
// sends, where a query's time goes, and the two GraphQL executors side by side.

/** A Database that remembers every statement it runs, to PROFILE what the API sends. */
class RecordingDatabase extends Database {
  readonly statements: { cypher: string; params: Params }[] = [];
  override async read<R extends Record<string, unknown>>(cypher: string, params: Params = {}): Promise<R[]> {
    this.statements.push({ cypher, params });
    return super.read<R>(cypher, params);
  }
}

function sumDbHits(profile: { dbHits: number; children: unknown[] }): number {
  return profile.dbHits + profile.children.reduce<number>((n, child) => n + sumDbHits(child as typeof profile), 0);
}

async function profiledDbHits(db: Database, cypher: string, params: Params): Promise<number> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`PROFILE ${cypher}`, params);
    return result.summary.profile ? sumDbHits(result.summary.profile as never) : 0;
  } finally {
    await session.close();
  }
}

/** The database hits of every statement the API sends for `shape`, against the hand-written Cypher's. */
async function dbHitsOf(apollo: ApolloServer<ApiContext>, db: Database, recording: RecordingDatabase, shape: Shape): Promise<DbHits> {
  recording.statements.length = 0;
  const response = await apollo.executeOperation({ query: shape.graphql }, { contextValue: { db: recording, loaders: createLoaders(recording) } });
  const apiResponseBytes = response.body.kind === 'single' ? JSON.stringify(response.body.singleResult).length : 0;
  const rawResultBytes = JSON.stringify(await db.read(shape.cypher, shape.params)).length;
  let apiHits = 0;
  for (const statement of recording.statements) apiHits += await profiledDbHits(db, statement.cypher, statement.params);
  const handWritten = await profiledDbHits(db, shape.cypher, shape.params);
  return {
    api: apiHits,
    handWritten,
    ratio: apiHits / Math.max(1, handWritten),
    statements: recording.statements.length,
    apiResponseBytes,
    rawResultBytes,
  };
}

/**
 * For each researcher query, where its time goes and its database hits; for the nested query, where its time goes.
 * The breakdown's HTTP requests count their failures in `errors`.
 */
export async function measureInProcess(
  db: Database,
  queryTimeoutMs: number,
  shapes: { queries: Shape[]; nested: Shape },
  errors: ErrorTally,
): Promise<Pick<Report, 'dbHits' | 'breakdown'>> {
  const recording = new RecordingDatabase(db.driver, db.name, queryTimeoutMs);
  const overHttp = (query: string) => countedCall(errors, query)();
  const apollo = createApolloServer();
  await apollo.start();
  const dbHits: Report['dbHits'] = {};
  const breakdown: Report['breakdown'] = {};
  try {
    for (const shape of shapes.queries) {
      breakdown[shape.name] = await timeBreakdown(apollo, db, queryTimeoutMs, shape, 11, overHttp);
      dbHits[shape.name] = await dbHitsOf(apollo, db, recording, shape);
    }
    breakdown[shapes.nested.name] = await timeBreakdown(apollo, db, queryTimeoutMs, shapes.nested, 11, overHttp);
  } finally {
    await apollo.stop();
  }
  return { dbHits, breakdown };
}

/** graphql-js and graphql-jit on each shape's replayed database answers. */
export async function measureExecutors(db: Database, queryTimeoutMs: number, shapes: Shape[]): Promise<Report['executors']> {
  const executors: Report['executors'] = {};
  for (const shape of shapes) executors[shape.name] = await compareExecutors(db, queryTimeoutMs, shape, 21);
  return executors;
}
