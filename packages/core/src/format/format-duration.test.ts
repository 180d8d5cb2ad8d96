import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(12_340), '12.3 s');
    assert.equal(formatDuration(245_000), '4 min 05 s');
    assert.equal(formatDuration(7_380_000), '2 h 03 min');
  });

  it('writes a dash for a duration not recorded', () => {
    assert.equal(formatDuration(null), '–');
    assert.equal(formatDuration(undefined), '–');
    assert.equal(formatDuration(-1), '–');
  });
});
