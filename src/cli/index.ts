import { Command } from 'commander';
import { describeRunningApp, startApp, stopGracefully } from '../app/startup';
import { loadEnv } from '../config/env';
import { reportFatal } from '../errors/report';
import { ensureWebBuilt } from '../workbench/build';
import { registerCoreNlpCommands } from './corenlp-commands';
import { registerDbCommands } from './db-commands';
import { registerExportCommands } from './export-commands';
import { registerIngestCommands } from './ingest-commands';
import { registerIngestEvalCommand } from './ingest-eval-command';
import { registerSeedCommand } from './seed-command';

const program = new Command()
  .name('edupolicy-graph')
  .description('Manage the education-policy knowledge graph: its database, its seed data and its API.')
  .showHelpAfterError();

registerDbCommands(program);
registerSeedCommand(program);
registerExportCommands(program);
registerIngestCommands(program);
registerIngestEvalCommand(program);
registerCoreNlpCommands(program);
program
  .command('build-web')
  .description('Build the workbench (src/workbench/app) into .web-dist, as npm start does when its sources changed')
  .action(async () => {
    const { dir, built } = await ensureWebBuilt();
    console.log(built ? `Built the workbench into ${dir}` : `The workbench in ${dir} is up to date`);
  });
program
  .command('serve')
  .description('What `npm start` does: database, schema, seed if the graph is empty, and the API')
  .action(async () => {
    const env = loadEnv();
    const app = await startApp(env, (line) => console.log(line));
    console.log(`\n${describeRunningApp(env, app)}`);
    const stop = async () => process.exit((await stopGracefully(app, env.API_REQUEST_TIMEOUT_MS)) ? 0 : 1);
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

program.parseAsync(process.argv).catch(reportFatal);
