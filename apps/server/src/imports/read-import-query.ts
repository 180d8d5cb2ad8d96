import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { isDecimalNumber } from '@sweepscope/db/imports';
import type { ImportResultsInput } from '../schema/types/import-results.input.js';
import { ResultsFormat } from '../schema/types/results-format.enum.js';
import type { ImportRequest } from './to-import-options.js';

type QueryField = Exclude<keyof ImportResultsInput, 'content'>;

/** How each query parameter of an upload is read: every field of the mutation's input but its content. */
const fieldKinds = {
  format: 'format',
  filename: 'text',
  sweepId: 'text',
  batchSize: 'whole',
  learningRate: 'number',
  repeat: 'whole',
  name: 'text',
  tags: 'text',
  notes: 'text',
  preset: 'text',
  dataset: 'text',
  weights: 'text',
  alpha: 'number',
  inputSize: 'whole',
  batchNormMomentum: 'number',
  shuffleBuffer: 'whole',
  seed: 'whole',
  trainLimit: 'whole',
  valLimit: 'whole',
  classes: 'whole',
  valImages: 'whole',
} as const satisfies Record<QueryField, 'format' | 'text' | 'whole' | 'number'>;

const formats: Record<string, ResultsFormat> = { csv: ResultsFormat.CSV, json: ResultsFormat.JSON, 'keras-history': ResultsFormat.KERAS_HISTORY };

/**
 * Reads an upload's query string (`?format=csv&name=…`) into the import it asks for, with the
 * mutation's field names; the values are then checked by the import itself. `format` takes
 * the service's names or GraphQL's (`keras-history` or `KERAS_HISTORY`).
 * @throws {SweepscopeError} BAD_USER_INPUT naming the parameter: one not known, given twice,
 *   a number that is not one, or no `format`
 */
export function readImportQuery(query: Record<string, unknown>): Omit<ImportRequest, 'content'> {
  const refuse = (field: string, message: string): never => {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${field} ${message}.`, { field: [field] });
  };
  const read: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(query)) {
    if (!Object.hasOwn(fieldKinds, field)) refuse(field, `is not a parameter of an import: expected some of ${Object.keys(fieldKinds).join(', ')}`);
    if (typeof raw !== 'string') refuse(field, 'is given more than once: expected it once');
    const text = (raw as string).trim();
    switch (fieldKinds[field as QueryField]) {
      case 'format':
        read[field] = formats[text.toLowerCase().replaceAll('_', '-')] ?? refuse(field, `is "${text}": expected one of ${Object.keys(formats).join(', ')}`);
        break;
      case 'text':
        read[field] = raw;
        break;
      case 'whole':
        read[field] = /^[+-]?\d+$/.test(text) ? Number(text) : refuse(field, `is "${text}": expected a whole number`);
        break;
      case 'number':
        read[field] = isDecimalNumber(text) ? Number(text) : refuse(field, `is "${text}": expected a number, e.g. 0.1 or 1e-3`);
        break;
    }
  }
  if (read.format === undefined) refuse('format', `is missing: expected ?format= one of ${Object.keys(formats).join(', ')}`);
  return read as unknown as Omit<ImportRequest, 'content'>;
}
