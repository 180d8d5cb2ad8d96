import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { findErrorLine, readLines } from './read-error-lines';

describe('findErrorLine', () => {
  it('reads the line a refusal names for its file, and nothing from a JSON row or another file', () => {
    assert.equal(findErrorLine('my runs (1).csv line 12: loss is "abc": expected a finite number.', 'my runs (1).csv'), 12);
    assert.equal(findErrorLine('runs.json row 3 is 1: expected an object', 'runs.json'), undefined);
    assert.equal(findErrorLine('other.csv line 2: x', 'runs.csv'), undefined);
  });
});

describe('readLines', () => {
  it('reads the lines asked for, whatever their endings and however the file is split, and cuts a long one', async () => {
    const file = new Blob(['a,b\r\n1,2\n', '3,', `4\r5,${'x'.repeat(300)}\n6,7`]);
    assert.deepEqual(await readLines(file, 2, 3), [
      { number: 2, text: '1,2' },
      { number: 3, text: '3,4' },
    ]);
    const [long, last] = await readLines(file, 4, 9);
    assert.equal(long?.text.length, 241);
    assert.ok(long?.text.endsWith('…'));
    assert.deepEqual(last, { number: 5, text: '6,7' });
  });
});
