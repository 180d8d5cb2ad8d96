import type { LatencySummary } from './percentile.js';

/**
 * The messages between the bench and its subscriber process, declared once for both sides.
 * Times are milliseconds of the monotonic clock (`process.hrtime`), which every process on
 * the machine shares, so a commit time taken in one process and a receipt time taken in
 * the other can be subtracted.
 */

/** An epoch event told apart from the others by its run and epoch: `"<runId>:<epoch>"`. */
export type EventKey = string;

/** A stored epoch and when its transaction was seen to commit. */
export type Commit = readonly [key: EventKey, committedAtMs: number];

/** Bench → subscriber process. */
export type FleetCommand =
  /**
   * Open `subscribers` graphql-ws clients, each on its own WebSocket, each subscribed to the
   * sweep after `cursor`; client i connects to `wsUrls[i % wsUrls.length]`, so that several
   * servers share them evenly.
   */
  | { type: 'subscribe'; wsUrls: string[]; sweepId: number; cursor: string | null; subscribers: number }
  /**
   * Wait until every subscriber has had every one of `commits` (or `drainTimeoutMs` has
   * passed), then answer with the latencies and forget what was received.
   */
  | { type: 'collect'; commits: Commit[]; drainTimeoutMs: number }
  /** Close every client and exit. */
  | { type: 'close' };

/** Subscriber process → bench. */
export type FleetReply =
  { type: 'subscribed'; connected: number; failures: string[] } | { type: 'collected'; result: FanOutResult } | { type: 'failed'; message: string };

/** How a batch of events reached the subscribers. */
export interface FanOutResult {
  subscribers: number;
  events: number;
  /** (event, subscriber) pairs that arrived, of events × subscribers. */
  delivered: number;
  /** Commit → receipt over every delivered pair, in milliseconds. */
  latency: LatencySummary;
  /** Median latency of the first fifth of the events, by commit time. */
  earlyP50: number;
  /** Median latency of the last fifth: well above the first fifth's when a backlog grows. */
  lateP50: number;
  /** Fewest and most of the events one subscriber got. */
  fewestPerSubscriber: number;
  mostPerSubscriber: number;
  /** Subscribers that missed at least one event. */
  subscribersMissing: number;
  /** How long the wait for stragglers took after the command came, in milliseconds. */
  drainMs: number;
  /** Sockets closed under a subscriber since it connected, by close code ("code 1006"), over the process's life. */
  closedSockets: Record<string, number>;
  /** Subscriptions that ended or errored since the last collect, with why. */
  problems: string[];
}
