import type { ImportResultsOptions, ResultsInput } from '@sweepscope/db/imports';
import { parseId } from '../schema/parse-id.js';
import type { ImportResultsInput } from '../schema/types/import-results.input.js';
import { withoutNulls } from '../schema/without-nulls.js';

/** An import as the API takes it, by mutation or by upload: the mutation's input, its content possibly a stream. */
export type ImportRequest = Omit<ImportResultsInput, 'content'> & { content: ResultsInput['content'] };

/**
 * The import service's options for an API import: the file's name (else `api`) is where the
 * runs came from and the content's name in messages; a null field is not given.
 */
export function toImportOptions(input: ImportRequest): ImportResultsOptions {
  const { format, content, filename, sweepId, batchSize, learningRate, repeat, ...settings } = input;
  const name = filename?.trim() || undefined;
  return {
    results: { format, content, ...withoutNulls({ batchSize, learningRate, repeat }) },
    ...(sweepId === undefined || sweepId === null ? {} : { sweepId: parseId(sweepId, 'sweepId') }),
    sweep: withoutNulls(settings),
    importedFrom: name ?? 'api',
    ...(name === undefined ? {} : { source: name }),
  };
}
