import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../project-root';
import { ensureBrowserApp } from './neo4j-browser-app';
import { LauncherError } from './launcher-error';
import { ensureNeo4jJars } from './maven-jars';
import { isAlive, isPortInUse, sleep } from './processes';

/** Where and how a project-local Neo4j Community server runs. */
export interface LocalNeo4jOptions {
  /** Folder for conf/, data/, logs/ and run/ of this server (git-ignored). */
  homeDir: string;
  /** Folder for the jars, shared by every local server of the project. */
  libDir: string;
  /** Folder for Neo4j Browser's static files, unpacked from its jar for the API to serve. */
  browserAppDir: string;
  boltPort: number;
  httpPort: number;
  user: string;
  password: string;
  /** The API's port: the API serves Neo4j Browser and its guide, and is the one origin allowed to call the HTTP port. */
  apiPort: number;
  database: string;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  mavenRepoLocal?: string;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  boltUri: string;
  browserUrl: string;
  homeDir: string;
}

// The JVM options Neo4j's own distribution lists in neo4j.conf as server.jvm.additional.
const JVM_OPTIONS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

/** A Neo4j Community 5.26 server run from Maven Central jars, owned by this project. */
export class LocalNeo4j {
  readonly homeDir: string;
  private readonly pidFile: string;
  private readonly consoleLog: string;

  constructor(private readonly options: LocalNeo4jOptions) {
    this.homeDir = path.resolve(PROJECT_ROOT, options.homeDir);
    this.pidFile = path.join(this.homeDir, 'run', 'neo4j.pid');
    this.consoleLog = path.join(this.homeDir, 'logs', 'console.log');
  }

  get boltUri(): string {
    return `bolt://127.0.0.1:${this.options.boltPort}`;
  }

  /** Neo4j Browser as the API serves it; the server's own copy is switched off (see writeConfig). */
  get browserUrl(): string {
    return `http://127.0.0.1:${this.options.apiPort}/browser/`;
  }

  /** Whether this project's server for homeDir is alive, by its pid file. */
  status(): LocalNeo4jStatus {
    const pid = this.livePid();
    return {
      running: pid !== undefined,
      ...(pid !== undefined ? { pid } : {}),
      boltUri: this.boltUri,
      browserUrl: this.browserUrl,
      homeDir: this.homeDir,
    };
  }

