import { ExitCode } from '../../src/errors/app-error';
import { parseOptions } from '../../bench/options';
import { diskNeeds, memoryNeed, preflightError, preflightProblems, type PreflightFacts } from '../../bench/preflight';

// The benchmark checks what it needs before it measures: a run that stops at its last step loses minutes of figures.
// These are the rules, judged on facts as the machine would report them.

const GiB = 2 ** 30;

/** A machine with everything the benchmark needs. */
function ready(): PreflightFacts {
  return {
    options: [],
    chromium: { path: '/usr/bin/chromium', runs: true, detail: 'Chromium 140.0' },
    neo4j: { java: 17, maven: true, docker: undefined },
    ports: [
      { port: 7689, what: "the benchmark's Neo4j, Bolt", variable: 'NEO4J_BOLT_PORT', free: true },
      { port: 4101, what: 'the API under test', free: true },
    ],
    disk: [
      { path: '/repo/.neo4j/bench-data', what: 'the generated seed', device: 1, freeBytes: 50 * GiB, needBytes: 0.01 * GiB },
      { path: '/repo/.neo4j/bench-server', what: "the benchmark's Neo4j", device: 1, freeBytes: 50 * GiB, needBytes: 2 * GiB },
    ],
    memory: { totalBytes: 24 * GiB, needBytes: 7 * GiB, heap: '4g', pageCache: '2g' },
  };
}

describe("the benchmark's preflight", () => {
  it('finds nothing missing on a machine that has it all', () => {
    expect(preflightProblems(ready())).toEqual([]);
  });

  it('names Chromium, where it looked and what to do, when it is missing', () => {
    const facts = { ...ready(), chromium: { path: '/nonexistent', runs: false, detail: 'not found' } };
    const [problem, ...rest] = preflightProblems(facts);
    expect(rest).toEqual([]);
    expect(problem!.what).toContain('Chromium: not found (/nonexistent)');
    expect(problem!.fix).toContain('CHROMIUM_PATH');
    const error = preflightError([problem!]);
    expect(error.message).toContain('nothing was measured');
    expect(error.message).toContain('Chromium: not found (/nonexistent)');
    expect(error.exitCode).toBe(ExitCode.UNAVAILABLE);
    expect(error.code).toBe('BENCH_NOT_READY');
  });

  it('lists every problem at once, each with what to do', () => {
    const facts: PreflightFacts = {
      ...ready(),
      options: ['--rounds must be a whole number of rounds, 1 or more (got "0")'],
      chromium: { path: '/opt/chrome', runs: false, detail: 'not executable' },
      neo4j: { java: 11, maven: true, docker: false },
      ports: ready().ports.map((port) => ({ ...port, free: false })),
      memory: { totalBytes: 4 * GiB, needBytes: 7 * GiB, heap: '4g', pageCache: '2g' },
    };
    const problems = preflightProblems(facts);
    expect(problems.map((p) => p.what)).toEqual([
      '--rounds must be a whole number of rounds, 1 or more (got "0")',
      expect.stringContaining('Chromium: not executable (/opt/chrome)'),
      expect.stringContaining('java 11 found, Neo4j 5.26 needs Java 17 or 21'),
      "port 7689 on 127.0.0.1 (the benchmark's Neo4j, Bolt) is in use by another program",
      'port 4101 on 127.0.0.1 (the API under test) is in use by another program',
      expect.stringContaining('memory: this machine has 4.0 GiB, the run holds about 7.0 GiB'),
    ]);
    expect(problems[3]!.fix).toContain('set NEO4J_BOLT_PORT to a free port');
    expect(problems[4]!.fix).not.toContain('set ');
    const error = preflightError(problems);
    expect(error.message).toContain('6 problems');
    for (const { what, fix } of problems) expect(error.message).toContain(`  - ${what}: ${fix}.`);
  });

  it('accepts a machine without Java when Docker can run Neo4j, and asks for either when neither can', () => {
    expect(preflightProblems({ ...ready(), neo4j: { java: undefined, maven: false, docker: true } })).toEqual([]);
    const [problem] = preflightProblems({ ...ready(), neo4j: { java: 17, maven: false, docker: false } });
    expect(problem!.what).toContain('no `mvn` (Apache Maven) on PATH');
    expect(problem!.fix).toContain('install Java 17 and Maven');
  });

  it('adds up what the run writes on one filesystem, and says how much is free and needed', () => {
    const facts = ready();
    facts.disk = facts.disk.map((place) => ({ ...place, freeBytes: 1.5 * GiB }));
    const [problem, ...rest] = preflightProblems(facts);
    expect(rest).toEqual([]);
    expect(problem!.what).toMatch(/^disk: 1\.5 GiB free where the run needs about 2\.0 GiB \(the generated seed in \/repo\/\.neo4j\/bench-data: 0\.0 GiB, /);
    expect(problem!.fix).toContain('free 0.5 GiB there');
    // On two filesystems, each is judged on its own need.
    facts.disk = [{ ...facts.disk[0]!, device: 2 }, facts.disk[1]!];
    expect(preflightProblems(facts)).toHaveLength(1);
    expect(preflightProblems(facts)[0]!.what).toContain('about 2.0 GiB');
  });

  it('gives a bad setting its exit code when only settings are wrong', () => {
    const problems = preflightProblems({ ...ready(), options: ['--seed must be a whole number (got "x")'] });
    expect(preflightError(problems).exitCode).toBe(ExitCode.CONFIG);
  });

  it('sizes disk and memory by the scale: about 2 GiB at 10k, 12 GiB at 1M', () => {
    const total = (relationships: number) => {
      const { seedBytes, serverBytes } = diskNeeds(relationships);
      return (seedBytes + serverBytes) / GiB;
    };
    expect(total(10_000)).toBeCloseTo(2.1, 1);
    expect(total(100_000)).toBeCloseTo(3.0, 1);
    expect(total(1_000_000)).toBeGreaterThan(11);
    expect(total(1_000_000)).toBeLessThan(13);
    expect(memoryNeed(4 * GiB, 2 * GiB, 10_000) / GiB).toBeCloseTo(7.05, 1);
    expect(memoryNeed(4 * GiB, 2 * GiB, 1_000_000) / GiB).toBeLessThan(12);
  });
});

describe("the benchmark's command line", () => {
  const parse = (...args: string[]) => parseOptions(['node', 'bench/run.ts', ...args]);

  it('reads the defaults and whole numbers', () => {
    expect(parse()).toEqual({ options: { relationships: 10_000, seed: 42, rounds: 3 }, problems: [] });
    expect(parse('--relationships', '600', '--seed', '7', '--rounds', '1').options).toEqual({ relationships: 600, seed: 7, rounds: 1 });
  });

  it('names each bad option with what it got', () => {
    expect(parse('--relationships', '10k', '--rounds', '0').problems).toEqual([
      '--relationships must be a whole number of seed relationships, 1 or more (got "10k")',
      '--rounds must be a whole number of rounds, 1 or more (got "0")',
    ]);
    expect(parse('--seed', '1.5').problems).toEqual(['--seed must be a whole number (got "1.5")']);
  });
});
