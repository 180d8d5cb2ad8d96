import { logColumnPosition } from './log-column-position';

/** A point on the grid in cell units: column 0 is the first learning rate's centre, row 0 the first batch size's. */
export interface GridPoint {
  col: number;
  row: number;
}

/** A line of constant learning rate ÷ batch size, in cell units. */
export interface RatioLine {
  /** The learning rate ÷ batch size it keeps, e.g. 0.1 / 32 = 0.003125. */
  ratio: number;
  /** The cell of the smallest batch size it starts from. */
  learningRate: number;
  /** Its points from the grid's top edge down, cut where it leaves the grid. */
  points: GridPoint[];
}

/**
 * Cuts the segment a→b at column `edge`; returns the point there.
 */
function cutAt(a: GridPoint, b: GridPoint, edge: number): GridPoint {
  const t = (edge - a.col) / (b.col - a.col);
  return { col: edge, row: a.row + (b.row - a.row) * t };
}

/** Keeps the part of a top-to-bottom polyline inside columns [lo, hi]; a line only ever moves one way, so the part is one piece. */
function clipToColumns(points: readonly GridPoint[], lo: number, hi: number): GridPoint[] {
  const inside = (p: GridPoint) => p.col >= lo - 1e-9 && p.col <= hi + 1e-9;
  const out: GridPoint[] = [];
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i]!;
    const previous = points[i - 1];
    if (previous !== undefined && inside(p) !== inside(previous)) {
      const edge = (inside(p) ? previous.col : p.col) < lo ? lo : hi;
      out.push(cutAt(previous, p, edge));
    }
    if (inside(p)) out.push(p);
  }
  return out;
}

/**
 * The lines along which learning rate ÷ batch size stays constant (the linear
 * scaling rule, Goyal et al. 2017), one through each cell of the smallest batch
 * size. On row i (batch size bᵢ) the line passing through learning rate η at
 * batch size b₀ sits at learning rate η·bᵢ/b₀, placed between the columns in
 * log space ({@link logColumnPosition}); consecutive rows are joined straight,
 * carried on half a row to the grid's top and bottom edges, and cut at its
 * left and right edges (half a cell beyond the first and last columns), so
 * the line from the last column is a short stub that shows the way it goes.
 *
 * @param batchSizes - the rows, ascending.
 * @param learningRates - the columns, ascending.
 * @returns no lines for fewer than two rows or two columns.
 */
export function buildRatioLines(batchSizes: readonly number[], learningRates: readonly number[]): RatioLine[] {
  const first = batchSizes[0];
  if (first === undefined || batchSizes.length < 2 || learningRates.length < 2) return [];
  const lo = -0.5;
  const hi = learningRates.length - 0.5;
  return learningRates.flatMap((learningRate) => {
    const ratio = learningRate / first;
    const centres = batchSizes.map((batchSize, row) => ({ col: logColumnPosition(ratio * batchSize, learningRates), row }));
    // Carried on half a row past the first and last rows, to the grid's top and bottom edges.
    const extend = (from: GridPoint, towards: GridPoint): GridPoint => ({
      col: from.col + (from.col - towards.col) / (2 * Math.abs(from.row - towards.row)),
      row: from.row + Math.sign(from.row - towards.row) / 2,
    });
    const points = [extend(centres[0]!, centres[1]!), ...centres, extend(centres.at(-1)!, centres.at(-2)!)];
    const clipped = clipToColumns(points, lo, hi);
    return clipped.length < 2 ? [] : [{ ratio, learningRate, points: clipped }];
  });
}
