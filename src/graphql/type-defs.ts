import fs from 'node:fs';
import path from 'node:path';
import gql from 'graphql-tag';
import type { DocumentNode } from 'graphql';
import { PROJECT_ROOT } from '../project-root';

/** The API's schema, read from schema/api.graphql. */
export function loadTypeDefs(): DocumentNode {
  return gql(fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'api.graphql'), 'utf8'));
}
