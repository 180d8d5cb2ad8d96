import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatAge, formatDuration, formatLearningRate, formatPercent } from './format';

describe('formatPercent', () => {
  it('writes a fraction as a percentage with one decimal', () => {
    assert.equal(formatPercent(0.8734), '87.3%');
    assert.equal(formatPercent(1), '100.0%');
  });

  it('writes a dash when there is no value yet', () => {
    assert.equal(formatPercent(null), '–');
    assert.equal(formatPercent(undefined), '–');
    assert.equal(formatPercent(Number.NaN), '–');
  });
});

describe('formatAge', () => {
  const now = Date.parse('2025-03-10T12:00:00.000Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('says just now under a minute, and for a time slightly in the future', () => {
    assert.equal(formatAge(ago(59_000), now), 'just now');
    assert.equal(formatAge(ago(-5_000), now), 'just now');
  });

  it('counts whole minutes, hours and days', () => {
    assert.equal(formatAge(ago(3 * 60_000 + 59_000), now), '3 min ago');
    assert.equal(formatAge(ago(5 * 3_600_000), now), '5 h ago');
    assert.equal(formatAge(ago(24 * 3_600_000), now), '1 day ago');
    assert.equal(formatAge(ago(9 * 24 * 3_600_000), now), '9 days ago');
  });

  it('gives the date for anything older than a month', () => {
    assert.doesNotMatch(formatAge(ago(90 * 24 * 3_600_000), now), /ago/);
  });

  it('returns text that is no timestamp unchanged', () => {
    assert.equal(formatAge('yesterday', now), 'yesterday');
  });
});

describe('formatLearningRate', () => {
  it('writes decimals from 0.001 to below 10,000, to three significant digits', () => {
    assert.equal(formatLearningRate(0.001), '0.001');
    assert.equal(formatLearningRate(0.10000000000000002), '0.1');
    assert.equal(formatLearningRate(1), '1');
    assert.equal(formatLearningRate(30), '30');
    assert.equal(formatLearningRate(5000), '5000');
    assert.equal(formatLearningRate(9999), '1e4', 'rounded to 10,000 first');
  });

  it('writes exponent notation beyond, as learning rates are written', () => {
    assert.equal(formatLearningRate(3e-5), '3e-5');
    assert.equal(formatLearningRate(0.00014678), '1.47e-4');
    assert.equal(formatLearningRate(1e20), '1e20');
    assert.equal(formatLearningRate(3.4e38), '3.4e38');
  });
});

describe('formatDuration', () => {
  it('writes seconds, then two units at most', () => {
    assert.equal(formatDuration(42_900), '42 s');
    assert.equal(formatDuration(12 * 60_000 + 5_000), '12 min 05 s');
    assert.equal(formatDuration(3 * 3_600_000 + 5 * 60_000), '3 h 05 min');
    assert.equal(formatDuration(24 * 3_600_000), '1 day 0 h');
    assert.equal(formatDuration(52 * 3_600_000), '2 days 4 h');
  });

  it('writes a dash for no time, or a negative one', () => {
    assert.equal(formatDuration(null), '–');
    assert.equal(formatDuration(-5), '–');
  });
});
