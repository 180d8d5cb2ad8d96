import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatPercent } from './format';

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
