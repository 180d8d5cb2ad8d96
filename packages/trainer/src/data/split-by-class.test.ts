import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { splitByClass } from './split-by-class.js';

const files = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('splitByClass', () => {
  test('holds out the rounded share of every class, keeping the original order', () => {
    const { train, val } = splitByClass({ byClass: [files('a', 10), files('b', 3), files('c', 2)], valFraction: 0.2, seed: 7 });
    assert.deepEqual(
      val.map((items) => items.length),
      [2, 1, 0],
    );
    assert.deepEqual(
      train.map((items) => items.length),
      [8, 2, 2],
    );
    assert.deepEqual([...(train[0] ?? []), ...(val[0] ?? [])].sort(), files('a', 10).sort());
    assert.deepEqual(
      train[0],
      [...(train[0] ?? [])].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))),
    );
  });

  test('always leaves a class at least one training item', () => {
    const { train, val } = splitByClass({ byClass: [['only'], files('b', 2)], valFraction: 0.9, seed: 1 });
    assert.deepEqual(train, [['only'], train[1]]);
    assert.equal(train[1]?.length, 1);
    assert.equal(val[1]?.length, 1);
  });

  test('is the same for a seed, differs for another, and keeps other classes when one grows', () => {
    const split = (seed: number, a: number): string[][] => splitByClass({ byClass: [files('a', a), files('b', 20)], valFraction: 0.25, seed }).val;
    assert.deepEqual(split(1, 20), split(1, 20));
    assert.notDeepEqual(split(1, 20), split(2, 20));
    assert.deepEqual(split(1, 40)[1], split(1, 20)[1]);
  });

  test('rejects a fraction outside [0, 1)', () => {
    assert.throws(() => splitByClass({ byClass: [], valFraction: 1, seed: 1 }), /expected valFraction in \[0, 1\), got 1/);
    assert.throws(() => splitByClass({ byClass: [], valFraction: Number.NaN, seed: 1 }), /got NaN/);
  });
});
