import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { PROJECT_ROOT } from '../src/project-root';

// The two servers the benchmark measures against each other: the project's API and the @neo4j/graphql peer.

/** The ports the API and the @neo4j/graphql peer listen on while the benchmark runs. */
export const API_PORT = 4101;
export const PEER_PORT = 4102;

/** What the servers need to reach the benchmark's database. */
export interface ServerDatabase {
  NEO4J_URI: string;
  NEO4J_USER: string;
  NEO4J_PASSWORD: string;
  NEO4J_DATABASE: string;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function startNode(script: string, env: Record<string, string>): ChildProcess {
  // `node --require tsx/cjs` keeps the server in this one process, so its peak RSS is the server's.
  return spawn(process.execPath, ['--require', 'tsx/cjs', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Starts the API and the peer on the benchmark's database and waits until both answer; each child is pushed onto
 * `children` as soon as it is spawned, so that the caller stops it whatever happens next.
 */
export async function startServers(database: ServerDatabase, children: ChildProcess[]): Promise<{ api: ChildProcess; peer: ChildProcess }> {
  const api = startNode('src/main.ts', { ...database, PORT: String(API_PORT), HOST: '127.0.0.1' });
  const peer = startNode('bench/peer-server.ts', { ...database, PORT: String(PEER_PORT) });
  children.push(api, peer);
  await waitForHttp(`http://127.0.0.1:${API_PORT}/graphql`, api);
  await waitForHttp(`http://127.0.0.1:${PEER_PORT}/graphql`, peer);
  return { api, peer };
}

/** A process's peak resident memory so far, in MB, from /proc (Linux). */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}
