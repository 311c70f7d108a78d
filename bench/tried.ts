// What was tried against each of issue 16's targets, with what it measured: the report prints it beside the run's
// misses, so that a reader of one report sees what bounds a miss and what has already been done about it. Figures are
// from the commits and bench/README.md (10k unless a scale is named); a new attempt adds its line here.

/** One target and the attempts made on it, each with its measured effect. */
export interface Attempts {
  target: string;
  attempts: string[];
}

/** The attempts, target by target, in the order of the report's tables. */
export const TRIED: readonly Attempts[] = [
  {
    target: 'Researcher queries at concurrency 1 (at most 1.2x the raw p50, or 1 ms added)',
    attempts: [
      "projections that follow the GraphQL selection, and rows of small value lists instead of maps (the driver decodes a list several times faster): partners' attendance from 7.4x to about 2.3x; the 500-entity neighbourhood 116-129 to 71-93 ms over HTTP",
      "graphql-jit, each document compiled once: partners' attendance's execution 43 to 25 ms; records that are the driver's property objects, so that stored fields need no resolver: 25 to 11 ms",
      "attendances sorted by the database, the asOf predicate left out when no date is given, search cut before projecting, argument schemas built once, and Apollo's cache-control plugin (which wraps every resolver) off",
      'building relationship records without an intermediate row object: no measurable difference (5.4-6.7 against 5.0-6.5 ms, replayed)',
    ],
  },
  {
    target: 'Concurrency 32 (at most 1.5x) and CPU per request (at most 1.5x a raw call)',
    attempts: [
      'one request per core executing at once instead of two: the same throughput with less memory',
      "a CPU profile of the API under small queries: the driver's JavaScript and socket writes 37%, Node's HTTP internals 29%, garbage collection 8%, fastify 8%, Apollo and GraphQL 5%, the project's code 5%; two driver errors built per query for a rarely fired deadline removed (about 0.04 ms a request)",
      'auto-commit reads instead of read transactions: 1.1 against 1.5-1.7 ms a call and half the client CPU, not adopted (the driver retries only managed transactions, and the hand-written side, sent by the same code, would gain as much)',
      "V8's own heap growth instead of API_HEAP_GROWTH_PERCENT=50: partners' attendance 36-43 against 50-51 ms of API CPU, but peak RSS 262-268 against 164-170 MB at 10k and 494 MB at 100k, over the memory target; kept at 50",
      'fastify instead of node:http: about 0.07 ms more CPU per request, kept for its request handling',
    ],
  },
  {
    target: 'The nested query against @neo4j/graphql (at most 0.7x its p50)',
    attempts: [
      "entity(id) and every relationship page its selection asks for in one statement, as @neo4j/graphql compiles it: the API's statements 31.7 to 11.4-12.9 ms, its CPU per request 26.3 to 14.1-14.9 ms, the ratio 1.21x, 1.37x, 1.39x to 0.95-1.08x, 1.00-1.32x, 1.16-1.46x at 10k; 0.17-0.30x at 1M",
      "relationship rows leaving out what their field fixes (direction, a single type, a fixed label): the statement's database hits 9,696 to 7,342, against the hand-written query's 7,007",
      'a CALL subquery per page instead of a COLLECT expression: slower (13.1-16.4 against 10.2-13.5 ms), not kept',
      "leaving out the events' labels or the seed-key tie-break: no difference (15.0 and 15.1 against 14.9 ms for the statement alone; the hand-written query 8.9 ms)",
    ],
  },
  {
    target: "GraphQL execution of partners' attendance (at most 5 ms)",
    attempts: [
      'graphql-jit and records as property objects (above): 43 to 5.7-10.3 ms, depending on the day; graphql-js 20.8-23.2 ms',
      "evidence reading only the stored lists its selected fields need: the driver's rows for one answer 37 to 20 MB",
      "what remains, measured: graphql-jit's walk over 20,000 fields alone takes about 2.4 ms over plain objects, and garbage collection a quarter of the replayed execution",
    ],
  },
];

/** The "What was tried" section of the report. */
export function renderTried(): string[] {
  const lines = ['## What was tried', '', 'Target by target, each attempt with what it measured (details in bench/README.md).', ''];
  for (const { target, attempts } of TRIED) {
    lines.push(`- **${target}**`, ...attempts.map((attempt) => `  - ${attempt}`));
  }
  return lines;
}
