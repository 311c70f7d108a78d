import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Query limits, enforced before execution; exported so that tests and docs use the same numbers. */
export const QUERY_LIMITS = {
  // Every list is a connection (a list field, then nodes or edges { node }), so a level of nesting costs two or three.
  maxDepth: 16,
  maxAliases: 15,
  maxTokens: 2_000,
  /** The most objects a query may ask for, counting list sizes (first, limit, their defaults) multiplied down the nesting. */
  maxCost: 250_000,
  /** The most entities and relationships one request may read from the database, whatever the query's shape. */
  maxRecords: 50_000,
  maxDirectives: 20,
  /** Brackets, braces and parentheses in a query, or arrays and objects in its variables, nested at most this deep. */
  maxNesting: 64,
} as const;

/**
 * graphql-armor's validation rules and Apollo plugins for depth, aliases and directives. The token limit is left to
 * graphql-js's own parser (Apollo's `parseOptions.maxTokens`): armor's version throws from a plugin hook, which Apollo
 * answers with a 500, where the parser's is an ordinary parse error answered with a 400. Cost and result size have
 * plugins of their own (plugin/).
 */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { enabled: false },
    // The cost limit is plugin/cost-limit.ts: armor's counts only literal `first` arguments.
    costLimit: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
