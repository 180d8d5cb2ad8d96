import type { RunSortColumn } from '@/graphql';

/** What a runs table sorts by, as its URL writes it (`sort=bestValAccuracy`): `id` is the order runs were made in. */
export const RUNS_TABLE_SORTS = [
  'id',
  'sweep',
  'cell',
  'repeat',
  'status',
  'bestValAccuracy',
  'finalValAccuracy',
  'finalLoss',
  'epochs',
  'imagesPerSecond',
  'duration',
] as const;

/** A column a runs table sorts by. */
export type RunsTableSort = (typeof RUNS_TABLE_SORTS)[number];

/** The API's sort column for each. */
export const API_SORT_COLUMNS: Readonly<Record<RunsTableSort, RunSortColumn>> = {
  id: 'ID',
  sweep: 'SWEEP',
  cell: 'CELL',
  repeat: 'REPEAT',
  status: 'STATUS',
  bestValAccuracy: 'BEST_VAL_ACCURACY',
  finalValAccuracy: 'FINAL_VAL_ACCURACY',
  finalLoss: 'FINAL_LOSS',
  epochs: 'EPOCHS_DONE',
  imagesPerSecond: 'IMAGES_PER_SECOND',
  duration: 'DURATION',
};
