import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ErrorCode } from '@sweepscope/core';
import { resolveLeaseSettings } from './lease-settings.js';

describe('resolveLeaseSettings', () => {
  it('defaults to a 30 s lease renewed every 10 s, and 3 losses in one epoch', () => {
    assert.deepEqual(resolveLeaseSettings(), { leaseMs: 30_000, heartbeatMs: 10_000, maxCrashes: 3 });
  });

  it('takes a third of a given lease as the heartbeat', () => {
    assert.deepEqual(resolveLeaseSettings({ leaseMs: 3000 }), { leaseMs: 3000, heartbeatMs: 1000, maxCrashes: 3 });
  });

  it('refuses a heartbeat not shorter than the lease, and values that are not positive whole numbers, naming the variable', () => {
    assert.throws(() => resolveLeaseSettings({ leaseMs: 1000, heartbeatMs: 1000 }), {
      code: ErrorCode.BadUserInput,
      message: /SWEEPSCOPE_HEARTBEAT_MS \(1000\) must be shorter than SWEEPSCOPE_LEASE_MS \(1000\)/,
    });
    assert.throws(() => resolveLeaseSettings({ leaseMs: Number.NaN }), { message: /SWEEPSCOPE_LEASE_MS must be a positive whole number/ });
    process.env.SWEEPSCOPE_LEASE_MS = '30s';
    try {
      assert.throws(() => resolveLeaseSettings(), {
        message: /^SWEEPSCOPE_LEASE_MS must be a positive whole number \(the lease length in milliseconds\), got "30s"\.$/,
      });
    } finally {
      delete process.env.SWEEPSCOPE_LEASE_MS;
    }
    assert.throws(() => resolveLeaseSettings({ maxCrashes: 0 }), { message: /SWEEPSCOPE_MAX_CRASHES must be a positive whole number/ });
  });
});
