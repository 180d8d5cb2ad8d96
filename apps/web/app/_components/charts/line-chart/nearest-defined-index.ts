/**
 * The index of the point nearest, along x, to the hovered index that has a
 * value in one series. On aligned data with gaps (runs at different steps) the
 * hovered x often has none for a series; hovering should still show that
 * series' nearest value rather than a blank. Ties go to the left.
 *
 * @param xs - the shared x values, ascending.
 * @param ys - one series' values, null or undefined where it has none.
 * @returns `hovered` when that has a value, or when the series has none at all.
 */
export function nearestDefinedIndex(xs: ArrayLike<number>, ys: ArrayLike<number | null | undefined>, hovered: number): number {
  if (ys[hovered] !== null && ys[hovered] !== undefined) return hovered;
  let left = hovered - 1;
  while (left >= 0 && (ys[left] === null || ys[left] === undefined)) left -= 1;
  let right = hovered + 1;
  while (right < ys.length && (ys[right] === null || ys[right] === undefined)) right += 1;
  const x = xs[hovered] ?? 0;
  const hasLeft = left >= 0;
  const hasRight = right < ys.length;
  if (hasLeft && hasRight) return x - (xs[left] ?? 0) <= (xs[right] ?? 0) - x ? left : right;
  if (hasLeft) return left;
  if (hasRight) return right;
  return hovered;
}
