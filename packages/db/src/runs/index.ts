export { finishRun, requeueRun } from './finish-run.js';
export type { FinalRunStatus } from './finish-run.js';
export { recordEpoch } from './record-epoch.js';
export type { EpochMetrics } from './record-epoch.js';
export { startRun } from './start-run.js';
export type { StartRunOptions } from './start-run.js';
