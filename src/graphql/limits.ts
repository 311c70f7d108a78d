import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Query limits, enforced by graphql-armor before execution; exported so that tests and docs use the same numbers. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2_000,
  maxCost: 10_000,
  maxDirectives: 20,
} as const;

/** graphql-armor's Apollo plugins and validation rules for the limits above. */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
