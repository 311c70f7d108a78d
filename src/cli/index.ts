import { Command } from 'commander';
import { ConfigError } from '../config/env';
import { LauncherError } from '../db/launcher/launcher-error';
import { SeedLoadError } from '../seed/seed-load-error';
import { SeedValidationError } from '../seed/seed-problem';
import { registerDbCommands } from './db-commands';
import { registerSeedCommand } from './seed-command';

const program = new Command()
  .name('edupolicy-graph')
  .description('Manage the education-policy knowledge graph: its database and its seed data.')
  .showHelpAfterError();

registerDbCommands(program);
registerSeedCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LauncherError || error instanceof SeedValidationError || error instanceof SeedLoadError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  }
  process.exitCode = 1;
});

