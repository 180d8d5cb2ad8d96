export { enqueueRun, sweepFlag, trainRunTask } from './enqueue-run.js';
export type { TrainRunPayload } from './enqueue-run.js';
export { logErrorsOnly } from './log-errors-only.js';
