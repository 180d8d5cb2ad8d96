import { ErrorCode, maxNameLength, maxRepeats, maxRuns, type SweepInput, SweepscopeError, validateSweepInput } from '@sweepscope/core';
import type { PrismaClient, Run, Sweep } from '../generated/prisma/client.js';
import { lockWritableSweep } from '../sweeps/lock-writable-sweep.js';
import { placeUnits, type LocatedEpochRow } from './epoch-row.js';
import { readResults, type ResultsInput } from './read-results.js';
import { readStagedRuns, type StagedRun } from './read-staged-runs.js';
import { createStagingTable, stageRows } from './stage-epoch-rows.js';
import { storeStagedRuns, type RunToStore } from './store-staged-runs.js';

/** Settings of a new sweep made by an import: every one the results themselves do not fix. */
export type ImportSweepInput = Omit<
  SweepInput,
  | 'cells'
  | 'batchSizes'
  | 'learningRates'
  | 'repeats'
  | 'epochs'
  | 'dataDir'
  | 'divergenceFactor'
  | 'earlyStopPatience'
  | 'pruner'
  | 'pruneWarmupEpochs'
  | 'noiseScaleInterval'
> & {
  /** The data set's classes, which place chance accuracy. @default 10 for `fashion-mnist`, otherwise not known */
  classes?: number;
  /** Images each validation pass scored, which say how far noise reaches above chance. @default not known */
  valImages?: number;
};

/**
 * The settings an import fills in when it is not given them: the seed preset's, the data
 * set `unnamed (imported)`, seed 42 and no weights. A new sweep records which of these its
 * import was not given (`unstatedSettings`), so nothing shows them as how its runs trained.
 */
const defaultedSettings = ['dataset', 'alpha', 'inputSize', 'batchNormMomentum', 'shuffleBuffer', 'seed', 'trainLimit', 'valLimit', 'weights'] as const;

/** Those a preset named in the import states. */
const presetSettings: ReadonlySet<string> = new Set(['alpha', 'inputSize', 'batchNormMomentum', 'shuffleBuffer', 'trainLimit', 'valLimit']);

/** Classes of the data sets known by name, for an import that does not say. */
const knownClasses: Readonly<Record<string, number>> = { 'fashion-mnist': 10 };

/** Options of {@link importResults}. */
export interface ImportResultsOptions {
  results: ResultsInput;
  /** Add the runs to this sweep. @default a new sweep */
  sweepId?: number;
  /**
   * Settings of the new sweep, checked by `validateSweepInput`; refused with `sweepId`. What
   * is left out comes from the `seed` preset, the reference protocol as Keras runs it
   * (α 1.0, 224×224, batch-norm momentum 0.999, all the data), and the data set is
   * `unnamed (imported)` unless named; any name is accepted, as the runs are not trained here.
   * The name defaults to `<file> (imported)`, or to the data set and cells.
   */
  sweep?: ImportSweepInput;
  /** Where the results came from, stored on each run: the file's name, or `api`. */
  importedFrom: string;
  /** The content's name in messages: the file's path or name. @default 'content' */
  source?: string;
  /**
   * Names an input field as the caller's user knows it (`--batch-size`, `--sweep`), in
   * messages and in the error's `field`.
   * @default the field's name in {@link ImportResultsOptions}
   */
  fieldName?: (field: string) => string;
}

/** What {@link importResults} stored. */
export interface ImportResultsResult {
  /** The sweep imported into, with every run it now has, in id order. */
  sweep: Sweep & { runs: Run[] };
  /** Whether the import made the sweep. */
  created: boolean;
  /** The runs imported, in the order stored, each with its number of epochs. */
  runs: (Run & { epochCount: number })[];
}

/**
 * Long enough for the largest import a sweep holds (10,000 runs of 10,000 epochs would not
 * fit, but a million epochs take some tens of seconds): the one transaction reads, checks
 * and stores everything.
 */
