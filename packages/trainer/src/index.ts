export { selectBackend } from './backend/select-backend.js';
export type { BackendPreference, SelectedBackend } from './backend/select-backend.js';
export { loadDataset } from './data/load-dataset.js';
export type { LoadDatasetOptions } from './data/load-dataset.js';
export type { Dataset, Split } from './data/dataset.js';
export { buildClassifier, buildMobileNetV2Base } from './model/build-mobilenet-v2.js';
export { trainModel } from './train/train-model.js';
export type { EpochMetrics, TrainModelOptions, TrainModelResult } from './train/train-model.js';
