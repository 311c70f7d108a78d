import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { compiledExecution } from './compiled-executor';
import { createFormatError, type ApiLogger } from './errors';
import { armor, QUERY_LIMITS } from './limits';
import { costLimitPlugin } from './plugin/cost-limit';
import { requestInfoPlugin } from './plugin/request-info';
import { resultLimitPlugin } from './plugin/result-limit';
import type { ApiContext } from './context';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './type-defs';

/**
 * The API's executable schema: its type definitions and resolvers. Every other field is its source's own property of
 * the same name (records carry their stored properties as own fields), which graphql-jit reads without a call.
 */
export function buildApiSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}

/** Builds the Apollo server with the API's schema, limits and error shaping; `logger` receives internal errors. */
export function createApolloServer(logger: ApiLogger = console): ApolloServer<ApiContext> {
  const protection = armor();
  const schema = buildApiSchema();
  return new ApolloServer<ApiContext>({
    // graphql-jit executes, through the gateway interface: graphql-js spent 28 ms walking a 20,000-field answer.
    gateway: compiledExecution(schema),
    formatError: createFormatError(logger),
    logger,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: their cache is memory a client could fill, and the API's queries are small.
    persistedQueries: false,
    csrfPrevention: true,
    // Cache control is off: nothing here sets cache hints, and its per-field hook costs a promise per resolved field.
    plugins: [
      ...protection.plugins,
      costLimitPlugin(QUERY_LIMITS.maxCost),
      resultLimitPlugin(),
      requestInfoPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: protection.validationRules,
  });
}
