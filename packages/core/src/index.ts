export { countTrainingImages, datasetNames, fashionMnistTrainImages, syntheticDefaultImages } from './datasets/datasets.js';
export type { DatasetName } from './datasets/datasets.js';
export {
  maxNameLength,
  maxNotesLength,
  maxTagLength,
  maxTags,
  validateAnnotations,
  validateName,
  validateNotes,
  validateTags,
} from './annotations/validate-annotations.js';
export type { AnnotationsChange } from './annotations/validate-annotations.js';
export { ErrorCode, SweepscopeError, coerceError } from './errors/sweepscope-error.js';
export type { SweepscopeErrorOptions } from './errors/sweepscope-error.js';
export { checkEventPayload, eventChannels, isStoredEvent, parseEventPayload, storedEventNames } from './events/event-map.js';
export type {
  EpochAddedEvent,
  EventInput,
  EventMap,
  EventName,
  RunProgressEvent,
  RunUpdatedEvent,
  StoredEventName,
  SweepLoggedEvent,
} from './events/event-map.js';
export type { EpochMetrics, StoredEpochMetrics } from './runs/epoch-metrics.js';
export type { TrainingTrace } from './runs/training-trace.js';
export { cancellableRunStatuses, finalRunStatuses, retryableRunStatuses, runStatuses } from './statuses/run-status.js';
export type { FinalRunStatus, RunStatus } from './statuses/run-status.js';
export { deriveSweepStatus, sweepStatuses } from './statuses/sweep-status.js';
export type { SweepStatus } from './statuses/sweep-status.js';
export { orderCoverageFirst } from './sweeps/order-coverage-first.js';
export { planFromProbe } from './sweeps/plan-from-probe.js';
export type { PlanFromProbeOptions, PlanState, SweepPlan } from './sweeps/plan-from-probe.js';
export { probeEpochs, probeNoiseScaleInterval, probeSweep } from './sweeps/probe-sweep.js';
export type { ProbeSweep } from './sweeps/probe-sweep.js';
export { predictLearningRate, proposeGrid } from './sweeps/propose-grid.js';
export type { ProposedGrid, ProposeGridOptions } from './sweeps/propose-grid.js';
export { formatCells, learningRateExpected, maxLearningRate, parseBatchSize, parseCells, parseLearningRate } from './sweeps/parse-cells.js';
export type { Cell } from './sweeps/parse-cells.js';
export { defaultPreset, presetNames, presets, referenceCells } from './sweeps/presets.js';
export type { Preset, PresetName } from './sweeps/presets.js';
export { referenceStudy } from './sweeps/reference-study.js';
export type { ReferenceRow } from './sweeps/reference-study.js';
export { defaultNoiseScaleInterval, maxRepeats, maxRuns, prunerNames, validateSweepInput } from './sweeps/validate-sweep-input.js';
export type { PrunerName, SweepInput, SweepSettings, ValidateSweepInputOptions } from './sweeps/validate-sweep-input.js';
export type { Holds, IsSame } from './types/type-checks.js';
export { formatDuration } from './format/format-duration.js';
export { formatTable } from './format/format-table.js';
export { formatBytes } from './format/format-bytes.js';
