import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes } from './format-bytes.js';

describe('formatBytes', () => {
  it('names a size in the unit that keeps it readable, in decimal units', () => {
    assert.deepEqual([0, 812, 48_300, 999_960, 26_421_880, 1_200_000_000].map(formatBytes), ['0 B', '812 B', '48.3 kB', '1.0 MB', '26.4 MB', '1.2 GB']);
  });
});
