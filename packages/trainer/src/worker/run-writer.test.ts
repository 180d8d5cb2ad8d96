import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { createRunWriter } from './run-writer.js';

const lease = { runId: 7, token: 't', leaseMs: 100 };

function makeWriter() {
  const lost: string[] = [];
  const errors: string[] = [];
  const writer = createRunWriter({
    lease,
    onLost: (why, how) => lost.push(`${how}: ${why}`),
    onError: (what, error) => errors.push(`${what}: ${error.message}`),
  });
  return { writer, lost, errors };
}

describe('createRunWriter', () => {
  it('loses the run on a refused write, says why once, and writes nothing after', async () => {
    const { writer, lost } = makeWriter();
    let writes = 0;
    await writer.write('storing epoch 1', async () => {
      writes += 1;
      throw new SweepscopeError(ErrorCode.LeaseLost, "Run 7 is no longer this worker's: a person cancelled it.");
    });
    await writer.write('storing epoch 2', async () => void (writes += 1));
    await writer.beat('renewing its lease', async () => ((writes += 1), true));
    assert.equal(writes, 1);
    assert.deepEqual(lost, ["refused: Run 7 is no longer this worker's: a person cancelled it."]);
    assert.equal(writer.lost(), true);
  });

  it('loses the run when a write has no answer within the lease, without waiting for it', async () => {
    const { writer, lost } = makeWriter();
    const started = Date.now();
    await writer.write('storing epoch 3', () => new Promise(() => {}));
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(lost, ['unanswered: storing epoch 3 got no answer within the lease (100 ms): the database is out of reach or the connection died']);
  });

  it('loses the run on a refused beat, reports a failed beat without losing it, and throws other write errors', async () => {
    const { writer, lost, errors } = makeWriter();
    await writer.beat('renewing its lease', async () => {
      throw new Error('connection refused');
    });
    assert.deepEqual(errors, ['renewing its lease: connection refused']);
    await assert.rejects(
      writer.write('storing epoch 1', async () => Promise.reject(new Error('disk full'))),
      /disk full/,
    );
    assert.equal(writer.lost(), false);
    await writer.beat('renewing its lease', async () => false);
    assert.deepEqual(lost, ['refused: renewing its lease was refused: run 7 was cancelled, or taken over by another worker after its lease ran out']);
  });

  it('skips a progress beat while another write is under way, and runs writes one at a time', async () => {
    const { writer } = makeWriter();
    const order: string[] = [];
    const slow = writer.write('storing epoch 1', async () => {
      order.push('epoch start');
      await sleep(30);
      order.push('epoch end');
    });
    await writer.beat('its progress report', async () => (order.push('progress'), true), true);
    const renewal = writer.beat('renewing its lease', async () => (order.push('renewal'), true));
    await Promise.all([slow, renewal]);
    assert.deepEqual(order, ['epoch start', 'epoch end', 'renewal']);
  });
});
