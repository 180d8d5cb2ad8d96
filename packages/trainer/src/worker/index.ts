export { startWorker } from './start-worker.js';
export type { StartWorkerOptions, TrainingWorker } from './start-worker.js';
