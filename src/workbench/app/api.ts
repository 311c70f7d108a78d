/** An error the API answered with: its message and code, for the page to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** A GraphQL response body as the API sends it. */
export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The `data` of an answer, or its first error as an ApiError. */
export function dataOf<T>(body: GraphQLAnswer<T>): T {
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'ERROR');
  return body.data as T;
}

/** Runs a GraphQL query against the API this page came from; resolves with `data` or rejects with the first error. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The API cannot be reached. Is npm start still running?', 'NETWORK');
  }
  return dataOf((await response.json()) as GraphQLAnswer<T>);
}
