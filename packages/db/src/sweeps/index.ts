export { createSweep } from './create-sweep.js';
export type { CreateSweepOptions } from './create-sweep.js';
export { deriveSweepStatus } from './derive-sweep-status.js';
export type { SweepStatus } from './derive-sweep-status.js';
export { parseCells } from './parse-cells.js';
export type { Cell } from './parse-cells.js';
export { datasetNames, validateSweepInput } from './validate-sweep-input.js';
export type { DatasetName, SweepInput, SweepSettings, ValidateSweepInputOptions } from './validate-sweep-input.js';
