import type { Database } from '../db/database';
import type { Loaders } from './loaders';

/** What every resolver gets: the process's database and this request's loaders. */
export interface ApiContext {
  db: Database;
  loaders: Loaders;
}
