import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';
import { parseCells } from './parse-cells.js';

function assertRefused(text: string, mentions: RegExp): void {
  assert.throws(
    () => parseCells(text, '--cells'),
    (error: unknown) =>
      error instanceof SweepscopeError && error.code === ErrorCode.BadUserInput && mentions.test(error.message) && error.message.includes('--cells'),
  );
}

describe('parseCells', () => {
  it('reads batch size and learning rate pairs in order', () => {
    assert.deepEqual(parseCells('32:0.1, 128:1e-3'), [
      { batchSize: 32, learningRate: 0.1 },
      { batchSize: 128, learningRate: 0.001 },
    ]);
  });

  it('refuses a pair without a colon and shows the expected form', () => assertRefused('32-0.1', /"32-0\.1".*e\.g\. "32:0\.1/));
  it('refuses a batch size that is not a whole number of at least 1', () => {
    assertRefused('0:0.1', /batch size "0"/);
    assertRefused('3.5:0.1', /batch size "3\.5"/);
  });
  it('refuses a learning rate that is not a positive number', () => {
    assertRefused('32:abc', /learning rate "abc"/);
    assertRefused('32:-0.1', /learning rate "-0\.1"/);
    assertRefused('32:0', /learning rate "0"/);
  });
  it('refuses an empty list and a repeated cell', () => {
    assertRefused('', /empty/);
    assertRefused('32:0.1,32:0.1', /twice/);
  });
});
