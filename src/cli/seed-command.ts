import path from 'node:path';
import type { Command } from 'commander';
import { loadEnv } from '../config/env';
import { openDatabase } from '../db/database';
import { ensureDatabase } from '../db/ensure-database';
import { PROJECT_ROOT } from '../project-root';
import { loadSeed, type LoadReport } from '../seed/load-seed';

/** Adds `seed [--dry-run] [--dir DIR]`. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Validate the seed files and load them into Neo4j in one all-or-nothing transaction')
    .option('--dry-run', 'validate and report what would change, without writing')
    .option('--dir <dir>', 'seed folder', path.join(PROJECT_ROOT, 'seed'))
    .action(async (options: { dryRun?: boolean; dir: string }) => {
      const env = loadEnv();
      const ensured = await ensureDatabase(env, (line) => console.log(line));
      const db = openDatabase(env, ensured.uri);
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

/** A short, human summary of a load. */
export function formatLoadReport(report: LoadReport): string {
  const line = (what: string, c: LoadReport['nodes']) =>
    `  ${what}: ${c.created} created, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged`;
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Seed loaded'} in ${report.durationMs} ms`,
    line('nodes', report.nodes),
    line('relationships', report.relationships),
  ];
  for (const kind of ['created', 'updated', 'removed'] as const) {
    const items = report.changes[kind];
    if (items.length > 0 && items.length <= 20) lines.push(`  ${kind}: ${items.join(', ')}`);
  }
  return lines.join('\n');
}
