import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { prepareGraph } from '../app/startup';
import { loadEnv } from '../config/env';
import { exportScope, exportStream, writeExport, writeRelease } from '../export/export-graph';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from '../export/formats';
import { partialDateProblem } from '../model/partial-date';
import { PROJECT_ROOT } from '../project-root';
import { pipeline } from 'node:stream/promises';

/** Adds `export --format F [--out PATH] [--neighbourhood ID --depth N] [--as-of DATE]` and `release [--dir DIR]`. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('Write the graph (or a neighbourhood) in one format, with the evidence on every edge')
    .addOption(
      new Option('--format <format>', `one of: ${EXPORT_FORMAT_NAMES.map((n) => `${n} (${EXPORT_FORMATS[n].description})`).join('; ')}`)
        .choices(EXPORT_FORMAT_NAMES)
        .makeOptionMandatory(),
    )
    .option('--out <path>', 'file to write (standard output when absent)')
    .option(
      '--neighbourhood <id>',
      'only the entities within --depth hops of this entity (over any relationship but MENTIONS), and the relationships between them',
    )
    .addOption(new Option('--depth <n>', 'hops of the neighbourhood (1 to 3)').choices(['1', '2', '3']).default('1'))
    .option('--as-of <date>', 'only the relationships valid at this date (YYYY, YYYY-MM or YYYY-MM-DD; undated ones are kept)', (value: string) => {
      const problem = partialDateProblem(value);
      if (problem) throw new InvalidArgumentError(problem);
      return value;
    })
    .action(async (options: { format: ExportFormatName; out?: string; neighbourhood?: string; depth: string; asOf?: string }) => {
      const env = loadEnv();
      const { db } = await prepareGraph(env, (line) => console.error(line));
      try {
        const scope = await exportScope(
          db,
          options.neighbourhood ? { centre: options.neighbourhood, depth: Number(options.depth) } : undefined,
          options.asOf ?? null,
        );
        if (options.out) {
          await writeExport(db, options.format, scope, path.resolve(options.out));
          console.error(`Wrote ${path.resolve(options.out)}`);
        } else {
          await pipeline(await exportStream(db, options.format, scope), process.stdout);
        }
      } finally {
        await db.close();
      }
    });

  program
    .command('release')
    .description('Write a dated data release: every format, checksums, the data licence, CITATION.cff and a README of the data')
    .option('--dir <dir>', 'folder that receives the dated release folder', path.join(PROJECT_ROOT, 'release'))
    .action(async (options: { dir: string }) => {
      const env = loadEnv();
      const { db } = await prepareGraph(env, (line) => console.error(line));
      try {
        const folder = await writeRelease(db, path.resolve(options.dir), PROJECT_ROOT);
        console.log(`Release written to ${folder}`);
      } finally {
        await db.close();
      }
    });
}
