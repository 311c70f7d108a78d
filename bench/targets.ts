import { QUERY_LIMITS } from '../src/graphql/limits';

// The API's performance targets against hand-written Cypher, @neo4j/graphql and its own execution time, and the bound
// on the one probe chosen to stay within what the machine can serve.

/**
 * The API's latency targets against hand-written Cypher: at concurrency 1 at most 1.2x the raw p50 or at most 1 ms
 * added, at 32 at most 1.5x; at 8 none is set (met when within the bound at 32).
 */
export function queryTargetMet(concurrency: number, p50Ratio: number, addedP50Ms: number): boolean {
  if (concurrency === 1) return p50Ratio <= 1.2 || addedP50Ms <= 1;
  return p50Ratio <= 1.5;
}

/** The nested query's target against @neo4j/graphql at every concurrency. */
export const PEER_TARGET = 0.7;
/** The API's CPU per request against a raw driver call's. */
export const CPU_TARGET = 1.5;
/** GraphQL execution of partners' attendance's answer (about 20,000 fields at the default scale). */
export const EXECUTION_TARGET_MS = 5;

/**
 * The most records partners' attendance may read in the benchmark: a quarter of the API's result limit, what this
 * 2-core machine serves 32 at a time well within the 20 s after which the API closes a connection with no activity
 * (API_REQUEST_TIMEOUT_MS + 5 s, src/http/server.ts). Measured 32 at a time on the 1M graph: an organization of 24,851
 * records failed (177 errors in one run, the API's requests queued past that limit); one of 18,893 was served, the
 * API's slowest in 12.5 s; one of 12,496 in 7.6 s. The default scale's hub reads fewer.
 */
export const PARTNERS_PROBE_RECORDS = QUERY_LIMITS.maxRecords / 4;

/** Issue 27's ingest targets: the whole pipeline, CoreNLP warm, reads at least 20 articles a minute on 2 cores... */
export const INGEST_ARTICLES_PER_MINUTE_TARGET = 20;
/** ...and adds at most 30% to CoreNLP's own annotation of the same texts. */
export const INGEST_OVERHEAD_TARGET_PCT = 30;
