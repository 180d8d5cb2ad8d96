import type { Holds, IsSame } from '@sweepscope/core';
import type { RunSortColumn as DbRunSortColumn } from '@sweepscope/db/runs';
import { Field, InputType, registerEnumType } from 'type-graphql';

/** A column the runs list sorts by. Values are the database's column names for it. */
export enum RunSortColumn {
  ID = 'id',
  SWEEP = 'sweep',
  CELL = 'cell',
  BATCH_SIZE = 'batchSize',
  LEARNING_RATE = 'learningRate',
  REPEAT = 'repeat',
  STATUS = 'status',
  BEST_VAL_ACCURACY = 'bestValAccuracy',
  FINAL_VAL_ACCURACY = 'finalValAccuracy',
  FINAL_LOSS = 'finalLoss',
  EPOCHS_DONE = 'epochsDone',
  IMAGES_PER_SECOND = 'imagesPerSecond',
  DURATION = 'duration',
}
/** Compiles only while the API's sort columns are the database's. */
export type RunSortColumnsMatch = Holds<IsSame<`${RunSortColumn}`, DbRunSortColumn>>;
registerEnumType(RunSortColumn, {
  name: 'RunSortColumn',
  description:
    "ID: the order runs were made in. SWEEP: the sweep's name. CELL: batch size, then learning rate, then repeat. STATUS: a run's place in its life (queued, running, succeeded, failed, diverged, cancelled, stopped early, pruned). BEST_VAL_ACCURACY and FINAL_VAL_ACCURACY: of the current attempt's best and newest epochs; FINAL_LOSS: the newest epoch's training loss. EPOCHS_DONE, IMAGES_PER_SECOND: of the current attempt. DURATION: from start to finish, or to now while it runs.",
});

/** Which way a sort goes. */
export enum SortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'ASC: smallest (or first) first; DESC: largest first.' });

/** How the runs list is sorted. */
@InputType({
  description: 'How the runs list is sorted: runs without a value (no epoch yet, never started) come last either way, and ties go by id, ascending.',
})
export class RunSort {
  @Field(() => RunSortColumn)
  column!: RunSortColumn;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
