import type { ErrorCode } from '../graphql/errors';

/** The one shape of every error body the HTTP layer sends, GraphQL's own: `{"errors":[{"message","extensions":{"code"}}]}`. */
export function errorBody(message: string, code: ErrorCode): { errors: { message: string; extensions: { code: ErrorCode } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}
