export { formatEpochTable } from './format-epoch-table.js';
export type { EpochTableFormat } from './format-epoch-table.js';
export { readSweepEpochs } from './read-sweep-epochs.js';