const transactionTimeoutMs = 600_000;

/** Rows staged per statement: larger batches save round trips (see `stageRows` on memory). */
const stageBatch = 5_000;

/**
 * Brings results trained elsewhere into a sweep, in one transaction and in constant memory
 * whatever the content's size (it may arrive as a stream): either a new sweep
 * (made by `import`), or an existing one that is not read-only. Each run of the results (one
 * per cell and repeat) is stored with its status (`succeeded` unless the results say how it
 * ended) and `importedFrom`, its epochs under attempt
 * 1, and announced like a trained run. Runs are stored repeat by repeat, cells in the order
 * they first appear. A run whose cell and repeat the sweep already has takes the next free
 * repeat of its cell, one past the highest that cell has (so an imported repeat never
 * replaces or mixes with a stored one), with seed `sweep.seed + repeat - 1` as `createSweep`
 * gives; the sweep's `repeats` grows to the highest repeat it then holds. Anything refused
 * leaves nothing stored. The terminal's `import`, the API's `importResults` and its upload
 * route all call this.
 * @throws {SweepscopeError} BAD_USER_INPUT for content or settings refused; NOT_FOUND when
 *   `sweepId` names no sweep; CONFLICT when that sweep is read-only
 */
export async function importResults(prisma: PrismaClient, options: ImportResultsOptions): Promise<ImportResultsResult> {
  const nameOf = options.fieldName ?? ((field: string) => field);
  if (options.importedFrom.length > maxNameLength) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `The file name is ${options.importedFrom.length.toLocaleString('en')} characters long: expected at most ${maxNameLength} characters.`,
      { field: ['filename'] },
    );
  }
  if (options.sweepId !== undefined) refuseSettings(options.sweep, nameOf);
  const source = options.source ?? 'content';

  return prisma.$transaction(
    async (tx) => {
      const existing =
        options.sweepId === undefined ? undefined : await lockWritableSweep(tx, options.sweepId, { action: 'import results into', field: nameOf('sweepId') });
      await createStagingTable(tx);
      // One batch is stored while the next is read, so parsing and PostgreSQL share the work.
      let staged = 0;
      let batch: LocatedEpochRow[] = [];
      let storing = Promise.resolve();
      const flush = async (): Promise<void> => {
        await storing;
        storing = stageRows(tx, batch, staged + 1);
        // Awaited before the next batch or the checks; a failure meanwhile is not unhandled.
        storing.catch(() => {});
        staged += batch.length;
        batch = [];
      };
      for await (const rows of readResults(options.results, { fieldName: nameOf, source })) {
        batch = batch.concat(rows);
        if (batch.length >= stageBatch) await flush();
      }
      await flush();
      await storing;
      const runs = await readStagedRuns(tx, source, placeUnits[options.results.format], nameOf('content'));

      const sweep = existing ?? (await tx.sweep.create({ data: { ...checkNewSweep(runs, options, nameOf), createdBy: 'import' } }));
      const stored =
        existing === undefined ? [] : await tx.run.findMany({ where: { sweepId: sweep.id }, select: { batchSize: true, learningRate: true, repeat: true } });
      const taken = new Map<string, Set<number>>();
      for (const run of stored) takeRepeat(taken, run, run.repeat);
      if (stored.length + runs.length > maxRuns) {
        throw new SweepscopeError(
          ErrorCode.BadUserInput,
          `Sweep ${sweep.id} holds ${stored.length.toLocaleString('en')} runs and the file ${runs.length.toLocaleString('en')}: a sweep holds at most ${maxRuns.toLocaleString('en')}. Import into a new sweep.`,
          { field: [nameOf('sweepId')] },
        );
      }

      const toStore: RunToStore[] = [];
      for (const run of runs.toSorted((a, b) => a.repeat - b.repeat)) {
        const repeats = taken.get(cellKey(run));
        const repeat = repeats?.has(run.repeat) ? Math.max(...repeats) + 1 : run.repeat;
        if (repeat > maxRepeats) {
          throw new SweepscopeError(
            ErrorCode.BadUserInput,
            `Cell ${run.batchSize}:${run.learningRate} of sweep ${sweep.id} would get repeat ${repeat}: a sweep holds at most ${maxRepeats} repeats of a cell. Import into a new sweep.`,
            { field: [nameOf('sweepId')] },
          );
        }
        takeRepeat(taken, run, repeat);
        toStore.push({ staged: run, repeat, seed: sweep.seed + repeat - 1 });
      }
      const ids = await storeStagedRuns(tx, sweep.id, toStore, options.importedFrom);
      const highest = Math.max(...toStore.map((run) => run.repeat));
      if (existing !== undefined && highest > existing.repeats) {
        await tx.sweep.update({ where: { id: sweep.id }, data: { repeats: highest } });
      }
      const result = await tx.sweep.findUniqueOrThrow({ where: { id: sweep.id }, include: { runs: { orderBy: { id: 'asc' } } } });
      const byId = new Map(result.runs.map((run) => [run.id, run]));
      const imported = ids.map((id, index) => ({ ...byId.get(id)!, epochCount: toStore[index]!.staged.epochs }));
      return { sweep: result, created: existing === undefined, runs: imported };
    },
    { timeout: transactionTimeoutMs },
  );
}

