import { execute, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { Database, type Params } from '../src/db/database';
import { buildApiSchema } from '../src/graphql/apollo';
import { createLoaders } from '../src/graphql/loaders';
import type { Shape } from './shapes';

/**
 * A Database that answers each statement as the real one answered it the first time: replayed, the database costs
 * nothing, so two executors of the same document are compared on their own work alone.
 */
class ReplayDatabase extends Database {
  private readonly answers = new Map<string, unknown[]>();
  recording = true;
  override async read<R extends Record<string, unknown>>(cypher: string, params: Params = {}): Promise<R[]> {
    const key = `${cypher}\u0000${JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
    if (!this.recording) {
      const answer = this.answers.get(key);
      if (!answer) throw new Error(`no recorded answer for ${cypher.slice(0, 80)}`);
      return answer as R[];
    }
    const rows = await super.read<R>(cypher, params);
    this.answers.set(key, rows);
    return rows;
  }
}

export interface ExecutorComparison {
  /** Medians in ms of executing the document on replayed database answers (no parsing, validation or HTTP). */
  graphqlJsMs: number;
  graphqlJitMs: number;
  ratio: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Executes one shape's document with graphql-js and with graphql-jit (compiled once, as the API caches it), runs
 * alternating, on the same replayed database answers, and reports the medians side by side.
 */
export async function compareExecutors(db: Database, queryTimeoutMs: number, shape: Shape, runs: number): Promise<ExecutorComparison> {
  const schema = buildApiSchema();
  const document = parse(shape.graphql);
  const replay = new ReplayDatabase(db.driver, db.name, queryTimeoutMs);
  const context = () => ({ db: replay, loaders: createLoaders(replay) });
  const recorded = await execute({ schema, document, contextValue: context() });
  if (recorded.errors) throw new Error(`${shape.name}: ${recorded.errors[0]!.message}`);
  replay.recording = false;
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(`${shape.name}: graphql-jit cannot compile it`);
  const js: number[] = [];
  const jit: number[] = [];
  for (let run = 0; run < runs; run++) {
    let t0 = performance.now();
    const a = await execute({ schema, document, contextValue: context() });
    js.push(performance.now() - t0);
    t0 = performance.now();
    const b = await compiled.query(undefined, context(), {});
    jit.push(performance.now() - t0);
    if (a.errors || b.errors) throw new Error(`${shape.name}: an executor answered with errors`);
    // The two answers are the same data, or the comparison says nothing.
    if (run === 0 && JSON.stringify(a.data) !== JSON.stringify(b.data)) throw new Error(`${shape.name}: graphql-js and graphql-jit answered differently`);
  }
  return { graphqlJsMs: median(js), graphqlJitMs: median(jit), ratio: median(js) / Math.max(median(jit), 1e-6) };
}
