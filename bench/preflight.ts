import { ExitCode } from '../src/errors/app-error';
import { BenchNotReadyError } from './bench-error';

// What the benchmark needs, checked before it measures anything: a run takes minutes, and one that stops at its last
// step for want of Chromium loses every figure. These functions judge facts gathered elsewhere (preflight-facts.ts),
// so that each rule is tested without the machine.

const GiB = 2 ** 30;
const KiB = 1024;

/**
 * Disk the benchmark writes, in bytes, for `relationships` seed relationships:
 * - the generated seed folder: about 0.41 KB per seed relationship (4.05 MB at 10k, 41.3 MB at 100k, measured);
 * - the Neo4j store: about 0.36 KB per seed relationship (3.6 MB for the 10k graph's 1,602 nodes and 29,645
 *   relationships, measured after a load);
 * - transaction logs: the server preallocates 256 MiB per database (neo4j and system) and keeps 1 GiB of older logs
 *   (src/launcher/local-neo4j.ts), plus whatever was written since the last checkpoint, at most one run's loads and
 *   wipes: bounded here by 10 KB per seed relationship, from the 30 GB a few 1M runs left before that retention;
 * - 0.5 GiB for the jars, Neo4j Browser, logs and reports.
 * About 2.1 GiB at 10k, 3.0 GiB at 100k, 12 GiB at 1M.
 */
export function diskNeeds(relationships: number): { seedBytes: number; serverBytes: number } {
  return {
    seedBytes: relationships * 0.41 * KiB,
    serverBytes: 1.5 * GiB + 0.5 * GiB + relationships * (0.36 + 10) * KiB,
  };
}

/** Memory the run holds at once, in bytes: Neo4j's heap and page cache, and the API, the peer and the benchmark process. */
export function memoryNeed(neo4jHeapBytes: number, pageCacheBytes: number, relationships: number): number {
  // The benchmark process holds every row it built: at 1M they overran a 4 GB heap and fit in 12 GB (bench/README.md).
  return neo4jHeapBytes + pageCacheBytes + 1 * GiB + relationships * 5 * KiB;
}

/** Everything the preflight judges, gathered from the machine (see preflight-facts.ts). */
export interface PreflightFacts {
  /** Problems with the command line, each a sentence. */
  options: string[];
  /** The Chromium the workbench pages are timed in: where it was looked for, and whether `--version` answered. */
  chromium: { path: string; runs: boolean; detail: string };
  /** What the project's launcher needs for its own Neo4j: Java 17+ and Maven, or else Docker (asked only then). */
  neo4j: { java: number | undefined; maven: boolean; docker: boolean | undefined };
  /** Each port the benchmark will listen on, what listens there, the variable that moves it, and whether it is free. */
  ports: { port: number; what: string; variable?: string; free: boolean }[];
  /** Each place the benchmark writes to, with its filesystem's free space and what the run needs there. */
  disk: { path: string; what: string; device: number; freeBytes: number; needBytes: number }[];
  memory: { totalBytes: number; needBytes: number; heap: string; pageCache: string };
}

/** One thing missing: what it is and what to do about it. */
export interface PreflightProblem {
  what: string;
  fix: string;
  /** True for a mistake on the command line or in a setting, rather than something the machine lacks. */
  config?: boolean;
}

const gib = (bytes: number) => `${(bytes / GiB).toFixed(1)} GiB`;

function chromiumProblems({ chromium }: PreflightFacts): PreflightProblem[] {
  if (chromium.runs) return [];
  return [
    {
      what: `Chromium: ${chromium.detail} (${chromium.path}); the benchmark times the workbench's pages in it`,
      fix: 'install it (apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium executable',
    },
  ];
}

function neo4jProblems({ neo4j }: PreflightFacts): PreflightProblem[] {
  const localMissing =
    neo4j.java === undefined
      ? 'no `java` on PATH'
      : neo4j.java < 17
        ? `java ${neo4j.java} found, Neo4j 5.26 needs Java 17 or 21`
        : !neo4j.maven
          ? 'no `mvn` (Apache Maven) on PATH'
          : undefined;
  if (localMissing === undefined || neo4j.docker) return [];
  return [
    {
      what: `Neo4j: the benchmark starts its own server, which needs Java 17+ and Maven (${localMissing}) or Docker (no Docker engine answers)`,
      fix: 'install Java 17 and Maven (apt-get install -y openjdk-17-jre-headless maven), or start Docker',
    },
  ];
}

function portProblems({ ports }: PreflightFacts): PreflightProblem[] {
  return ports
    .filter(({ free }) => !free)
    .map(({ port, what, variable }) => ({
      what: `port ${port} on 127.0.0.1 (${what}) is in use by another program`,
      fix: `stop that program (\`ss -ltnp 'sport = :${port}'\` names it)${variable ? ` or set ${variable} to a free port` : ''}`,
    }));
}

/** Needs on one filesystem are added up: the seed folder and the server usually share one. */
function diskProblems({ disk }: PreflightFacts): PreflightProblem[] {
  const byDevice = new Map<number, PreflightFacts['disk']>();
  for (const place of disk) byDevice.set(place.device, [...(byDevice.get(place.device) ?? []), place]);
  return [...byDevice.values()].flatMap((places) => {
    const need = places.reduce((sum, place) => sum + place.needBytes, 0);
    const free = places[0]!.freeBytes;
    if (free >= need) return [];
    const where = places.map((place) => `${place.what} in ${place.path}: ${gib(place.needBytes)}`).join(', ');
    return [
      {
        what: `disk: ${gib(free)} free where the run needs about ${gib(need)} (${where})`,
        fix: `free ${gib(need - free)} there, or run a smaller --relationships`,
      },
    ];
  });
}

function memoryProblems({ memory }: PreflightFacts): PreflightProblem[] {
  if (memory.totalBytes >= memory.needBytes) return [];
  return [
    {
      what: `memory: this machine has ${gib(memory.totalBytes)}, the run holds about ${gib(memory.needBytes)} (Neo4j's heap ${memory.heap} and page cache ${memory.pageCache}, the API, the peer and the benchmark's rows)`,
      fix: 'lower NEO4J_HEAP and NEO4J_PAGECACHE, or run a smaller --relationships',
    },
  ];
}

/** Every problem the facts show, all at once; empty when the benchmark can run. */
export function preflightProblems(facts: PreflightFacts): PreflightProblem[] {
  return [
    ...facts.options.map((what) => ({ what, fix: 'see `npm run bench -- --help`', config: true })),
    ...chromiumProblems(facts),
    ...neo4jProblems(facts),
    ...portProblems(facts),
    ...diskProblems(facts),
    ...memoryProblems(facts),
  ];
}

/** The error that stops the run before it measures: every problem with what to do, and a bad setting's exit code when only settings are wrong. */
export function preflightError(problems: PreflightProblem[]): BenchNotReadyError {
  const lines = problems.map(({ what, fix }) => `  - ${what}: ${fix}.`);
  return new BenchNotReadyError(
    `The benchmark cannot start, and nothing was measured: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}.\n${lines.join('\n')}`,
    'Fix these and run it again; it checks them all before it generates or starts anything.',
    problems.every((problem) => problem.config) ? ExitCode.CONFIG : ExitCode.UNAVAILABLE,
  );
}
