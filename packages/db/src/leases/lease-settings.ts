import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { heartbeatMsSetting, leaseMsSetting, maxCrashesSetting } from '../env.js';

/** How workers hold runs, and when a run is taken back from a worker that stopped answering. */
export interface LeaseSettings {
  /**
   * How long a lease lasts without a heartbeat, in ms. A run whose worker died is taken back
   * within about this long plus one heartbeat; a worker paused or cut off for longer loses it.
   * @default 30000
   */
  leaseMs: number;
  /** How often a worker renews its lease (and a reclaimer looks for runs to take back), in ms. @default leaseMs / 3 */
  heartbeatMs: number;
  /**
   * How many times in a row a run may lose its worker in the same epoch before it is failed
   * with the reason, rather than queued again: a run that kills its worker each time (an
   * out-of-memory abort) would otherwise loop. @default 3
   */
  maxCrashes: number;
}

/**
 * The lease settings: what is given, else the environment (`SWEEPSCOPE_LEASE_MS`,
 * `SWEEPSCOPE_HEARTBEAT_MS`, `SWEEPSCOPE_MAX_CRASHES`), else the defaults.
 * @throws {SweepscopeError} BAD_USER_INPUT for a value that is not a positive whole number,
 *   or a heartbeat not shorter than the lease
 */
export function resolveLeaseSettings(given: Partial<LeaseSettings> = {}): LeaseSettings {
  const leaseMs = check(given.leaseMs ?? leaseMsSetting() ?? 30_000, 'SWEEPSCOPE_LEASE_MS', 'the lease length in milliseconds');
  const heartbeatMs = check(
    given.heartbeatMs ?? heartbeatMsSetting() ?? Math.max(1, Math.floor(leaseMs / 3)),
    'SWEEPSCOPE_HEARTBEAT_MS',
    'how often a worker renews its lease, in milliseconds',
  );
  const maxCrashes = check(given.maxCrashes ?? maxCrashesSetting() ?? 3, 'SWEEPSCOPE_MAX_CRASHES', 'a count of worker losses');
  if (heartbeatMs >= leaseMs) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `SWEEPSCOPE_HEARTBEAT_MS (${heartbeatMs}) must be shorter than SWEEPSCOPE_LEASE_MS (${leaseMs}): a lease would run out between two heartbeats. A third of the lease is a good value.`,
      { field: ['SWEEPSCOPE_HEARTBEAT_MS'] },
    );
  }
  return { leaseMs, heartbeatMs, maxCrashes };
}

/** A setting as a positive whole number, whether given as one or as the environment's text. */
function check(given: number | string, variable: string, meaning: string): number {
  const value = typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : given;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${variable} must be a positive whole number (${meaning}), got ${JSON.stringify(given)}.`, {
      field: [variable],
    });
  }
  return value;
}
