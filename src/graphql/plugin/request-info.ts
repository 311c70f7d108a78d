import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Kind } from 'graphql';
import { classifyDriverError, type DriverErrorKind } from '../../db/driver-errors';
import type { ApiContext } from '../context';

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

/** Fills the context's RequestInfo: the operation when it is resolved, errors as they are met and sent. */
export function requestInfoPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart({ contextValue }) {
      const info = contextValue.requestInfo;
      if (!info) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (operationName) info.operationName = operationName;
          const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
          if (first?.kind === Kind.FIELD) info.rootField = first.name.value;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const kind = classifyDriverError(unwrapResolverError(error));
            if (kind) info.databaseErrors.push(kind);
          }
        },
        async willSendResponse({ response }) {
          const code = response.body.kind === 'single' ? response.body.singleResult.errors?.[0]?.extensions?.code : undefined;
          if (typeof code === 'string') info.errorCode = code;
        },
      };
    },
  };
}
