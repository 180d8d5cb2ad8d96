/**
 * Loading data sets, without the model or TensorFlow.js behind it: for a process that only
 * needs to know the data can be read (`npm start`, before it queues the first sweep).
 */
export { loadDataset } from './load-dataset.js';
export type { LoadDatasetOptions } from './load-dataset.js';
export type { Dataset, Split } from './dataset.js';
