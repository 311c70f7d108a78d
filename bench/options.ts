import { Command } from 'commander';

/** The command line of `npm run bench`: the scale, the generator's seed and the rounds per measurement. */
export interface BenchOptions {
  relationships: number;
  seed: number;
  rounds: number;
}

/** A whole number of at least `min`, or undefined. */
function wholeNumber(text: string, min: number): number | undefined {
  const value = Number(text);
  return /^\s*-?\d+\s*$/.test(text) && Number.isSafeInteger(value) && value >= min ? value : undefined;
}

/** The options, and a sentence for each one that is not a whole number in its range (the preflight lists them). */
export function parseOptions(argv: string[]): { options: BenchOptions; problems: string[] } {
  const raw = new Command()
    .name('npm run bench --')
    .option('--relationships <n>', 'seed relationships to generate (10000, 100000, 1000000...)', '10000')
    .option('--seed <n>', 'generator seed', '42')
    .option('--rounds <n>', 'interleaved rounds per measurement', '3')
    .parse(argv)
    .opts<{ relationships: string; seed: string; rounds: string }>();
  const problems: string[] = [];
  const read = (name: keyof BenchOptions, min: number, what: string) => {
    const value = wholeNumber(raw[name], min);
    if (value === undefined) problems.push(`--${name} must be ${what} (got "${raw[name]}")`);
    return value ?? NaN;
  };
  const options = {
    relationships: read('relationships', 1, 'a whole number of seed relationships, 1 or more'),
    seed: read('seed', Number.MIN_SAFE_INTEGER, 'a whole number'),
    rounds: read('rounds', 1, 'a whole number of rounds, 1 or more'),
  };
  return { options, problems };
}
