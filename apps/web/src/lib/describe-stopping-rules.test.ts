import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeEarlyStopping, describePruning } from './describe-stopping-rules';

describe('describeEarlyStopping', () => {
  it('gives the patience, or off without early stopping', () => {
    assert.equal(describeEarlyStopping(3), 'patience 3');
    assert.equal(describeEarlyStopping(null), 'off');
  });
});

describe('describePruning', () => {
  it('names the pruner with its warm-up epochs', () => {
    assert.equal(describePruning('median', 2), 'median after 2 warm-up epochs');
    assert.equal(describePruning('median', 1), 'median after 1 warm-up epoch');
  });

  it('is off without a pruner, whatever the warm-up', () => {
    assert.equal(describePruning(null, 2), 'off');
  });
});
