import { Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode } from '../graphql/errors';
import { QUERY_LIMITS } from '../graphql/limits';

/** A request refused before it reaches GraphQL: the status, the code and a message naming the limit. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}

/**
 * How deep brackets, braces and parentheses nest in a GraphQL document, outside strings and comments. graphql-js's
 * parser recurses once per level, so a document nested tens of thousands deep exhausts the stack before its token
 * limit is reached; this scan is iterative and stops counting once past `stopAt`.
 */
export function nestingDepth(query: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '#') {
      while (i < query.length && query[i] !== '\n' && query[i] !== '\r') i++;
    } else if (c === '"') {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        i = end < 0 ? query.length : end + 2;
      } else {
        for (i++; i < query.length && query[i] !== '"' && query[i] !== '\n'; i++) if (query[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > stopAt) return deepest;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/** How deep arrays and objects nest in a JSON value (the variables), walked without recursion. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const limit = QUERY_LIMITS.maxNesting;

/** Why a GraphQL request's query or variables nest too deep to be processed safely, or undefined when they do not. */
export function nestingRefusal(query: unknown, variables: unknown): Refusal | undefined {
  const inQuery = typeof query === 'string' ? nestingDepth(query, limit) : 0;
  if (inQuery > limit) {
    return {
      status: 400,
      code: ErrorCode.NESTING_LIMIT_EXCEEDED,
      message: `The query nests brackets, braces or parentheses more than ${limit} deep (found ${inQuery} at least); the limit is ${limit}.`,
    };
  }
  const inVariables = jsonDepth(variables, limit);
  if (inVariables > limit) {
    return {
      status: 400,
      code: ErrorCode.NESTING_LIMIT_EXCEEDED,
      message: `The variables nest arrays or objects more than ${limit} deep (found ${inVariables} at least); the limit is ${limit}.`,
    };
  }
  return undefined;
}

/** Why a request body's declared charset cannot be read, or undefined for UTF-8 (or none, which JSON means as UTF-8). */
export function charsetRefusal(contentType: string | undefined): Refusal | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return undefined;
  return { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: `The request body's charset ${charset} is not supported; send UTF-8.` };
}

/** Automatic persisted queries are refused (Apollo's own answer would be a 200): the API keeps no query cache. */
export function persistedQueryRefusal(extensions: unknown): Refusal | undefined {
  if (extensions === null || typeof extensions !== 'object' || !('persistedQuery' in extensions)) return undefined;
  return {
    status: 400,
    code: ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
    message: 'Persisted queries are not supported: the API keeps no query cache. Send the query itself.',
  };
}

/**
 * A query of nothing but whitespace, commas and comments is refused as empty (graphql-js would answer "Syntax Error:
 * Unexpected <EOF>"); the lexer reads only up to the first token, so a long document costs nothing here.
 */
export function emptyQueryRefusal(query: unknown): Refusal | undefined {
  if (typeof query !== 'string') return undefined;
  try {
    if (new Lexer(new Source(query)).advance().kind !== TokenKind.EOF) return undefined;
  } catch {
    // A character GraphQL does not allow: the parser reports it where it is.
    return undefined;
  }
  return {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: 'The query is empty (nothing but whitespace, commas or comments): send a GraphQL operation, such as { statistics { nodes } }.',
  };
}
