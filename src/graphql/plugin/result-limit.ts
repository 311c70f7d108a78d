import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../context';
import { ErrorCode } from '../errors';

/**
 * When a request ran out of its result budget (budget.ts), every field still loading fails with the same error; the
 * answer is then that one error and no data, rather than a partial answer with an error per field.
 */
export function resultLimitPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const exceeded = errors.find((error) => error.extensions?.code === ErrorCode.RESULT_LIMIT_EXCEEDED);
          if (exceeded) response.body.singleResult = { data: null, errors: [exceeded] };
        },
      };
    },
  };
}
