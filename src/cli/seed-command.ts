import type { Command } from 'commander';

/** Placeholder registration replaced when the seed loader lands. */
export function registerSeedCommand(_program: Command): void {}
