import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { createCostLimitRule } from './create-cost-limit-rule.js';

const schema = buildSchema(`
  type Query { sweep: Sweep, conclusions: Conclusions }
  type Sweep { id: ID!, name: String, runs: [Run!]! }
  type Run { id: ID!, loss: Float }
  type Conclusions { summary: String }
`);

function costOf(query: string): number {
  const [error] = validate(schema, parse(query), [...specifiedRules, createCostLimitRule(1)]);
  return Number(/costs (\d+)/.exec(error?.message ?? '')?.[1] ?? 0);
}

describe('createCostLimitRule', () => {
  it('costs a field 1 and conclusions 100, whatever the rows that come back', () => {
    assert.equal(costOf('{ sweep { id runs { id loss } } }'), 5);
    assert.equal(costOf('{ conclusions { summary } }'), 101);
  });

  it('counts every alias, and a fragment each time it is spread', () => {
    assert.equal(costOf('{ a: sweep { id } b: sweep { id } c: sweep { id } }'), 6);
    assert.equal(costOf('{ a: sweep { ...S } b: sweep { ...S } } fragment S on Sweep { id name runs { ... on Run { id } } }'), 10);
    assert.equal(costOf('{ sweep { __typename id } }'), 2);
  });

  it('measures each fragment once, so a chain that spreads the next twice is cheap to measure at its full cost', () => {
    const chain = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Sweep { ${i === 19 ? 'id' : `runs { id } ...F${i + 1} ...F${i + 1}`} }`).join(' ');
    let lookups = 0;
    const rule = createCostLimitRule(1);
    // Counts the rule's fragment lookups: 2^20 without the measure of each kept.
    const counting: ValidationRule = (context) =>
      rule(
        new Proxy(context, {
          get(target, key) {
            if (key === 'getFragment') lookups += 1;
            const value: unknown = Reflect.get(target, key);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        }),
      );
    const [error] = validate(schema, parse(`{ sweep { ...F0 } } ${chain}`), [counting]);
    assert.ok(Number(/costs (\d+)/.exec(error?.message ?? '')?.[1]) > 2 ** 19);
    assert.ok(lookups <= 40, `${lookups} lookups`);
  });

  it('charges introspection like any field, and __typename nothing', () => {
    assert.equal(costOf('{ __schema { types { name } } }'), 3);
    assert.equal(costOf('{ a: __type(name: "Sweep") { name } b: __type(name: "Run") { name } }'), 4);
  });

  it('accepts an operation at the limit and refuses one above it, with the validation code, its cost and the limit', () => {
    const errorsOf = (query: string, maxCost: number) => validate(schema, parse(query), [...specifiedRules, createCostLimitRule(maxCost)]);
    assert.deepEqual(errorsOf('{ sweep { id } }', 2), []);
    const [error, ...more] = errorsOf('query Many { a: conclusions { summary } b: conclusions { summary } }', 201);
    assert.equal(more.length, 0);
    assert.equal(error?.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(error?.message ?? '', /^Operation "Many" costs 202 .*; this server allows at most 201\. Split it into smaller requests\.$/);
  });

  it('refuses a limit that is not a positive whole number', () => {
    assert.throws(() => createCostLimitRule(0), RangeError);
    assert.throws(() => createCostLimitRule(1.5), RangeError);
  });
});
