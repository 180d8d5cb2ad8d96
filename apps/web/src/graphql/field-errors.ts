import type { CombinedError } from '@urql/core';

/** A failed mutation's errors, split into those about one input field and the rest. */
export interface FieldErrors {
  /** Message per input field name (`extensions.field`'s last part, e.g. `epochs`); the first error wins. */
  byField: Record<string, string>;
  /** Messages naming no field: a network failure, a conflict, an unreadable request. */
  other: string[];
}

/**
 * Sorts a mutation's errors by the input field they name: the API puts the
 * field's path in `extensions.field` (`['epochs']`, or `['input', 'epochs']`)
 * on BAD_USER_INPUT errors from its validation. Errors with no field, and a
 * network failure, go to `other`.
 */
export function splitFieldErrors(error: CombinedError): FieldErrors {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  if (error.networkError !== undefined) other.push(error.networkError.message);
  for (const graphQLError of error.graphQLErrors) {
    const path: unknown = graphQLError.extensions['field'];
    const field: unknown = Array.isArray(path) ? path.at(-1) : undefined;
    if (typeof field === 'string' && field !== '') {
      byField[field] ??= graphQLError.message;
    } else {
      other.push(graphQLError.message);
    }
  }
  return { byField, other };
}
