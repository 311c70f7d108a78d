import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Kind } from 'graphql';
import { classifyDriverError } from '../../db/driver-errors';
import type { ApiContext } from '../context';

// The type lives with the context that carries it, so that this plugin and the context do not import each other.
export type { RequestInfo } from '../context';

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
