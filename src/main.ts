import { limitHeapGrowth } from './app/heap-growth';
import { describeRunningApp, startApp, stopGracefully } from './app/startup';
import { loadEnv } from './config/env';
import { reportFatal } from './errors/report';

/** `npm start`: database up, schema applied, seed loaded into an empty graph, GraphQL served. */
async function main(): Promise<void> {
  const env = loadEnv();
  limitHeapGrowth(env.API_HEAP_GROWTH_PERCENT);
  const app = await startApp(env, (line) => console.log(line));
  console.log(`\n${describeRunningApp(env, app)}`);
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping the API: answering the requests in flight, then closing (the database keeps running; npm run db:stop stops it).`);
    const clean = await stopGracefully(app, env.API_REQUEST_TIMEOUT_MS);
    if (!clean) console.error(`Requests still in flight after ${env.API_REQUEST_TIMEOUT_MS} ms were cut off.`);
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  reportFatal(error);
  process.exit();
});
