import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, GraphQLError } from 'graphql';
import type { ApiContext } from '../context';
import { queryCost } from '../cost';
import { ErrorCode } from '../errors';

/**
 * Refuses, before execution, an operation that could return more than `maxCost` objects (see cost.ts): the count
 * takes variables and default arguments into account and multiplies list sizes down the nesting, so that asking for
 * less never costs more.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          // An operation the document lacks is the executor's to refuse (OPERATION_RESOLUTION_FAILURE), not costed here.
          if (!getOperationAST(document, request.operationName ?? undefined)) return;
          const cost = queryCost(schema, document, operationName, request.variables ?? {});
          if (cost <= maxCost) return;
          throw new GraphQLError(
            `The query could return up to ${cost} objects (list sizes from first, limit and their defaults, multiplied down ` +
              `the nesting); the limit is ${maxCost}. Ask for fewer with first or limit, or split the query.`,
            { extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost, limit: maxCost, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