/** The settings of the sweep an import makes, checked before anything is written. */
function checkNewSweep(runs: readonly StagedRun[], options: ImportResultsOptions, nameOf: (field: string) => string) {
  const cells = [...new Map(runs.map((run) => [cellKey(run), { batchSize: run.batchSize, learningRate: run.learningRate }])).values()];
  const { classes, valImages, ...rest } = options.sweep ?? {};
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const { cells: _cells, ...settings } = validateSweepInput(
    {
      preset: 'seed',
      dataset: 'unnamed (imported)',
      ...(options.importedFrom === 'api' ? {} : { name: `${options.importedFrom.slice(0, maxNameLength - ' (imported)'.length)} (imported)` }),
      ...given,
      cells,
      repeats: Math.max(...runs.map((run) => run.repeat)),
      epochs: Math.max(...runs.map((run) => run.epochs)),
    },
    { fieldName: nameOf, trainedHere: false },
  );
  const count = (field: string, value: number | undefined, min: number, max: number): number | null => {
    if (value === undefined) return null;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      const name = nameOf(field);
      throw new SweepscopeError(ErrorCode.BadUserInput, `${name} is ${value}: expected a whole number from ${min} to ${max}.`, { field: [name] });
    }
    return value;
  };
  return {
    ...settings,
    classes: count('classes', classes, 2, 100_000) ?? knownClasses[settings.dataset] ?? null,
    valImages: count('valImages', valImages, 1, 10_000_000),
    unstatedSettings: defaultedSettings.filter((name) => !(name in given) && !('preset' in given && presetSettings.has(name))),
  };
}

/** Settings describe a new sweep; an existing one keeps its own. */
function refuseSettings(sweep: ImportSweepInput | undefined, nameOf: (field: string) => string): void {
  const given = Object.entries(sweep ?? {}).find(([, value]) => value !== undefined);
  if (given === undefined) return;
  const [field] = given;
  throw new SweepscopeError(
    ErrorCode.BadUserInput,
    `${nameOf(field)} is given with ${nameOf('sweepId')}: expected settings only for a new sweep (an existing sweep keeps its own).`,
    { field: [nameOf(field)] },
  );
}

function cellKey(cell: { batchSize: number; learningRate: number }): string {
  return `${cell.batchSize}:${cell.learningRate}`;
}

function takeRepeat(taken: Map<string, Set<number>>, cell: { batchSize: number; learningRate: number }, repeat: number): void {
  const repeats = taken.get(cellKey(cell)) ?? new Set<number>();
  repeats.add(repeat);
  taken.set(cellKey(cell), repeats);
}
