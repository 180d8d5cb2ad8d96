import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeWorker } from './describe-worker';

describe('describeWorker', () => {
  it('reads host:pid as a process on a host, and keeps a name of another shape', () => {
    assert.equal(describeWorker('gpu-box.local:4242'), 'worker 4242 on gpu-box.local');
    assert.equal(describeWorker('fe80::1:77'), 'worker 77 on fe80::1');
    assert.equal(describeWorker('pool-7'), 'worker pool-7');
  });
});
