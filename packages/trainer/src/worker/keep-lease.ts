/**
 * Calls `renew` every `heartbeatMs` while a run trains, between batches too: a batch or a
 * validation pass can outlast a progress report's interval. A renewal still under way when
 * the next is due is not doubled. Training yields to the event loop between batches, so a
 * batch longer than the lease loses it: the lease must outlast the longest batch.
 * @returns the function that stops renewing
 */
export function keepLease(renew: () => Promise<void>, heartbeatMs: number): () => void {
  let renewing = false;
  const timer = setInterval(() => {
    if (renewing) return;
    renewing = true;
    void renew().finally(() => {
      renewing = false;
    });
  }, heartbeatMs);
  return () => clearInterval(timer);
}
