/**
 * The settings a sweep starts from and the data sets it may name, with no database code
 * behind them: safe to bundle into the dashboard's browser code, which shows them in its
 * New sweep form.
 */
export { defaultPreset, presetNames, presets, referenceCells } from '../sweeps/presets.js';
export type { Preset, PresetName } from '../sweeps/presets.js';
export { datasetNames } from '../sweeps/validate-sweep-input.js';
export type { DatasetName } from '../sweeps/validate-sweep-input.js';
export { countTrainingImages, fashionMnistTrainImages, syntheticDefaultImages } from '../sweeps/count-training-images.js';
