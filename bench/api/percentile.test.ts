import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile, summarizeLatencies } from './percentile.js';

test('takes the nearest rank, so every percentile is a measured value', () => {
  const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
  assert.equal(percentile(samples, 50), 5);
  assert.equal(percentile(samples, 99), 10);
  assert.equal(percentile(samples, 0), 1);
  assert.equal(percentile(samples, 100), 10);
});

test('puts p99 of 200 samples at the second largest', () => {
  const samples = Array.from({ length: 200 }, (_, index) => index + 1);
  assert.equal(percentile(samples, 99), 198);
});

test('answers NaN for no samples and refuses a p outside 0–100', () => {
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.throws(() => percentile([1], 101), /expected p in 0–100, got 101/);
});

test('summarizes without reordering the caller’s array', () => {
  const samples = [3, 1, 2];
  assert.deepEqual(summarizeLatencies(samples), { count: 3, p50: 2, p99: 3, max: 3 });
  assert.deepEqual(samples, [3, 1, 2]);
});
