import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { compareHref } from './compare-href';

describe('compareHref', () => {
  it('lists the runs in order, commas readable', () => {
    assert.equal(compareHref(['12', '3', '40']), '/compare?runs=12,3,40');
  });

  it('opens the empty compare page for no runs', () => {
    assert.equal(compareHref([]), '/compare');
  });
});
