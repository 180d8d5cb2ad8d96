/**
 * A worker's hold on a run, from claiming it to its end: every write for the run names it.
 * Lease times are always the database's clock, never a worker's, so machines whose clocks
 * disagree still agree on when a lease runs out.
 */
export interface RunLease {
  runId: number;
  /** Drawn afresh at each claim, so a worker that lost the run cannot write as its successor. */
  token: string;
  /** How long each renewal holds the run, in ms. */
  leaseMs: number;
}
