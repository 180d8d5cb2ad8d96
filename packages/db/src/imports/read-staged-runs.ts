import { ErrorCode, type FinalRunStatus, maxRuns, SweepscopeError } from '@sweepscope/core';
import type { Prisma } from '../generated/prisma/client.js';

/** One run of the staged rows: its cell and repeat as the content gives them, how it ended, and its size. */
export interface StagedRun {
  batchSize: number;
  learningRate: number;
  repeat: number;
  status: FinalRunStatus;
  /** Its tags and notes, from the rows that give them. */
  tags: string[];
  notes: string;
  /** Its epochs, numbered 1 to this, each once. */
  epochs: number;
}

interface RunKey {
  batch_size: number;
  learning_rate: number;
  repeat: number;
}

/**
 * Checks the staged rows as runs, one per cell and repeat, and lists them in the order each
 * first appears. Each run's epochs must be numbered 1, 2, … n, each once, every row of a
 * run give the same status, and the rows that give tags or notes give the same ones; the
 * rows may come in any order. The first problem in the
 * content's order is named, with the rows involved. PostgreSQL does the work, so memory does
 * not grow with the content.
 * @param source the content's name in messages: `runs.csv`, `content`
 * @param unit what a row's place counts: `line` of a CSV file (see `placeUnits`)
 * @param field the input errors are reported against
 * @throws {SweepscopeError} BAD_USER_INPUT for no rows, more runs than a sweep holds, an epoch
 *   given twice, two statuses, tags or notes for one run, or epochs that do not start at 1 or skip a number
 */
export async function readStagedRuns(tx: Prisma.TransactionClient, source: string, unit: string, field: string): Promise<StagedRun[]> {
  const at = (place: number): string => `${source} ${unit} ${place}`;
  const refuse = (message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, message, { field: [field] });
  };
  const [{ rows, runs } = { rows: 0, runs: 0 }] = await tx.$queryRaw<{ rows: number; runs: number }[]>`
    SELECT count(*)::int AS rows, count(DISTINCT (batch_size, learning_rate, repeat))::int AS runs FROM import_row`;
  if (rows === 0) refuse(`${source} has no epoch rows: expected one row per epoch of each run.`);
  if (runs > maxRuns) {
    refuse(
      `${source} holds ${runs.toLocaleString('en')} runs: a sweep holds at most ${maxRuns.toLocaleString('en')}. Split it into several imports, each a sweep.`,
    );
  }

  // An epoch seen before in its run, or a status, tags or notes other than the run's first row
  // to give them: whichever comes first.
  const [clash] = await tx.$queryRaw<
    (RunKey & {
      place: number;
      epoch: number;
      nth: number;
      earlier: number;
      status: string;
      run_status: string;
      run_first: number;
      tags: string;
      run_tags: string;
      tags_first: number;
      notes: string;
      run_notes: string;
      notes_first: number;
    })[]
  >`
    SELECT * FROM (
      SELECT ord, place, batch_size, learning_rate, repeat, epoch, status, tags, notes,
        (row_number() OVER same_epoch)::int AS nth, first_value(place) OVER same_epoch AS earlier,
        first_value(status) OVER same_run AS run_status, first_value(place) OVER same_run AS run_first,
        first_value(tags) OVER tagged AS run_tags, first_value(place) OVER tagged AS tags_first,
        first_value(notes) OVER noted AS run_notes, first_value(place) OVER noted AS notes_first
      FROM import_row
      WINDOW same_epoch AS (PARTITION BY batch_size, learning_rate, repeat, epoch ORDER BY ord),
             same_run AS (PARTITION BY batch_size, learning_rate, repeat ORDER BY ord),
             tagged AS (PARTITION BY batch_size, learning_rate, repeat ORDER BY tags = '', ord),
             noted AS (PARTITION BY batch_size, learning_rate, repeat ORDER BY notes = '', ord)
    ) ranked
    WHERE nth > 1 OR status <> run_status OR (tags <> '' AND tags <> run_tags) OR (notes <> '' AND notes <> run_notes)
    ORDER BY ord LIMIT 1`;
  if (clash !== undefined) {
    if (clash.nth > 1) {
      refuse(`${at(clash.place)}: epoch ${clash.epoch} of ${describeRun(clash)} is also at ${at(clash.earlier)}: expected each epoch of a run once.`);
    }
    if (clash.status !== clash.run_status) {
      refuse(
        `${at(clash.place)}: status is ${clash.status} but ${describeRun(clash)} is ${clash.run_status} at ${at(clash.run_first)}: expected one status for every row of a run.`,
      );
    }
    const [column, given, first, firstPlace] =
      clash.tags !== '' && clash.tags !== clash.run_tags
        ? ['tags', clash.tags, clash.run_tags, clash.tags_first]
        : ['notes', clash.notes, clash.run_notes, clash.notes_first];
    refuse(
      `${at(clash.place)}: ${column} are ${quote(given)} but ${describeRun(clash)} has ${quote(first)} at ${at(firstPlace)}: expected the same ${column} on every row of a run that gives them.`,
    );
  }

  // With each epoch once, a run's k-th epoch in order must be epoch k.
  const [gap] = await tx.$queryRaw<(RunKey & { place: number; epoch: number; k: number })[]>`
    SELECT * FROM (
      SELECT place, batch_size, learning_rate, repeat, epoch,
        row_number() OVER (PARTITION BY batch_size, learning_rate, repeat ORDER BY epoch)::int AS k,
        min(ord) OVER (PARTITION BY batch_size, learning_rate, repeat) AS run_first
      FROM import_row
    ) numbered
    WHERE epoch <> k
    ORDER BY run_first, k LIMIT 1`;
  if (gap !== undefined) {
    if (gap.k === 1) refuse(`${at(gap.place)}: epoch is ${gap.epoch}, the first of ${describeRun(gap)}: expected its epochs to start at 1.`);
    refuse(`${at(gap.place)}: epoch is ${gap.epoch} but ${describeRun(gap)} has no epoch ${gap.k}: expected every epoch from 1 to ${gap.epoch}.`);
  }

  // Rows that give tags or notes agree, so the largest is theirs (or empty when none gives them).
  const found = await tx.$queryRaw<(RunKey & { status: FinalRunStatus; tags: string; notes: string; epochs: number })[]>`
    SELECT batch_size, learning_rate, repeat, min(status) AS status, max(tags) AS tags, max(notes) AS notes, count(*)::int AS epochs
    FROM import_row GROUP BY batch_size, learning_rate, repeat ORDER BY min(ord)`;
  return found.map((run) => ({
    batchSize: run.batch_size,
    learningRate: run.learning_rate,
    repeat: run.repeat,
    status: run.status,
    tags: run.tags === '' ? [] : run.tags.split(','),
    notes: run.notes,
    epochs: run.epochs,
  }));
}

/** Tags or notes as a message quotes them: long notes cut short. */
function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** A run as messages name it, by the file's columns. */
function describeRun(run: RunKey): string {
  return `the run batch_size ${run.batch_size}, learning_rate ${run.learning_rate}, repeat ${run.repeat}`;
}
