/**
 * Where a run stands, in the order a run passes through them. The database's `RunStatus`
 * enum and the API's hold the same values; both are checked against this list.
 */
export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'diverged', 'cancelled', 'stopped_early', 'pruned'] as const;

/** Where a run stands. */
export type RunStatus = (typeof runStatuses)[number];

/** The statuses a run ends in: after one of these it trains no more until a person retries it. */
export const finalRunStatuses = ['succeeded', 'failed', 'diverged', 'cancelled', 'stopped_early', 'pruned'] as const satisfies readonly RunStatus[];

/** How a run ended. */
export type FinalRunStatus = (typeof finalRunStatuses)[number];

/** The statuses a person can cancel a run from: it has not ended. */
export const cancellableRunStatuses = ['queued', 'running'] as const satisfies readonly RunStatus[];

/**
 * The statuses a person can retry a run from. A run stopped early or pruned is left out: it
 * ended as its sweep's rules asked, and would end so again.
 */
export const retryableRunStatuses = ['failed', 'diverged', 'cancelled'] as const satisfies readonly RunStatus[];
