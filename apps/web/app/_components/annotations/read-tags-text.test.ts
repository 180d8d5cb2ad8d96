import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readTagsText } from './read-tags-text';

describe('readTagsText', () => {
  it('splits on commas, trims each tag and drops empty ones', () => {
    assert.deepEqual(readTagsText(' baseline, fig 3 ,,lr-sweep, '), ['baseline', 'fig 3', 'lr-sweep']);
  });

  it('reads empty or blank text as no tags', () => {
    assert.deepEqual(readTagsText(''), []);
    assert.deepEqual(readTagsText(' , '), []);
  });
});
