import os from 'node:os';
import { z } from 'zod';
import { AppError, ExitCode } from '../errors/app-error';

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

const neo4jUri = z
  .string()
  .trim()
  .refine(
    (value) => {
      const match = /^([a-z0-9+]+):\/\/[^\s/]+/i.exec(value);
      return match !== null && (NEO4J_SCHEMES as readonly string[]).includes(match[1]!.toLowerCase());
    },
    { message: `must look like <scheme>://host[:port] with scheme one of ${NEO4J_SCHEMES.join(', ')}` },
  );

const PORT_MESSAGE = 'must be a port number between 1 and 65535';
const port = z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
const POSITIVE_MESSAGE = 'must be a positive whole number';
const positiveMs = z.coerce.number({ error: POSITIVE_MESSAGE }).int(POSITIVE_MESSAGE).positive(POSITIVE_MESSAGE);
const memorySize = z
  .string()
  .trim()
  .regex(/^\d+[kmg]$/i, { message: 'must be a size such as 512m or 2g' });

/** The environment variables the project reads, with their documented defaults. */
export const envSchema = z.object({
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  // Unset: the project's own server gets a generated password, kept in NEO4J_HOME_DIR/password (src/db/credentials.ts).
  NEO4J_PASSWORD: z.string().min(8, { message: 'must be at least 8 characters (Neo4j refuses shorter passwords)' }).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, { message: 'must be a valid Neo4j database name' })
    .default('neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HTTP_PORT: port.default(7474),
  NEO4J_HEAP: memorySize.default('2g'),
  NEO4J_PAGECACHE: memorySize.default('2g'),
  NEO4J_HOME_DIR: z.string().min(1).default('.neo4j/server'),
  NEO4J_START_TIMEOUT_MS: positiveMs.default(180_000),
  NEO4J_QUERY_TIMEOUT_MS: positiveMs.default(5_000),
  NEO4J_MAX_RETRY_MS: positiveMs.default(3_000),
  // A seed load is one transaction; at a million relationships it runs for minutes, past the server's default timeout.
  NEO4J_LOAD_TIMEOUT_MS: positiveMs.default(30 * 60_000),
  // Above this many nodes and relationships, a load into a graph without seed data is written in batches.
  NEO4J_LOAD_TRANSACTION_ROWS: positiveMs.default(500_000),
  NEO4J_MAVEN_REPO_LOCAL: z.string().min(1).optional(),
  // Neo4j Browser's unpacked files for the API to serve when the database is not the project's own (the API container
  // sets it), and the Bolt address a web browser on this machine reaches the database at, when NEO4J_URI is another.
  NEO4J_BROWSER_DIR: z.string().min(1).optional(),
  NEO4J_BROWSER_BOLT_URI: neo4jUri.optional(),
  // The built workbench to serve; unset, npm start builds src/workbench/app into .web-dist (the API container sets it to its build).
  WEB_DIR: z.string().min(1).optional(),
  // Stanford CoreNLP for ingest: CORENLP_URL names a running server; unset, the project starts its own on 127.0.0.1.
  CORENLP_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http(s) URL such as http://127.0.0.1:9000' })
    .optional(),
  CORENLP_PORT: port.default(9010),
  CORENLP_HEAP: memorySize.default('4g'),
  CORENLP_HOME_DIR: z.string().min(1).default('.corenlp/server'),
  CORENLP_START_TIMEOUT_MS: positiveMs.default(180_000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  // Timeouts that hold within about a second (the server checks them every second): a request must arrive whole within
  // API_REQUEST_TIMEOUT_MS, its headers within API_HEADERS_TIMEOUT_MS; an idle kept-alive socket closes after
  // API_KEEP_ALIVE_TIMEOUT_MS; at most API_MAX_CONNECTIONS sockets are open at once, more are closed on arrival.
  API_REQUEST_TIMEOUT_MS: positiveMs.default(15_000),
  API_HEADERS_TIMEOUT_MS: positiveMs.default(10_000),
  API_KEEP_ALIVE_TIMEOUT_MS: positiveMs.default(5_000),
  API_MAX_CONNECTIONS: positiveMs.default(256),
  API_MAX_BODY_BYTES: positiveMs.default(100_000),
  // GraphQL requests executed at once (one per core by default); more wait their turn, so that a burst of large
  // answers cannot exhaust memory, and the one JavaScript thread gains nothing from interleaving more.
  API_MAX_CONCURRENT_REQUESTS: positiveMs.default(os.availableParallelism()),
  // How far the API's JavaScript heap may grow past its live data before a full collection, in percent; 0 leaves it
  // to V8, which lets it grow up to four times while large answers are built (see bench/README.md).
  API_HEAP_GROWTH_PERCENT: z.coerce
    .number({ error: 'must be a whole number of percent from 0 to 400' })
    .int('must be a whole number of percent from 0 to 400')
    .min(0, 'must be a whole number of percent from 0 to 400')
    .max(400, 'must be a whole number of percent from 0 to 400')
    .default(50),
  // What the API logs (fastify's logger, pino): internal errors at 'error'; 'info' adds start-up lines.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type Env = z.infer<typeof envSchema>;

/** Raised when an environment variable has a bad value; the message names each variable. */
export class ConfigError extends AppError {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  readonly exitCode = ExitCode.CONFIG;
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      'Fix or unset these variables (docs/operating.md, Configuration, lists each with its default).',
    );
  }
}

/** Parses the environment; empty strings count as unset so that `FOO=` falls back to the default. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '(environment)');
        const shown = key in cleaned && !key.includes('PASSWORD') ? ` (got "${cleaned[key]}")` : '';
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  return parsed.data;
}
