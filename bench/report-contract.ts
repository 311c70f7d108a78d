import type { CpuPerRequest, TimeBreakdown } from './breakdown';
import type { ExecutorComparison } from './executors';
import type { GeneratedSeed } from './generate';
import type { PageTimings } from './pages';

// What the benchmark's measuring steps hand to its rendering: report.json is this object, report.md is rendered from it.

/** The latencies of one side of a comparison at one concurrency, in ms, with its throughput and failures. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  errors: number;
  /** Each failure's message (cut to its first 160 characters) and how many calls failed with it. */
  errorKinds: Record<string, number>;
}

/** One researcher query at one concurrency: the API against its hand-written Cypher. */
export interface QueryComparison {
  api: Stats;
  raw: Stats;
  p50Ratio: number;
  addedP50Ms: number;
  meetsTarget: boolean;
}

/** The nested query at one concurrency: the API, @neo4j/graphql and the hand-written Cypher. */
export interface PeerComparison {
  api: Stats;
  peer: Stats;
  raw: Stats;
  apiVsPeerP50: number;
}

/** The database hits of everything the API sends for a query against the hand-written Cypher's, and the answers' sizes. */
export interface DbHits {
  api: number;
  handWritten: number;
  ratio: number;
  statements: number;
  apiResponseBytes: number;
  rawResultBytes: number;
}

/** The project's loader against the raw UNWIND loader and per-row MERGE. */
export interface LoadReport {
  project: { bestMs: number; runsMs: number[]; entitiesPerS: number; relationshipsPerS: number; validateAndBuildMs: number };
  rawUnwind: { bestMs: number; runsMs: number[]; entitiesPerS: number; relationshipsPerS: number };
  perRow: { sample: number; entitiesPerS: number; relationshipsPerS: number };
  ratios: { projectVsRaw: number; projectVsPerRow: number };
}

export interface Report {
  machine: { cpus: number; memoryGiB: number; node: string };
  /** The generator's scale and seed, and the graph they gave (with the derived MENTIONS and HAS_FIGURE). */
  scale: { seedRelationships: number; seed: number; graph: { nodes: number; relationships: number; documents: number } };
  load: LoadReport;
  probes: GeneratedSeed['probes'];
  /** By query name, then by concurrency as `c1`, `c8`, `c32`. */
  queries: Record<string, Record<string, QueryComparison>>;
  baselines: { name: string; why: string }[];
  /** By concurrency, as `c1`, `c8`, `c32`. */
  peer: Record<string, PeerComparison>;
  cpu: Record<string, { api: CpuPerRequest; raw: CpuPerRequest }>;
  emptyRequestP50Ms: number;
  dbHits: Record<string, DbHits>;
  breakdown: Record<string, TimeBreakdown>;
  executors: Record<string, ExecutorComparison>;
  pages: PageTimings;
  memory: { apiPeakRssMb: number };
  errors: number;
  /** Failures outside the measured batches (CPU per request, the time breakdown, the empty request), by message. */
  otherErrors: Record<string, number>;
  durationS: number;
}

/** One side of the ingest section: every pass over the corpus, in seconds, and what its median pass gives. */
export interface IngestSide {
  /** What this side runs, in a sentence. */
  what: string;
  runsS: number[];
  medianS: number;
  articlesPerMinute: number;
}

/** One document of the corpus, with the median time each side took on it. */
export interface IngestDocumentTimes {
  split: string;
  file: string;
  language: string;
  characters: number;
  floorMs: number;
  pipelineMs: number;
  rulesMs: number;
}

/** `npm run bench -- --ingest`: ingest-report.json is this object, ingest-report.md is rendered from it. */
export interface IngestReport {
  machine: { cpus: number; memoryGiB: number; node: string };
  corpus: { dir: string; documents: number; bySplit: Record<string, number>; byLanguage: Record<string, number>; characters: number };
  rounds: number;
  floor: IngestSide;
  pipeline: IngestSide;
  rules: IngestSide;
  /** How much the pipeline adds to the floor's median pass, in percent. */
  overheadPct: number;
  coreNlp: {
    url: string;
    /** A server at CORENLP_URL is not the benchmark's: its start-up and memory are not measured. */
    source: 'local' | 'external';
    heap: string | null;
    /** Seconds from spawning the JVM (stopped first if it ran) until it answered ready; null for an external server. */
    startupS: number | null;
    /** The JVM's peak resident memory (VmHWM) at the end of the run; null for an external server. */
    peakRssMb: number | null;
  };
  /** The benchmark's own Node process, which runs the pipeline: its peak resident memory (maxRSS). */
  node: { peakRssMb: number };
  documents: IngestDocumentTimes[];
  durationS: number;
}
