/** Runs async work one piece at a time, in the order given. */
export interface OneAtATime {
  /** Runs `work` once everything given before it has settled; resolves or rejects as it does. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Whether some work is running or waiting. */
  busy(): boolean;
}

/**
 * A queue of one: a worker's writes for a run go through it, so at most one of its
 * transactions is open at a time. Two open at once, cut off together, would queue on the
 * run's row lock one behind the other, and the server would free the row only after ending
 * both sessions in turn.
 */
export function oneAtATime(): OneAtATime {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run(work) {
      pending += 1;
      const result = tail.then(work).finally(() => {
        pending -= 1;
      });
      tail = result.catch(() => undefined);
      return result;
    },
    busy: () => pending > 0,
  };
}
