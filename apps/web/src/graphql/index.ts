export { hasApiErrorCode } from './api-error-code';
export { EpochFieldsFragment } from './epoch-fields.fragment';
export { RunCellFragment } from './run-cell.fragment';
export { RunEpochsQuery } from './run-epochs.query';
export { SweepEventsSubscription } from './sweep-events.subscription';
export { SweepQuery } from './sweep.query';
export { SweepsQuery } from './sweeps.query';

export type { EpochFields } from './epoch-fields.fragment';
export type { RunCell } from './run-cell.fragment';
export type { RunEpochs, RunEpochsQueryData, RunEpochsQueryVariables } from './run-epochs.query';
export type { SweepEventsData, SweepEventsVariables } from './sweep-events.subscription';
export type { SweepDetail, SweepQueryData, SweepQueryVariables } from './sweep.query';
export type { SweepSummary, SweepsQueryData } from './sweeps.query';
export type { ApiErrorCode } from './api-error-code';
export type { DateTimeISO, ID, RunStatus, SweepStatus } from './types';
