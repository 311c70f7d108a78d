import type { Shape } from './shapes';
import type { Stats } from './report-contract';

// Driving calls at a concurrency and keeping their latencies and failures; the requests the benchmark sends.

/** Latencies, wall time and failures of one or more batches of calls. */
export interface Driven {
  latencies: number[];
  wallMs: number;
  errorKinds: Record<string, number>;
}

const ERROR_MESSAGE_CHARS = 160;

/** A failure's message as the report counts it: its first 160 characters. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MESSAGE_CHARS);

export function stats({ latencies, wallMs, errorKinds }: Driven): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? 0;
  const errors = Object.values(errorKinds).reduce((sum, n) => sum + n, 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), throughput: (sorted.length / wallMs) * 1000, errors, errorKinds };
}

/** Adds one batch's results to `into`, so that rounds of batches give one set of statistics. */
export function accumulate(into: Driven, batch: Driven): void {
  into.latencies.push(...batch.latencies);
  into.wallMs += batch.wallMs;
  for (const [message, n] of Object.entries(batch.errorKinds)) into.errorKinds[message] = (into.errorKinds[message] ?? 0) + n;
}

export const noRuns = (): Driven => ({ latencies: [], wallMs: 0, errorKinds: {} });

/** Runs `total` calls with `concurrency` workers; returns each call's latency in ms, the wall time and why calls failed. */
export async function drive(concurrency: number, total: number, call: () => Promise<unknown>): Promise<Driven> {
  const driven = noRuns();
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        try {
          await call();
          driven.latencies.push(performance.now() - t0);
        } catch (error) {
          // A failed call is counted as an error, not as a (fast) latency; its message says which limit it met.
          const message = errorMessage(error);
          driven.errorKinds[message] = (driven.errorKinds[message] ?? 0) + 1;
        }
      }
    }),
  );
  driven.wallMs = performance.now() - began;
  return driven;
}

/** Every failed request of a run: the total, and by message those outside the measured batches. */
export class ErrorTally {
  total = 0;
  readonly outsideBatches: Record<string, number> = {};

  /** Counts the failures of measured batches (their messages are in their statistics). */
  countBatches(...measured: Stats[]): void {
    for (const { errors } of measured) this.total += errors;
  }

  /** Counts failures outside the measured batches, by message. */
  countOutside(kinds: Record<string, number>): void {
    for (const [message, n] of Object.entries(kinds)) {
      this.total += n;
      this.outsideBatches[message] = (this.outsideBatches[message] ?? 0) + n;
    }
  }
}

async function graphqlAnswer(port: number, query: string): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

/** One request; throws, naming the status and the first error's code and message, unless it was answered without errors. */
export async function graphqlCall(port: number, query: string): Promise<void> {
  const { status, body } = await graphqlAnswer(port, query);
  if (status === 200 && !body.errors) return;
  const [first] = (body.errors ?? []) as { message?: string; extensions?: { code?: string } }[];
  throw new Error(`HTTP ${status} ${first?.extensions?.code ?? ''}: ${first?.message ?? ''}`);
}

/** The API's data for `shape` (the benchmark stops on an error). */
export async function apiData(port: number, shape: Pick<Shape, 'name' | 'graphql'>): Promise<unknown> {
  const { status, body } = await graphqlAnswer(port, shape.graphql);
  if (status !== 200 || body.errors) throw new Error(`${shape.name}: the API answered ${status} ${JSON.stringify(body.errors ?? '')}`);
  return body.data;
}

/**
 * Stops the benchmark when two sides of a comparison answer with different data: their ratio would say nothing. With
 * `among`, every item of `a` (a list) need only be in `b`.
 */
export function expectSameData(what: string, a: unknown, b: unknown, among = false): void {
  if (among) {
    const known = new Set((b as unknown[]).map((item) => JSON.stringify(item)));
    const missing = (a as unknown[]).filter((item) => !known.has(JSON.stringify(item)));
    if (missing.length > 0) throw new Error(`${what}: the hand-written answer lacks ${JSON.stringify(missing)}`);
    return;
  }
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  if (x === y) return;
  let at = 0;
  while (at < x.length && x[at] === y[at]) at++;
  throw new Error(
    `${what}: the answers differ at character ${at}:\n  ${x.slice(Math.max(0, at - 80), at + 120)}\n  ${y.slice(Math.max(0, at - 80), at + 120)}`,
  );
}
