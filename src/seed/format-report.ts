import type { LoadReport } from './load-seed';

/** A short, human summary of a load. */
export function formatLoadReport(report: LoadReport): string {
  const line = (what: string, c: LoadReport['nodes']) => `  ${what}: ${c.created} created, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged`;
  const lines = [`${report.dryRun ? 'Dry run (nothing written)' : 'Seed loaded'} in ${report.durationMs} ms`, line('nodes', report.nodes), line('relationships', report.relationships)];
  for (const kind of ['created', 'updated', 'removed'] as const) {
    const items = report.changes[kind];
    if (items.length > 0 && items.length <= 20) lines.push(`  ${kind}: ${items.join(', ')}`);
  }
  return lines.join('\n');
}
