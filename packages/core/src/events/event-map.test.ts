import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEventPayload, parseEventPayload } from './event-map.js';

const epoch = {
  seq: 7,
  sweepId: 1,
  runId: 2,
  epochId: 3,
  attempt: 1,
  epoch: 1,
  loss: 2.3,
  accuracy: 0.1,
  valLoss: 2.4,
  valAccuracy: 0.1,
  durationMs: null,
  imagesPerSecond: 40,
};

describe('checkEventPayload', () => {
  it('passes a payload of the right shape through, typed', () => {
    assert.deepEqual(checkEventPayload('epoch:added', epoch), epoch);
    assert.deepEqual(checkEventPayload('run:updated', { seq: 1, sweepId: 1, runId: 2, status: 'stopped_early' }).status, 'stopped_early');
  });

  it('names the field and what it expected when a metric is not a number', () => {
    // A diverged loss travels as null in JSON: it must never reach a chart as a point.
    assert.throws(() => checkEventPayload('epoch:added', { ...epoch, loss: null }), {
      message: "The epoch:added event's loss is null: expected a number.",
    });
    assert.throws(() => checkEventPayload('epoch:added', { ...epoch, imagesPerSecond: '40' }), {
      message: 'The epoch:added event\'s imagesPerSecond is "40": expected a number or null.',
    });
  });

  it('says a field is missing, and refuses a status no run can have', () => {
    const { runId: _runId, ...withoutRun } = epoch;
    assert.throws(() => checkEventPayload('epoch:added', withoutRun), { message: "The epoch:added event's runId is missing: expected a number." });
    assert.throws(() => checkEventPayload('run:updated', { seq: 1, sweepId: 1, runId: 2, status: 'paused' }), {
      message: /run:updated event's status is "paused": expected one of queued, running, succeeded, failed, diverged, cancelled, stopped_early, pruned\./,
    });
  });

  it('refuses what is not an object, and text that is not JSON', () => {
    assert.throws(() => checkEventPayload('sweep:logged', [1]), { message: "The sweep:logged event's payload is [1]: expected an object." });
    assert.throws(() => parseEventPayload('sweep:logged', '{"sweepId":'), { message: /sweep:logged event's payload is not JSON/ });
    assert.deepEqual(parseEventPayload('sweep:logged', '{"sweepId":4}'), { sweepId: 4 });
  });
});
