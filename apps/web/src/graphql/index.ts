export { hasApiErrorCode } from './api-error-code';
export { EpochAddedSubscription } from './epoch-added.subscription';
export { EpochFieldsFragment } from './epoch-fields.fragment';
export { RunCellFragment } from './run-cell.fragment';
export { RunEpochsQuery } from './run-epochs.query';
export { RunUpdatedSubscription } from './run-updated.subscription';
export { SweepQuery } from './sweep.query';
export { SweepsQuery } from './sweeps.query';

export type { EpochAddedData, EpochAddedVariables } from './epoch-added.subscription';
export type { EpochFields } from './epoch-fields.fragment';
export type { RunCell } from './run-cell.fragment';
export type { RunEpochs, RunEpochsQueryData, RunEpochsQueryVariables } from './run-epochs.query';
export type { RunUpdatedData, RunUpdatedVariables } from './run-updated.subscription';
export type { SweepDetail, SweepQueryData, SweepQueryVariables } from './sweep.query';
export type { SweepSummary, SweepsQueryData } from './sweeps.query';
export type { ApiErrorCode } from './api-error-code';
export type { DateTimeISO, ID, RunStatus, SweepStatus } from './types';
