import { Command } from 'commander';
import { describeRunningApp, startApp } from '../app/startup';
import { loadEnv } from '../config/env';
import { reportFatal } from '../errors/report';
import { registerDbCommands } from './db-commands';
import { registerSeedCommand } from './seed-command';

const program = new Command()
  .name('edupolicy-graph')
  .description('Manage the education-policy knowledge graph: its database, its seed data and its API.')
  .showHelpAfterError();

registerDbCommands(program);
registerSeedCommand(program);
program
  .command('serve')
  .description('What `npm start` does: database, schema, seed if the graph is empty, and the API')
  .action(async () => {
    const env = loadEnv();
    const app = await startApp(env, (line) => console.log(line));
    console.log(`\n${describeRunningApp(env, app)}`);
    process.once('SIGINT', () => void app.stop());
    process.once('SIGTERM', () => void app.stop());
  });

program.parseAsync(process.argv).catch(reportFatal);
