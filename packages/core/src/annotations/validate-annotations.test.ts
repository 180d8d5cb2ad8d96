import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';
import { validateName, validateNotes, validateTags } from './validate-annotations.js';

function refusal(check: () => unknown): SweepscopeError {
  try {
    check();
  } catch (thrown) {
    assert.ok(thrown instanceof SweepscopeError);
    assert.equal(thrown.code, ErrorCode.BadUserInput);
    return thrown;
  }
  assert.fail('expected a refusal');
}

describe('validateTags', () => {
  it('trims each tag, keeps the order given and a repeated tag once', () => {
    assert.deepEqual(validateTags([' baseline ', 'fig 3', 'baseline', 'Fig 3'], 'tags'), ['baseline', 'fig 3', 'Fig 3']);
  });

  it('reads text as tags separated by commas, and empty text as none', () => {
    assert.deepEqual(validateTags('baseline, lr-sweep ,x', '--tags'), ['baseline', 'lr-sweep', 'x']);
    assert.deepEqual(validateTags('  ', '--tags'), []);
  });

  it('refuses an empty, overlong, comma-holding or control-character tag, naming the field and the limit', () => {
    assert.equal(refusal(() => validateTags(['a', ' '], 'tags')).message, 'tags has an empty tag: expected tags of 1 to 64 characters.');
    assert.equal(refusal(() => validateTags('a,,b', '--tags')).message, '--tags has an empty tag: expected tags of 1 to 64 characters, separated by commas.');
    assert.match(
      refusal(() => validateTags(['t'.repeat(65)], 'tags')).message,
      /^tags has a tag of 65 characters .*: expected tags of at most 64 characters\.$/,
    );
    assert.equal(
      refusal(() => validateTags(['a,b'], 'tags')).message,
      'tags has the tag "a,b": expected tags without commas or control characters (a comma separates tags).',
    );
    assert.deepEqual(refusal(() => validateTags(['a\u0000'], 'input.tags')).field, ['input.tags']);
  });

  it('takes 20 tags and refuses 21', () => {
    const tags = Array.from({ length: 21 }, (_, index) => `t${index}`);
    assert.equal(validateTags(tags.slice(0, 20), 'tags').length, 20);
    assert.equal(refusal(() => validateTags(tags, 'tags')).message, 'tags has 21 tags: expected at most 20 tags.');
  });
});

describe('validateNotes', () => {
  it('keeps lines and tabs, trimming the ends', () => {
    assert.equal(validateNotes('  first line\n\tsecond\r\nthird \n', 'notes'), 'first line\n\tsecond\r\nthird');
  });

  it('takes 10,000 characters and refuses 10,001', () => {
    assert.equal(validateNotes('n'.repeat(10_000), 'notes').length, 10_000);
    assert.equal(refusal(() => validateNotes('n'.repeat(10_001), 'notes')).message, 'notes is 10,001 characters long: expected at most 10,000 characters.');
  });

  it('refuses a control character other than a line break or tab, naming it', () => {
    assert.equal(refusal(() => validateNotes('a\u0000b', 'notes')).message, 'notes holds the control character U+0000: expected text, line breaks and tabs.');
    assert.match(refusal(() => validateNotes('\u001b[31m', 'notes')).message, /U\+001B/);
  });
});

describe('validateName', () => {
  it('trims, and refuses an empty name, one over 200 characters, or one with a control character', () => {
    assert.equal(validateName('  lr study ', 'name'), 'lr study');
    assert.equal(refusal(() => validateName(' ', 'name')).message, 'name is empty: expected a name of 1 to 200 characters.');
    assert.equal(refusal(() => validateName('n'.repeat(201), 'name')).message, 'name is 201 characters long: expected at most 200 characters.');
    assert.match(refusal(() => validateName('two\nlines', 'name')).message, /^name holds a control character .*: expected a name on one line/);
  });
});
