export { epochColumns } from './epoch-row.js';
export type { EpochColumn, EpochRow, LocatedEpochRow } from './epoch-row.js';
export { importResults } from './import-results.js';
export type { ImportResultsOptions, ImportResultsResult, ImportSweepInput } from './import-results.js';
export { readResults, resultsFormats } from './read-results.js';
export type { ReadResultsOptions, ResultsFormat, ResultsInput } from './read-results.js';
export { isDecimalNumber } from './read-column-value.js';
