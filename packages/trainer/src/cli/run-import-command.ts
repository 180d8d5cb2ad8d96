import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { connectDatabase } from '@sweepscope/db';
import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { importResults } from '@sweepscope/db/imports';
import { countBytesRead } from './count-bytes-read.js';
import { flagForField, type TrainCommand } from './parse-train-args.js';
import type { ProgressOutput } from './progress-display.js';

/** Options of {@link runImportCommand}. */
export interface RunImportCommandOptions {
  command: Extract<TrainCommand, { kind: 'import' }>;
  /** Prints one line of the report. */
  write: (line: string) => void;
  /** Where the reading shows its progress. @default process.stderr */
  progress?: ProgressOutput;
}

/** Runs listed one by one in the report; past this, the rest are counted. */
const runsListed = 20;

/**
 * `sweepscope-train import FILE`: streams a results file, of any size, into the service the
 * API's `importResults` calls, showing how much it has read, then prints what it stored: the
 * sweep, and each run with its cell, repeat and number of epochs (the first 20 of them).
 * Each run records the file's name as where it came from.
 * Refusals name the file's line and column, and the flag at fault.
 * @returns the exit status, 0
 * @throws {SweepscopeError} BAD_USER_INPUT for a file that cannot be read or is refused;
 *   NOT_FOUND for an unknown `--sweep`; CONFLICT for a read-only one
 */
export async function runImportCommand({ command, write, progress = process.stderr }: RunImportCommandOptions): Promise<number> {
  const unreadable = (code: string, cause?: unknown): SweepscopeError =>
    new SweepscopeError(ErrorCode.BadUserInput, `${command.file} cannot be read (${code}): expected the path of a results file.`, {
      cause,
      field: [command.file],
    });
  const file = await open(command.file).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw unreadable(typeof code === 'string' ? code : String(error), error);
  });
  const stats = await file.stat();
  // Reading a folder fails only once the stream starts, inside the import: say so here.
  if (stats.isDirectory()) {
    await file.close();
    throw unreadable('EISDIR');
  }
  // The service names its inputs as the API does; here they are the file and the flags.
  const fieldName = (field: string): string => (field === 'content' ? command.file : field === 'sweepId' ? '--sweep' : flagForField(field));
  const content = countBytesRead(file.createReadStream(), { label: command.file, total: stats.size, output: progress });
  const database = await connectDatabase();
  try {
    const { sweep, created, runs } = await importResults(database.prisma, {
      results: {
        format: command.format,
        content,
        ...(command.batchSize === undefined ? {} : { batchSize: command.batchSize }),
        ...(command.learningRate === undefined ? {} : { learningRate: command.learningRate }),
      },
      ...(command.sweepId === undefined ? {} : { sweepId: command.sweepId }),
      sweep: command.sweep,
      importedFrom: basename(command.file),
      source: command.file,
      fieldName,
    });
    const epochs = runs.reduce((sum, run) => sum + run.epochCount, 0);
    write(
      `imported ${runs.length} run${runs.length === 1 ? '' : 's'} (${epochs} epoch${epochs === 1 ? '' : 's'}) from ${command.file} ` +
        `into ${created ? 'new ' : ''}sweep ${sweep.id}: ${sweep.name}`,
    );
    for (const run of runs.slice(0, runsListed)) {
      write(
        `  run ${run.id}: batch size ${run.batchSize}, learning rate ${run.learningRate}, repeat ${run.repeat}, ${run.epochCount} epoch${run.epochCount === 1 ? '' : 's'}`,
      );
    }
    if (runs.length > runsListed) write(`  … and ${(runs.length - runsListed).toLocaleString('en')} more runs: list them with the API or the web app`);
    return 0;
  } finally {
    await file.close();
    await database.close();
  }
}
