import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { createDepthLimitRule } from './create-depth-limit-rule.js';

const schema = buildSchema(`
  type Query { sweep: Sweep, node: Node }
  interface Node { id: ID! }
  type Sweep implements Node { id: ID!, name: String, runs: [Run!]!, sweep: Sweep }
  type Run implements Node { id: ID!, sweep: Sweep!, epochs: [Epoch!]! }
  type Epoch { loss: Float, run: Run! }
`);

function errorsOf(query: string, maxDepth: number) {
  return validate(schema, parse(query), [...specifiedRules, createDepthLimitRule(maxDepth)]);
}

describe('createDepthLimitRule', () => {
  it('accepts an operation exactly as deep as the limit', () => {
    assert.deepEqual(errorsOf(`{ sweep { runs { epochs { loss } } } }`, 4), []);
  });

  it('refuses an operation one level deeper, with the validation code, its depth and the limit', () => {
    const errors = errorsOf(`query Deep { sweep { runs { epochs { run { id } } } } }`, 4);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.equal(errors[0]?.message, 'Operation "Deep" is 5 levels deep; this server allows at most 4.');
  });

  it('counts the fields inside named fragments, and fragments spread inside fragments', () => {
    const query = `
      { sweep { ...SweepRuns } }
      fragment SweepRuns on Sweep { runs { ...RunEpochs } }
      fragment RunEpochs on Run { epochs { run { id } } }`;
    assert.deepEqual(errorsOf(query, 5), []);
    assert.match(errorsOf(query, 4)[0]?.message ?? '', /is 5 levels deep; this server allows at most 4/);
  });

  it('counts the fields inside inline fragments', () => {
    const query = `{ node { ... on Sweep { runs { epochs { loss } } } } }`;
    assert.deepEqual(errorsOf(query, 4), []);
    assert.equal(errorsOf(query, 3).length, 1);
  });

  it('measures a fragment spread many times once, so a fan-out of fragments validates at once', () => {
    // Each fragment spreads the next twice: walking every spread would take 2^24 steps.
    const fragments = Array.from({ length: 24 }, (_, i) =>
      i === 23 ? `fragment F${i} on Sweep { id }` : `fragment F${i} on Sweep { sweep { ...F${i + 1} } ... on Sweep { sweep { ...F${i + 1} } } }`,
    );
    const started = Date.now();
    const errors = errorsOf(`{ sweep { ...F0 } } ${fragments.join('\n')}`, 10);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.match(errors.find((error) => error.extensions.code === 'GRAPHQL_VALIDATION_FAILED')?.message ?? '', /is 25 levels deep/);
  });

  it('does not loop on a fragment cycle, which graphql reports itself', () => {
    const errors = errorsOf(`{ sweep { ...A } } fragment A on Sweep { sweep { ...B } } fragment B on Sweep { sweep { ...A } }`, 10);
    assert.ok(errors.some((error) => /Cannot spread fragment/.test(error.message)));
  });

  it('does not count introspection fields, so the standard introspection query passes a limit of 10', () => {
    assert.deepEqual(errorsOf(getIntrospectionQuery(), 10), []);
    assert.deepEqual(errorsOf(`{ __typename sweep { __typename id } }`, 2), []);
  });

  it('refuses a limit that is not a positive integer', () => {
    assert.throws(() => createDepthLimitRule(0), RangeError);
    assert.throws(() => createDepthLimitRule(2.5), RangeError);
  });
});
