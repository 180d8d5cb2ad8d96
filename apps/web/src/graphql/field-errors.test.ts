import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';

import { splitFieldErrors } from './field-errors';

function badInput(message: string, field?: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

describe('splitFieldErrors', () => {
  it('files an error under the last part of its extensions.field', () => {
    const error = new CombinedError({ graphQLErrors: [badInput('epochs is 0: expected a whole number from 1 to 10000.', ['epochs'])] });
    assert.deepEqual(splitFieldErrors(error), { byField: { epochs: 'epochs is 0: expected a whole number from 1 to 10000.' }, other: [] });
  });

  it('reads a field path that starts with the argument name', () => {
    const error = new CombinedError({ graphQLErrors: [badInput('bad cells', ['input', 'cells'])] });
    assert.deepEqual(splitFieldErrors(error).byField, { cells: 'bad cells' });
  });

  it('keeps errors without a field, and a network failure, apart', () => {
    const error = new CombinedError({
      networkError: new Error('fetch failed'),
      graphQLErrors: [new GraphQLError('Sweep is read-only', { extensions: { code: 'CONFLICT' } })],
    });
    const split = splitFieldErrors(error);
    assert.deepEqual(split.byField, {});
    assert.equal(split.other.length, 2);
    assert.match(split.other[0] ?? '', /fetch failed/);
    assert.equal(split.other[1], 'Sweep is read-only');
  });

  it('keeps the first message when two errors name one field', () => {
    const error = new CombinedError({ graphQLErrors: [badInput('first', ['seed']), badInput('second', ['seed'])] });
    assert.equal(splitFieldErrors(error).byField['seed'], 'first');
  });
});
