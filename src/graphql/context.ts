import type { Database } from '../db/database';
import type { DriverErrorKind } from '../db/driver-errors';
import type { Loaders } from './loaders';

/** What the HTTP layer logs and counts of a GraphQL request, filled in as Apollo handles it. */
export interface RequestInfo {
  /** The client's operation name, when it gave one. */
  operationName?: string;
  /** The first root field: a label from the schema's finite set, so that metrics stay bounded whatever clients send. */
  rootField?: string;
  /** The first error's code, when the answer has errors. */
  errorCode?: string;
  /** The kinds of the database errors met (unavailable, timeout, ...). */
  databaseErrors: DriverErrorKind[];
}

/** What every resolver gets: the process's database and this request's loaders (and, over HTTP, what to log of it). */
export interface ApiContext {
  db: Database;
  loaders: Loaders;
  requestInfo?: RequestInfo;
}
