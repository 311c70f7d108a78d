import path from 'node:path';
import type { Command } from 'commander';
import { connect, SEED_DIR } from '../app/startup';
import { loadEnv } from '../config/env';
import { formatLoadReport } from '../seed/format-report';
import { loadSeed } from '../seed/load-seed';

/** Adds `seed [--dry-run] [--dir DIR]`. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Validate the seed files and load them into Neo4j in one all-or-nothing transaction')
    .option('--dry-run', 'validate and report what would change, without writing')
    .option('--dir <dir>', 'seed folder', SEED_DIR)
    .action(async (options: { dryRun?: boolean; dir: string }) => {
      const env = loadEnv();
      const { db } = await connect(env, (line) => console.log(line));
      try {
        const report = await loadSeed(db, path.resolve(options.dir), {
          dryRun: options.dryRun ?? false,
          timeoutMs: env.NEO4J_LOAD_TIMEOUT_MS,
          transactionRows: env.NEO4J_LOAD_TRANSACTION_ROWS,
        });
        console.log(formatLoadReport(report));
      } finally {
        await db.close();
      }
    });
}
