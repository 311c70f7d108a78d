import type { Database } from '../db/database';
import type { Loaders } from './loaders';
import type { RequestInfo } from './plugin/request-info';

/** What every resolver gets: the process's database and this request's loaders (and, over HTTP, what to log of it). */
export interface ApiContext {
  db: Database;
  loaders: Loaders;
  requestInfo?: RequestInfo;
}
