import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { LauncherError } from './launcher-error';

const POM = path.join(PROJECT_ROOT, 'neo4j', 'pom.xml');

/** Reads the Neo4j version pinned in neo4j/pom.xml, so that the marker file changes when the pin does. */
export function pinnedNeo4jVersion(): string {
  const pom = fs.readFileSync(POM, 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new LauncherError(`neo4j/pom.xml has no <neo4j.version> property`);
  return match[1]!;
}

/** Ensures libDir holds the jars of the pinned Neo4j server and Browser, resolving them with Maven once. */
export function ensureNeo4jJars(libDir: string, mavenRepoLocal?: string): Promise<{ downloaded: boolean }> {
  return ensureMavenJars({ pom: POM, libDir, label: `Neo4j ${pinnedNeo4jVersion()}`, marker: pinnedNeo4jVersion(), mavenRepoLocal });
}

export interface MavenJars {
  /** The pom.xml whose runtime dependencies are copied. */
  pom: string;
  libDir: string;
  /** What the jars are, for messages ("CoreNLP 4.5.10"). */
  label: string;
  /** What the marker file records; a different value (a changed pin) resolves the jars again. */
  marker: string;
  mavenRepoLocal?: string;
}

/** Ensures libDir holds the runtime dependencies of a pom, resolved from Maven Central once and kept behind a marker. */
export async function ensureMavenJars({ pom, libDir, label, marker, mavenRepoLocal }: MavenJars): Promise<{ downloaded: boolean }> {
  const markerFile = path.join(libDir, '.resolved');
  if (fs.existsSync(markerFile) && fs.readFileSync(markerFile, 'utf8').trim() === marker) return { downloaded: false };

  fs.rmSync(libDir, { recursive: true, force: true });
  fs.mkdirSync(libDir, { recursive: true });
  const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`, '-DincludeScope=runtime'];
  if (mavenRepoLocal) args.push(`-Dmaven.repo.local=${path.resolve(mavenRepoLocal)}`);
  const output = await run('mvn', args);
  if (output.code !== 0) {
    throw new LauncherError(`Maven could not resolve ${label} from Maven Central (exit ${output.code}).\n${output.text.slice(-2000)}`);
  }
  fs.writeFileSync(markerFile, `${marker}\n`);
  return { downloaded: true };
}

function run(command: string, args: string[]): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', (error) => reject(new LauncherError(`Cannot run ${command}: ${error.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}