  /** Starts the server unless it already runs; resolves once Bolt answers a query. */
  async start(log: (line: string) => void = () => {}): Promise<{ started: boolean; downloaded: boolean }> {
    const pid = this.livePid();
    if (pid !== undefined) {
      await this.unpackBrowser(log);
      await this.waitUntilReady(pid);
      return { started: false, downloaded: false };
    }
    for (const port of [this.options.boltPort, this.options.httpPort]) {
      if (await isPortInUse(port)) {
        throw new LauncherError(
          `Port ${port} on 127.0.0.1 is already in use by another program, so the project's Neo4j cannot start.\n` +
            `Stop that program, choose other ports with NEO4J_BOLT_PORT / NEO4J_HTTP_PORT, ` +
            `or point NEO4J_URI at the server that is running there.`,
        );
      }
    }
    const { downloaded } = await ensureNeo4jJars(this.options.libDir, this.options.mavenRepoLocal);
    if (downloaded) log(`Resolved Neo4j jars from Maven Central into ${this.options.libDir}`);
    await this.unpackBrowser(log);
    this.writeConfig();
    this.setInitialPasswordOnce();

    fs.mkdirSync(path.dirname(this.consoleLog), { recursive: true });
    const out = fs.openSync(this.consoleLog, 'a');
    const child = spawn(
      'java',
      [
        `-Xms${this.options.heap}`,
        `-Xmx${this.options.heap}`,
        ...JVM_OPTIONS,
        '-cp',
        `${path.join(this.options.libDir, '*')}`,
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${this.homeDir}`,
        `--config-dir=${path.join(this.homeDir, 'conf')}`,
      ],
      { detached: true, stdio: ['ignore', out, out], cwd: this.homeDir },
    );
    fs.closeSync(out);
    const spawnError = new Promise<never>((_, reject) => child.once('error', (error) => reject(new LauncherError(`Cannot run java: ${error.message}`))));
    if (child.pid === undefined) await spawnError;
    child.unref();
    fs.mkdirSync(path.dirname(this.pidFile), { recursive: true });
    fs.writeFileSync(this.pidFile, `${child.pid}\n`);
    log(`Starting Neo4j (pid ${child.pid}); log: ${this.consoleLog}`);
    await Promise.race([this.waitUntilReady(child.pid!), spawnError]);
    return { started: true, downloaded };
  }

  /**
   * Resolves the jars and writes the configuration and initial password without starting the server, so that a tool
   * (neo4j-admin database import) can fill the data folder first. Returns the environment such tools run with.
   */
  async configure(): Promise<{ classpath: string; env: NodeJS.ProcessEnv }> {
    await ensureNeo4jJars(this.options.libDir, this.options.mavenRepoLocal);
    this.writeConfig();
    this.setInitialPasswordOnce();
    return {
      classpath: path.join(this.options.libDir, '*'),
      env: { ...process.env, NEO4J_HOME: this.homeDir, NEO4J_CONF: path.join(this.homeDir, 'conf') },
    };
  }

  /** Stops the server if it runs and waits until its JVM is gone. */
  async stop(timeoutMs = 60_000): Promise<boolean> {
    const pid = this.livePid();
    if (pid === undefined) return false;
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(250);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await sleep(100);
    }
    fs.rmSync(this.pidFile, { force: true });
    return true;
  }

  private async unpackBrowser(log: (line: string) => void): Promise<void> {
    if ((await ensureBrowserApp(this.options.libDir, this.options.browserAppDir)).unpacked) {
      log(`Unpacked Neo4j Browser into ${this.options.browserAppDir}`);
    }
  }

  private async waitUntilReady(pid: number): Promise<void> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    const driver = neo4j.driver(this.boltUri, neo4j.auth.basic(this.options.user, this.options.password), {
      connectionAcquisitionTimeout: 2_000,
      connectionTimeout: 2_000,
      maxTransactionRetryTime: 0,
      logging: { level: 'error', logger: () => {} },
    });
    let lastError = 'no answer yet';
    try {
      while (Date.now() < deadline) {
        if (!isAlive(pid)) {
          throw new LauncherError(`Neo4j exited during start-up. Last lines of ${this.consoleLog}:\n${this.tailOfLog()}`);
        }
        try {
          await driver.executeQuery('RETURN 1', {}, { database: this.options.database });
          return;
        } catch (error) {
          lastError = (error as Error).message;
          if ((error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') {
            throw new LauncherError(
              `Neo4j at ${this.boltUri} refused the credentials (NEO4J_USER, and NEO4J_PASSWORD or ${path.join(this.homeDir, 'password')}). ` +
                `The password is set when the data folder is created; to reset it, stop the server and delete ` +
                `${path.join(this.homeDir, 'data')} and that password file (this deletes the local graph).`,
            );
          }
        }
        await sleep(500);
      }
    } finally {
      await driver.close();
    }
    throw new LauncherError(
      `Neo4j did not answer on ${this.boltUri} within ${this.options.startTimeoutMs} ms (last error: ${lastError}).\n` +
        `See ${this.consoleLog} and ${path.join(this.homeDir, 'logs', 'debug.log')}. Last lines:\n${this.tailOfLog()}`,
    );
  }

  private writeConfig(): void {
    const dir = (name: string) => path.join(this.homeDir, name);
    for (const name of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) fs.mkdirSync(dir(name), { recursive: true });
    const lines = [
      '# Written by the project launcher (src/launcher/local-neo4j.ts) at every start; edit that file, not this one.',
      'server.default_listen_address=127.0.0.1',
      `server.bolt.listen_address=127.0.0.1:${this.options.boltPort}`,
      `server.bolt.advertised_address=127.0.0.1:${this.options.boltPort}`,
      `server.http.listen_address=127.0.0.1:${this.options.httpPort}`,
      `server.http.advertised_address=127.0.0.1:${this.options.httpPort}`,
      'server.https.enabled=false',
      `server.directories.data=${dir('data')}`,
      `server.directories.logs=${dir('logs')}`,
      `server.directories.run=${dir('run')}`,
      `server.directories.import=${dir('import')}`,
      `server.directories.plugins=${dir('plugins')}`,
      `server.memory.heap.initial_size=${this.options.heap}`,
      `server.memory.heap.max_size=${this.options.heap}`,
      `server.memory.pagecache.size=${this.options.pageCache}`,
      `initial.dbms.default_database=${this.options.database}`,
      'dbms.security.auth_enabled=true',
      // Keeps a long or runaway query from holding the database; the API sets shorter per-query timeouts.
      'db.transaction.timeout=120s',
      // Neo4j keeps two days of transaction logs by default, for backups the Community server cannot take: every reseed
      // and every benchmark load added its size again (30 GB after a few million-relationship benchmark runs). Logs
      // since the last checkpoint, which recovery needs, are kept whatever this says.
      'db.tx_log.rotation.retention_policy=1G size',
      // Locked down for a server on a person's machine: no usage reports from the server or Browser, and cross-origin
      // HTTP requests only from the API's origin, so that no other web page open in the same browser can send Cypher to
      // it (Neo4j's default is any origin).
      'dbms.usage_report.enabled=false',
      'client.allow_telemetry=false',
      `dbms.security.http_access_control_allow_origin=http://127.0.0.1:${this.options.apiPort}`,
      // The server's own Browser loads fonts, analytics and error reporting from the internet, and the Community server
      // has no setting to stop it (browser.allow_outgoing_connections is not one of its settings); so it is switched
      // off here, and the API serves the same files under a Content-Security-Policy that allows only this machine.
      'server.http_enabled_modules=TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,QUERY_API_ENDPOINTS',
      // Browser fetches guides only from allow-listed hosts; the project's guide is served by the API on either name.
      'browser.remote_content_hostname_whitelist=localhost,127.0.0.1',
      `browser.post_connect_cmd=play http://127.0.0.1:${this.options.apiPort}/browser/guide.html`,
    ];
    fs.writeFileSync(path.join(dir('conf'), 'neo4j.conf'), `${lines.join('\n')}\n`);
  }

  private setInitialPasswordOnce(): void {
    if (fs.existsSync(path.join(this.homeDir, 'data', 'databases'))) return;
    // "--" ends the options: a generated password starts with "-" once in 64, and neo4j-admin read it as an option.
    const result = spawnSync(
      'java',
      ['-cp', path.join(this.options.libDir, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', this.options.password],
      {
        env: { ...process.env, NEO4J_HOME: this.homeDir, NEO4J_CONF: path.join(this.homeDir, 'conf') },
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) {
      throw new LauncherError(`Setting the initial Neo4j password failed:\n${result.stderr || result.stdout || result.error?.message}`);
    }
  }

  private livePid(): number | undefined {
    if (!fs.existsSync(this.pidFile)) return undefined;
    const pid = Number.parseInt(fs.readFileSync(this.pidFile, 'utf8'), 10);
    if (!Number.isInteger(pid) || !isAlive(pid) || !this.isOurJvm(pid)) {
      fs.rmSync(this.pidFile, { force: true });
      return undefined;
    }
    return pid;
  }

  // A recycled pid must not be mistaken for our server: its command line names our home folder.
  private isOurJvm(pid: number): boolean {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--home-dir=${this.homeDir}`);
    } catch {
      return true;
    }
  }

  private tailOfLog(lines = 25): string {
    try {
      return fs.readFileSync(this.consoleLog, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log written)';
    }
  }
}
