import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { parseCsv } from './parse-csv.js';

/** The refusal parseCsv throws for this text; fails the test when it throws none. */
function refusal(text: string): SweepscopeError {
  try {
    parseCsv(text, { source: 'runs.csv', field: 'file' });
  } catch (error) {
    assert.ok(error instanceof SweepscopeError, `expected a SweepscopeError, got ${String(error)}`);
    assert.equal(error.code, ErrorCode.BadUserInput);
    assert.deepEqual(error.field, ['file']);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be refused`);
}

describe('parseCsv', () => {
  it('splits records on LF and CRLF alike, numbering each by the line it starts on', () => {
    assert.deepEqual(parseCsv('a,b\r\n1,2\n3,4'), [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, and counts the lines they span', () => {
    assert.deepEqual(parseCsv('name,note\r\n"a, b","say ""hi""\r\nthere"\r\nc,""\r\n'), [
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['a, b', 'say "hi"\r\nthere'] },
      { line: 4, fields: ['c', ''] },
    ]);
  });

  it('skips a byte-order mark, blank lines and the final line break, but keeps empty fields', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\n\n1,\n\n'), [
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', ''] },
    ]);
    assert.deepEqual(parseCsv(''), []);
  });

  it('refuses a quote inside an unquoted field, naming its line', () => {
    assert.match(refusal('a,b\n1,x"y\n').message, /^runs\.csv line 2: the field "x\\"".* holds a quote: expected quotes only around a whole field/);
  });

  it('refuses text after a closing quote and a quote never closed, naming the line', () => {
    assert.match(refusal('a\n"x"y\n').message, /^runs\.csv line 2: a quoted field is followed by "y": expected a comma or the end of the line/);
    assert.equal(refusal('a\n1\n"open\nstill open').message, 'runs.csv line 3: a quoted field is never closed: expected a closing ".');
  });
});
