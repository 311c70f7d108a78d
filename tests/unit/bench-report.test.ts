import { renderMarkdown } from '../../bench/report';
import type { Report, Stats } from '../../bench/report-contract';
import type { CpuPerRequest } from '../../bench/breakdown';
import { TRIED } from '../../bench/tried';

// The report is how a reader learns which targets a run missed and why: it must never call a missed target met.

const stats = (p50: number, errorKinds: Record<string, number> = {}): Stats => ({
  n: 100,
  p50,
  p95: p50,
  p99: p50,
  throughput: 1000 / p50,
  errors: Object.values(errorKinds).reduce((sum, n) => sum + n, 0),
  errorKinds,
});

const cpu = (api: number, neo4j: number, client: number): CpuPerRequest => ({ calls: 20, api, neo4j, client, total: api + neo4j + client });

const breakdown = { httpMs: 3, executeMs: 2.5, statementsMs: 2, graphqlMs: 0.5, serializeMs: 0.1, responseKb: 40, statements: 1 };

/** A run in which every target is met: one query at 1.1x raw, the nested query at half the peer, CPU at 1.2x. */
function reportMeetingEveryTarget(): Report {
  const query = (c: number) => ({ api: stats(1.1 * c), raw: stats(c), p50Ratio: 1.1, addedP50Ms: 0.1 * c, meetsTarget: true });
  return {
    machine: { cpus: 2, memoryGiB: 24, node: 'v20' },
    scale: { seedRelationships: 10_000, seed: 42, graph: { nodes: 1602, relationships: 29_645, documents: 250 } },
    load: {
      project: { bestMs: 1000, runsMs: [1000], entitiesPerS: 1600, relationshipsPerS: 29_000, validateAndBuildMs: 500 },
      rawUnwind: { bestMs: 1000, runsMs: [1000], entitiesPerS: 1600, relationshipsPerS: 29_000 },
      perRow: { sample: 1000, entitiesPerS: 100, relationshipsPerS: 200 },
      ratios: { projectVsRaw: 1, projectVsPerRow: 100 },
    },
    queries: { 'partners attendance': { c1: query(1), c8: query(8), c32: query(32) } },
    baselines: [{ name: 'partners attendance', why: 'an index seek' }],
    probes: { hub: 'org:o1', other: 'org:o2', searchText: 'Education Organizaton 2' },
    peer: { c1: { api: stats(5), peer: stats(10), raw: stats(4), apiVsPeerP50: 0.5 } },
    dbHits: { 'partners attendance': { api: 100, handWritten: 100, ratio: 1, statements: 1, apiResponseBytes: 40_000, rawResultBytes: 30_000 } },
    memory: { apiPeakRssMb: 180 },
    pages: { entityMs: 150, networkMs: 900, networkNodes: 501, runs: 9 },
    cpu: {
      'partners attendance': { api: cpu(1, 1, 0.4), raw: cpu(0, 1.5, 0.5) },
      'nested (vs @neo4j/graphql)': { api: cpu(1, 1, 0.4), raw: cpu(0, 1.5, 0.5) },
    },
    emptyRequestP50Ms: 0.5,
    breakdown: { 'partners attendance': breakdown, 'nested (vs @neo4j/graphql)': breakdown },
    executors: { 'partners attendance': { graphqlJsMs: 6, graphqlJitMs: 3, ratio: 2 } },
    errors: 0,
    otherErrors: {},
    durationS: 300,
  };
}

const bounds = (report: Report) => renderMarkdown(report).split('## What bounds the misses')[1]!;

describe("the benchmark report's account of the misses", () => {
  it('says every target was met only when each one was', () => {
    expect(bounds(reportMeetingEveryTarget())).toContain('Every target was met.');
  });

  it('names a CPU miss of a query whose latencies met their targets, with the CPU of each process', () => {
    const report = reportMeetingEveryTarget();
    report.cpu['partners attendance'] = { api: cpu(3, 2, 0.5), raw: cpu(0, 1.5, 0.5) };
    const text = bounds(report);
    expect(text).not.toContain('Every target was met.');
    expect(text).toContain('**partners attendance, CPU per request** (2.75x)');
    expect(text).toContain('3.00 ms in the API process, 2.00 ms in Neo4j and 0.50 ms in the client; a raw call 1.50 ms in Neo4j');
  });

  it("names the nested query's CPU miss when it met its target against the peer", () => {
    const report = reportMeetingEveryTarget();
    report.cpu['nested (vs @neo4j/graphql)'] = { api: cpu(4, 2, 0.5), raw: cpu(0, 1.5, 0.5) };
    expect(bounds(report)).toContain('**Nested query, CPU per request** (3.25x)');
  });

  it("names partners' attendance's execution over 5 ms, with graphql-js beside graphql-jit", () => {
    const report = reportMeetingEveryTarget();
    report.executors['partners attendance'] = { graphqlJsMs: 20.8, graphqlJitMs: 5.7, ratio: 3.6 };
    const text = bounds(report);
    expect(text).not.toContain('Every target was met.');
    expect(text).toContain('**GraphQL execution of partners attendance** (5.7 ms with graphql-jit, 20.8 ms with graphql-js');
  });

  it('names the concurrencies at which the nested query missed its target against the peer, as prose', () => {
    const report = reportMeetingEveryTarget();
    const peer = (c: number, ratio: number) => ({ api: stats(ratio * c), peer: stats(c), raw: stats(c / 2), apiVsPeerP50: ratio });
    report.peer = { c1: peer(1, 0.95), c8: peer(8, 1.1), c32: peer(32, 1.16) };
    expect(bounds(report)).toContain('**Nested query vs @neo4j/graphql, concurrency 1, 8 and 32** (0.95x, 1.10x, 1.16x)');
    report.peer = { c1: peer(1, 0.5), c8: peer(8, 1.1), c32: peer(32, 1.16) };
    expect(bounds(report)).toContain('**Nested query vs @neo4j/graphql, concurrency 8 and 32** (1.10x, 1.16x)');
  });

  it('says, after the misses, what was tried against each target that can be missed', () => {
    const tried = renderMarkdown(reportMeetingEveryTarget()).split('## What was tried')[1]!;
    for (const { target, attempts } of TRIED) {
      expect(tried).toContain(`- **${target}**`);
      expect(attempts.length).toBeGreaterThan(0);
      for (const attempt of attempts) expect(tried).toContain(`  - ${attempt}`);
    }
    expect(TRIED.map((t) => t.target).join('\n')).toMatch(/concurrency 1[\s\S]*Concurrency 32[\s\S]*@neo4j\/graphql[\s\S]*execution/);
  });

  it('lists failed requests by query, concurrency and side, with their messages, and those outside the batches', () => {
    const report = reportMeetingEveryTarget();
    report.queries['partners attendance']!.c32!.raw = stats(32, { 'The database did not answer within NEO4J_MAX_RETRY_MS': 19 });
    report.otherErrors = { 'HTTP 503 DATABASE_UNAVAILABLE: The database is unavailable': 2 };
    report.errors = 21;
    const markdown = renderMarkdown(report);
    const expected =
      'partners attendance at 32, raw: 19 (19 × "The database did not answer within NEO4J_MAX_RETRY_MS"); ' +
      'outside the measured batches: 2 × "HTTP 503 DATABASE_UNAVAILABLE: The database is unavailable"';
    expect(markdown).toContain(`Errors: 21 (${expected}).`);
    expect(bounds(report)).toContain(`**Errors**: 21 (${expected}).`);
  });
});
