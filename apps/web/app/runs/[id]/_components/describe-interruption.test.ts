import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeInterruption, type InterruptionFields } from './describe-interruption';

const time = (iso: string) => iso.slice(11, 19);
const base: InterruptionFields = {
  kind: 'RECLAIMED',
  attempt: 1,
  worker: 'box-a:1234',
  lastHeartbeatAt: '2026-12-06T12:01:07.000Z',
  at: '2026-12-06T12:01:10.000Z',
  epochsDone: 3,
  resumedBy: 'box-b:5678',
  resumedAt: '2026-12-06T12:01:12.000Z',
};

describe('describeInterruption', () => {
  it('says which worker stopped answering and when, how far the run had got, and who resumed it', () => {
    assert.equal(
      describeInterruption(base, time),
      'Worker 1234 on box-a stopped answering at 12:01:07 after epoch 3; taken back at 12:01:10; resumed by worker 5678 on box-b at 12:01:12.',
    );
  });

  it('says a run still waits for a worker, and words a stopped worker and a retry', () => {
    assert.equal(
      describeInterruption({ ...base, kind: 'RELEASED', epochsDone: 0, resumedBy: null, resumedAt: null }, time),
      'Worker 1234 on box-a was stopped at 12:01:10 before its first epoch and gave the run back; waiting for a worker to resume it.',
    );
    assert.equal(
      describeInterruption({ ...base, kind: 'RETRIED', worker: null }, time),
      'Retried at 12:01:10 after epoch 3, keeping its epochs; resumed by worker 5678 on box-b at 12:01:12.',
    );
  });
});
