import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../src/config/env';
import { localNeo4j } from '../src/launcher/ensure-database';
import { dockerEngineAvailable } from '../src/launcher/docker-compose';
import { javaMajorVersion, mavenAvailable } from '../src/launcher/tools';
import { PROJECT_ROOT } from '../src/project-root';
import { chromiumPath } from '../tests/helpers/chromium';
import type { BenchOptions } from './options';
import { diskNeeds, memoryNeed, preflightError, preflightProblems, type PreflightFacts } from './preflight';
import { API_PORT, PEER_PORT } from './servers';

// The facts the preflight judges, read from this machine in a second or two: nothing here starts or writes anything.

/** Where the benchmark writes its generated seed folders. */
export const BENCH_DATA_DIR = path.join(PROJECT_ROOT, '.neo4j', 'bench-data');

/** Whether `--version` of the Chromium at `file` answers, and its answer or why not. */
function chromiumFacts(file: string): PreflightFacts['chromium'] {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    return { path: file, runs: false, detail: fs.existsSync(file) ? 'not executable' : 'not found' };
  }
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.status === 0) return { path: file, runs: true, detail: result.stdout.trim() };
  const why = result.error?.message ?? (result.stderr.trim().split('\n')[0] || `exit code ${result.status}`);
  return { path: file, runs: false, detail: `\`--version\` failed: ${why}` };
}

function neo4jFacts(): PreflightFacts['neo4j'] {
  const java = javaMajorVersion();
  const maven = mavenAvailable();
  // Docker is the launcher's fallback, asked about only when the project-local server cannot be had (docker info is slow).
  const localOk = java !== undefined && java >= 17 && maven;
  return { java, maven, docker: localOk ? undefined : dockerEngineAvailable() };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The ports the run listens on; the Neo4j ports only when the benchmark's own server is not already up (it is reused). */
async function portFacts(env: Env): Promise<PreflightFacts['ports']> {
  const wanted: Omit<PreflightFacts['ports'][number], 'free'>[] = [
    { port: API_PORT, what: "the API under test, bench/servers.ts's API_PORT" },
    { port: PEER_PORT, what: "the @neo4j/graphql peer, bench/servers.ts's PEER_PORT" },
  ];
  if (!localNeo4j(env).status().running) {
    wanted.unshift(
      { port: env.NEO4J_BOLT_PORT, what: "the benchmark's Neo4j, Bolt", variable: 'NEO4J_BOLT_PORT' },
      { port: env.NEO4J_HTTP_PORT, what: "the benchmark's Neo4j, HTTP", variable: 'NEO4J_HTTP_PORT' },
    );
  }
  return Promise.all(wanted.map(async (port) => ({ ...port, free: await portFree(port.port) })));
}

/** The nearest folder of `target` that exists, whose filesystem the target will be on. */
function existingAncestor(target: string): string {
  let at = path.resolve(target);
  while (!fs.existsSync(at)) at = path.dirname(at);
  return at;
}

function diskFacts(env: Env, relationships: number): PreflightFacts['disk'] {
  const needs = diskNeeds(relationships);
  const places = [
    { path: BENCH_DATA_DIR, what: 'the generated seed', needBytes: needs.seedBytes },
    { path: path.resolve(PROJECT_ROOT, env.NEO4J_HOME_DIR), what: "the benchmark's Neo4j (store and transaction logs)", needBytes: needs.serverBytes },
  ];
  return places.map((place) => {
    const at = existingAncestor(place.path);
    const { bavail, bsize } = fs.statfsSync(at);
    return { ...place, device: fs.statSync(at).dev, freeBytes: bavail * bsize };
  });
}

/** A size as NEO4J_HEAP writes it (512m, 4g), in bytes. */
function sizeBytes(size: string): number {
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[size.slice(-1).toLowerCase() as 'k' | 'm' | 'g'];
  return Number(size.slice(0, -1)) * unit;
}

/** Everything the preflight judges, for a run of `options` with the benchmark's environment `env`. */
export async function gatherFacts(options: BenchOptions, optionProblems: string[], env: Env): Promise<PreflightFacts> {
  // A bad --relationships leaves nothing to size the disk and memory by; those wait for a good one.
  const relationships = Number.isFinite(options.relationships) ? options.relationships : 0;
  return {
    options: optionProblems,
    chromium: chromiumFacts(chromiumPath()),
    neo4j: neo4jFacts(),
    ports: await portFacts(env),
    disk: diskFacts(env, relationships),
    memory: {
      totalBytes: os.totalmem(),
      needBytes: memoryNeed(sizeBytes(env.NEO4J_HEAP), sizeBytes(env.NEO4J_PAGECACHE), relationships),
      heap: env.NEO4J_HEAP,
      pageCache: env.NEO4J_PAGECACHE,
    },
  };
}

/** Stops the run, naming every problem at once, unless the benchmark has what it needs; logs what it checked. */
export async function preflight(options: BenchOptions, optionProblems: string[], env: Env, log: (line: string) => void): Promise<void> {
  const facts = await gatherFacts(options, optionProblems, env);
  const problems = preflightProblems(facts);
  if (problems.length > 0) throw preflightError(problems);
  const need = facts.disk.reduce((sum, place) => sum + place.needBytes, 0);
  log(
    `preflight: ${facts.chromium.detail}; ports ${facts.ports.map(({ port }) => port).join(', ')} free; ` +
      `about ${(need / 2 ** 30).toFixed(1)} GiB of disk and ${(facts.memory.needBytes / 2 ** 30).toFixed(1)} GiB of memory needed, both there`,
  );
}
