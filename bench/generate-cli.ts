import path from 'node:path';
import { Command } from 'commander';
import { generateSeed } from './generate';

// `npm run generate -- --relationships 100000 --seed 7 --out /tmp/seed-100k` writes a loadable seed folder.
const options = new Command()
  .option('--relationships <n>', 'seed relationships to generate', '10000')
  .option('--seed <n>', 'generator seed', '42')
  .option('--out <dir>', 'output folder', '.neo4j/bench-data/generated')
  .parse(process.argv)
  .opts<{ relationships: string; seed: string; out: string }>();
const result = generateSeed({ relationships: Number(options.relationships), seed: Number(options.seed), dir: path.resolve(options.out) });
console.log(`Wrote ${result.entities} entities, ${result.relationships} relationships and ${result.documents} documents to ${result.dir}`);
console.log(`Load it with: npm run seed -- --dir ${result.dir}`);
