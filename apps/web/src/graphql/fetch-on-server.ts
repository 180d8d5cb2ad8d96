import 'server-only';

import { CombinedError } from '@urql/core';
import type { TadaDocumentNode } from 'gql.tada';
import { GraphQLError, print } from 'graphql';

import { getEnv } from '@/env';

/** Options of {@link fetchOnServer}. */
export interface FetchOnServerOptions {
  /**
   * How long to wait for the API, in milliseconds, before giving up: a page
   * whose first paint waits on a hung API would never paint at all.
   * @default 5000
   */
  timeoutMs?: number;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Runs a typed document against the API from a server component, so that the
 * page's first HTML already holds its data. The API's address comes from
 * `SWEEPSCOPE_API_URL` ({@link getEnv}); the answer is never cached
 * (`cache: 'no-store'`): sweeps change while they train.
 *
 * @returns the document's data, typed by gql.tada from the schema.
 * @throws {CombinedError} the same shape urql's hooks report, so callers
 *   branch on it with `hasApiErrorCode`: `networkError` when the API cannot be
 *   reached, answers with a non-JSON body or times out; `graphQLErrors` when it
 *   returns errors (even alongside partial data).
 */
export async function fetchOnServer<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  { timeoutMs = 5_000 }: FetchOnServerOptions = {},
): Promise<Result> {
  const { apiUrl } = getEnv();
  let body: GraphQLResponseBody;
  let response: Response;
  try {
    response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: print(document), variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = (await response.json()) as GraphQLResponseBody;
  } catch (cause) {
    const networkError = cause instanceof Error ? cause : new Error(String(cause), { cause });
    throw new CombinedError({ networkError });
  }
  if (body.errors !== undefined && body.errors.length > 0) {
    const graphQLErrors = body.errors.map(
      (e) => new GraphQLError(e.message, { ...(e.path ? { path: e.path } : {}), ...(e.extensions ? { extensions: e.extensions } : {}) }),
    );
    throw new CombinedError({ graphQLErrors, response });
  }
  if (body.data === undefined || body.data === null) {
    throw new CombinedError({ networkError: new Error(`expected data from ${apiUrl}, got HTTP ${response.status} without any`) });
  }
  return body.data as Result;
}
