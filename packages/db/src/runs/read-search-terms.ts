/** One word of a runs search, and the numbers it can also be read as. */
export interface SearchTerm {
  /** The word, matched as text (case ignored) against the sweep's name, the status, the worker, the backend, the tags and the notes. */
  text: string;
  /** A bare number (`64`, `#12`, `0.01`): a run's id or batch size when whole, or its learning rate. */
  number?: number;
  /** A cell written as the table writes it, `64×0.01` (or `64x0.01`, `64*0.01`); either side may be left out (`64×`, `×0.01`). */
  cell?: { batchSize?: number; learningRate?: number };
}

const CELL = /^(\d+)?×(\d*\.?\d+(?:e[+-]?\d+)?)?$/i;
const NUMBER = /^#?(\d*\.?\d+(?:e[+-]?\d+)?)$/i;

/**
 * Reads a runs search into its words: a W&B user types the parts of a run name they remember
 * (`resnet 64×0.01 failed`), and a run is listed when it matches every word. Spaces around
 * the cell's `×` are allowed (`64 × 0.01` is one word).
 */
export function readSearchTerms(search: string): SearchTerm[] {
  const words = search
    .replace(/(\d)\s*[×x*]\s*(?=[\d.])/gi, '$1×')
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.map((text) => {
    // A number too large to hold (1e400) reads as text: as Infinity it would match every run.
    const cell = CELL.exec(text);
    const [, batchSize, learningRate] = cell ?? [];
    if (cell !== null && text !== '×' && [batchSize, learningRate].every((side) => side === undefined || Number.isFinite(Number(side)))) {
      return {
        text,
        cell: {
          ...(batchSize === undefined ? {} : { batchSize: Number(batchSize) }),
          ...(learningRate === undefined ? {} : { learningRate: Number(learningRate) }),
        },
      };
    }
    const number = Number(NUMBER.exec(text)?.[1]);
    return Number.isFinite(number) ? { text, number } : { text };
  });
}
