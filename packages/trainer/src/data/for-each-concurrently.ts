/**
 * Calls `task` on every item with at most `concurrency` calls running at once, so a
 * folder of thousands of photos is not opened all at the same time.
 *
 * @param items the inputs, handed out in order
 * @param concurrency most calls in flight at once, an integer ≥ 1
 * @param task called with each item and its index; its rejection rejects the whole call
 *   (calls already started still run to their end, no new ones start)
 * @throws Error when `concurrency` is not an integer ≥ 1, or the first error of `task`
 */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`expected concurrency to be an integer ≥ 1, got ${concurrency}`);
  }
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        await task(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
