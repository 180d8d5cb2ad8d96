import { ErrorCode, SweepscopeError } from '../errors/sweepscope-error.js';

/** One cell of a sweep's grid. */
export interface Cell {
  batchSize: number;
  learningRate: number;
}

/** About float32's largest number: the trainer computes in float32, where a larger rate is infinite. */
export const maxLearningRate = 3.4e38;

/** Cells as `parseCells` reads them, `"32:0.1,128:0.001"`, or with another separator (a sweep's default name uses spaces). */
export function formatCells(cells: readonly Cell[], separator = ','): string {
  return cells.map((cell) => `${cell.batchSize}:${cell.learningRate}`).join(separator);
}
/** What a learning rate must be, in words, wherever one is refused. */
export const learningRateExpected = 'a number greater than 0 and at most 3.4e38, e.g. 0.01 or 1e-3';

const expectedForm = 'batchSize:learningRate pairs separated by commas, e.g. "32:0.1,128:0.001"';

/**
 * Parses cells written as `"32:0.1,128:0.001"`.
 * @param text the cells; whitespace around items is ignored
 * @param field where the text came from, named in the error (`--cells`, `input.cells`)
 * @throws {SweepscopeError} BAD_USER_INPUT naming the offending item and the expected form
 */
export function parseCells(text: string, field = 'cells'): Cell[] {
  const items = text.split(',').map((item) => item.trim());
  if (text.trim() === '') {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${field} is empty: expected ${expectedForm}.`, { field: [field] });
  }
  const cells = items.map((item) => parseCell(item, field));
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = `${cell.batchSize}:${cell.learningRate}`;
    if (seen.has(key)) {
      throw new SweepscopeError(ErrorCode.BadUserInput, `${field} lists ${key} twice: give each cell once.`, { field: [field] });
    }
    seen.add(key);
  }
  return cells;
}

function parseCell(item: string, field: string): Cell {
  const match = /^([^:]+):([^:]+)$/.exec(item);
  if (!match) {
    throw new SweepscopeError(ErrorCode.BadUserInput, `${field} has "${item}": expected ${expectedForm}.`, { field: [field] });
  }
  const [, batchText = '', rateText = ''] = match;
  return { batchSize: parseBatchSize(batchText, field, item), learningRate: parseLearningRate(rateText, field, item) };
}

/**
 * Reads one batch size.
 * @param item the cell it came from, quoted in the error when given
 * @throws {SweepscopeError} BAD_USER_INPUT unless it is a whole number of at least 1
 */
export function parseBatchSize(text: string, field: string, item?: string): number {
  const batchSize = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${field} has batch size "${text}"${item === undefined ? '' : ` in "${item}"`}: expected a whole number of at least 1.`,
      { field: [field] },
    );
  }
  return batchSize;
}

/**
 * Reads one learning rate.
 * @param item the cell it came from, quoted in the error when given
 * @throws {SweepscopeError} BAD_USER_INPUT unless it is a finite number greater than 0
 */
export function parseLearningRate(text: string, field: string, item?: string): number {
  const learningRate = Number(text);
  if (text.trim() === '' || !Number.isFinite(learningRate) || learningRate <= 0 || learningRate > maxLearningRate) {
    throw new SweepscopeError(
      ErrorCode.BadUserInput,
      `${field} has learning rate "${text}"${item === undefined ? '' : ` in "${item}"`}: expected ${learningRateExpected}.`,
      { field: [field] },
    );
  }
  return learningRate;
}
