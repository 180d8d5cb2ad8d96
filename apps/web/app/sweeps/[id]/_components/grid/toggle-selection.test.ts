import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { toggleSelection } from './toggle-selection';

describe('toggleSelection', () => {
  it("adds a cell's runs after those already selected", () => {
    assert.deepEqual(toggleSelection(['1'], ['5', '6']), ['1', '5', '6']);
  });

  it('removes them all when every one is selected', () => {
    assert.deepEqual(toggleSelection(['5', '1', '6'], ['5', '6']), ['1']);
  });

  it('completes a cell only partly selected rather than emptying it', () => {
    assert.deepEqual(toggleSelection(['6'], ['5', '6']), ['6', '5']);
  });

  it('changes nothing for a cell without runs', () => {
    assert.deepEqual(toggleSelection(['1'], []), ['1']);
  });
});
