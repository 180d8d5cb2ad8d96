import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EngineFaultError, EngineLostError, reportEngineFault, reportEngineLost, watchEngineFaults } from './engine-faults.js';

test('a watch fails on the first fault reported after it began, and counts the rest', () => {
  reportEngineFault('before the watch');
  const watch = watchEngineFaults();
  watch.check();
  reportEngineFault('first');
  reportEngineFault('second');
  assert.throws(
    () => watch.check(),
    (error: unknown) => error instanceof EngineFaultError && error.message === 'first (and 1 more errors after it)',
  );
  watch.stop();
});

test('a stopped watch counts nothing, and another watch is not failed by it', () => {
  const stopped = watchEngineFaults();
  stopped.stop();
  const next = watchEngineFaults();
  reportEngineFault('during the next');
  stopped.check();
  assert.throws(() => next.check(), /^EngineFaultError: during the next$/);
  next.stop();
  const after = watchEngineFaults();
  after.check();
  after.stop();
});

// Last: a lost engine stays lost for the rest of the process.
test('once the engine is lost, every watch fails, old and new, naming what failed after it', () => {
  const old = watchEngineFaults();
  reportEngineLost('gone');
  reportEngineLost('gone again');
  const cause = new Error('a read rejected');
  assert.throws(
    () => old.check(cause),
    (error: unknown) => error instanceof EngineLostError && error.message === 'gone' && error.cause === cause,
  );
  assert.throws(() => watchEngineFaults().check(), /^EngineLostError: gone$/);
});
