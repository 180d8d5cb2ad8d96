import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createPrisma, openDatabase } from '@sweepscope/db';
import { ErrorCode, SweepscopeError } from '@sweepscope/db/errors';
import { importResults } from '@sweepscope/db/imports';
import { flagForField, type TrainCommand } from './parse-train-args.js';

/** Options of {@link runImportCommand}. */
export interface RunImportCommandOptions {
  command: Extract<TrainCommand, { kind: 'import' }>;
  /** Prints one line of the report. */
  write: (line: string) => void;
}

/**
 * `sweepscope-train import FILE`: reads a results file and stores it through the service the
 * API's `importResults` calls, then prints what it stored: the sweep, and each run with its
 * cell, repeat and number of epochs. Each run records the file's name as where it came from.
 * Refusals name the file's line and column, and the flag at fault.
 * @returns the exit status, 0
 * @throws {SweepscopeError} BAD_USER_INPUT for a file that cannot be read or is refused;
 *   NOT_FOUND for an unknown `--sweep`; CONFLICT for a read-only one
 */
export async function runImportCommand({ command, write }: RunImportCommandOptions): Promise<number> {
  const content = await readFile(command.file, 'utf8').catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${command.file} cannot be read (${typeof code === 'string' ? code : String(error)}): expected the path of a results file.`,
      { cause: error, field: [command.file] },
    );
  });
  // The service names its inputs as the API does; here they are the file and the flags.
  const fieldName = (field: string): string => (field === 'content' ? command.file : field === 'sweepId' ? '--sweep' : flagForField(field));
  const database = await openDatabase();
  const prisma = createPrisma(database.url);
  try {
    const { sweep, created, runs } = await importResults(prisma, {
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
    for (const run of runs) {
      write(
        `  run ${run.id}: batch size ${run.batchSize}, learning rate ${run.learningRate}, repeat ${run.repeat}, ${run.epochCount} epoch${run.epochCount === 1 ? '' : 's'}`,
      );
    }
    return 0;
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}
