/**
 * Holm's step-down correction of p-values for testing several hypotheses at once: sorted
 * ascending, the i-th smallest (0-based) of m is multiplied by m − i, each adjusted value is
 * at least the one before it, and none exceeds 1. Rejecting where the adjusted p is below
 * the level keeps the chance of any false rejection at that level, with no assumption about
 * how the tests depend on each other (they all share the best cell here).
 * @returns the adjusted p-values, in the order given
 */
export function adjustHolm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
