/**
 * Picks `limit` indices so that every class keeps its share of the split
 * (largest-remainder rounding), taking the first images of each class in
 * file order so the subset is the same on every run.
 *
 * @param labels class index per element, `[count]`
 * @param numClasses number of classes; labels must lie in `[0, numClasses)`
 * @param limit how many indices to return; ≥ `labels.length` returns all
 * @returns ascending indices into `labels`, `[min(limit, count)]`
 * @throws Error when `limit` is not a non-negative integer or a label is out of range
 */
export function selectStratified(labels: Int32Array, numClasses: number, limit: number): Int32Array {
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`expected limit to be an integer ≥ 0, got ${limit}`);
  const count = labels.length;
  if (limit >= count) return Int32Array.from({ length: count }, (_, i) => i);

  const perClass = new Array<number>(numClasses).fill(0);
  for (const label of labels) {
    if (label < 0 || label >= numClasses) throw new Error(`expected labels in [0, ${numClasses}), got ${label}`);
    perClass[label] = (perClass[label] ?? 0) + 1;
  }
  const exact = perClass.map((n) => (n * limit) / count);
  const quota = exact.map(Math.floor);
  let left = limit - quota.reduce((a, b) => a + b, 0);
  // Hand the rounding leftovers to the largest remainders; ties go to the lower class.
  const byRemainder = exact.map((value, cls) => ({ cls, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.cls - b.cls);
  for (const { cls } of byRemainder) {
    if (left === 0) break;
    if ((quota[cls] ?? 0) < (perClass[cls] ?? 0)) {
      quota[cls] = (quota[cls] ?? 0) + 1;
      left -= 1;
    }
  }

  const selected = new Int32Array(limit);
  let out = 0;
  for (let i = 0; i < count && out < limit; i += 1) {
    const label = labels[i] ?? 0;
    if ((quota[label] ?? 0) > 0) {
      quota[label] = (quota[label] ?? 0) - 1;
      selected[out++] = i;
    }
  }
  return selected;
}
