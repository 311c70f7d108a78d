import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../src/config/env';
import { PROJECT_ROOT } from '../../src/project-root';

// What can be checked of the container set-up without a Docker engine: the compose file parses and refers to files,
// variables and commands that exist; the Dockerfile builds from what the repository has and runs what the build makes.

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Record<string, any>> };
const dockerfile = read('Dockerfile').replace(/\\\n/g, ' ');
const instructions = dockerfile
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 and the API built from the Dockerfile, with no install at start', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j']);
    expect(compose.services.neo4j!.image).toBe('neo4j:5.26-community');
    expect(compose.services.api!.build).toBe('.');
    expect(fs.existsSync(path.join(PROJECT_ROOT, compose.services.api!.build, 'Dockerfile'))).toBe(true);
    expect(compose.services.api!.command).toBeUndefined();
    expect(JSON.stringify(compose)).not.toMatch(/npm (ci|install)/);
    expect(compose.services.api!.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const ports = Object.values(compose.services).flatMap((service) => (service.ports ?? []) as string[]);
    expect(ports.length).toBe(3);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it('uses only variables the project documents, and requires a password', () => {
    const used = new Set([...read('docker-compose.yml').matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect([...used].filter((name) => !(name in envSchema.shape))).toEqual([]);
    expect(compose.services.neo4j!.environment.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD:\?/);
  });

  it('locks Neo4j down as the project-local server is', () => {
    const env = compose.services.neo4j!.environment as Record<string, string>;
    expect(env.NEO4J_client_allow__telemetry).toBe('false');
    expect(env.NEO4J_dbms_usage__report_enabled).toBe('false');
    expect(env.NEO4J_dbms_security_http__access__control__allow__origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
    // The image's own Browser reaches the internet: switched off, and served by the api service instead.
    expect(env.NEO4J_server_http__enabled__modules!.split(',')).not.toContain('BROWSER');
    expect(compose.services.api!.environment.NEO4J_BROWSER_BOLT_URI).toMatch(/^bolt:\/\/127\.0\.0\.1:/);
  });
});

describe('Dockerfile', () => {
  const stages = instructions.filter((line) => line.startsWith('FROM '));
  const runtime = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]!));

  it('builds in one stage and runs production dependencies only, as a non-root user, with a healthcheck', () => {
    expect(stages).toHaveLength(3);
    expect(runtime.some((line) => /^RUN npm ci --omit=dev\b/.test(line))).toBe(true);
    expect(runtime.filter((line) => line.startsWith('USER '))).toEqual(['USER node']);
    expect(runtime.some((line) => line.startsWith('HEALTHCHECK ') && line.includes('/health'))).toBe(true);
  });

  it('serves Neo4j Browser unpacked from the jar neo4j/pom.xml pins', () => {
    const unpack = instructions.find((line) => line.startsWith('RUN mvn '))!;
    expect(unpack).toMatch(/-DincludeArtifactIds=neo4j-browser\b/);
    expect(read('neo4j/pom.xml')).toMatch(/<artifactId>neo4j-browser<\/artifactId>/);
    const copied = runtime
      .find((line) => line.startsWith('COPY --from=browser '))!
      .split(/\s+/)
      .pop();
    const env = runtime.find((line) => line.startsWith('ENV NEO4J_BROWSER_DIR='))!;
    expect(env).toMatch(new RegExp(`^ENV NEO4J_BROWSER_DIR=/app/${copied!.replace(/^\.\//, '')}( |$)`));
  });

  it('builds the workbench in the build stage and serves that build', () => {
    expect(instructions.some((line) => /^RUN .*npm run build:web/.test(line))).toBe(true);
    const copied = runtime
      .find((line) => line.startsWith('COPY --from=build /app/.web-dist '))!
      .split(/\s+/)
      .pop();
    expect(runtime.find((line) => line.startsWith('ENV NEO4J_BROWSER_DIR='))).toContain(`WEB_DIR=/app/${copied!.replace(/^\.\//, '')}`);
  });

  it('copies only files that exist and runs only scripts that package.json defines', () => {
    for (const line of instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from'))) {
      const sources = line.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(fs.existsSync(path.join(PROJECT_ROOT, source))).toBe(true);
    }
    for (const [, script] of dockerfile.matchAll(/npm run ([\w:-]+)/g)) expect(scripts).toHaveProperty(script!);
  });

  it('runs what the build makes: the compiled entry point starts', () => {
    const cmd = /^CMD \["node", "([^"]+)"\]$/.exec(runtime.find((line) => line.startsWith('CMD '))!)![1]!;
    expect(cmd).toBe('dist/src/main.js');
    // The same build into a scratch folder inside the repository (so that the project root is found above it).
    const out = path.join(PROJECT_ROOT, 'reports', 'build-check');
    fs.rmSync(out, { recursive: true, force: true });
    const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(build.stdout + build.stderr).toBe('');
    expect(fs.existsSync(path.join(out, cmd.replace(/^dist\//, '')))).toBe(true);
    const help = spawnSync(process.execPath, [path.join(out, 'src', 'cli', 'index.js'), '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(help.stdout).toMatch(/Usage: edupolicy-graph/);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
