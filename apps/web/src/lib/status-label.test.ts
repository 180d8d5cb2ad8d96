import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { statusLabel } from './status-label';

describe('statusLabel', () => {
  it('reads a status in lower case, with a space between its words', () => {
    assert.equal(statusLabel('SUCCEEDED'), 'succeeded');
    assert.equal(statusLabel('STOPPED_EARLY'), 'stopped early');
    assert.equal(statusLabel('PRUNED'), 'pruned');
  });
});
