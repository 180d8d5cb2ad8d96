/**
 * Faults an engine reports apart from the call that caused them. A GPU reports a validation
 * or out-of-memory error as an event, and the tensors it touched read back as zeros: the step
 * that hit one returns numbers that look like any other. Training watches for them and checks
 * after every read, so that no such number is judged or stored.
 */

interface Watch {
  first?: string;
  count: number;
}

const watches = new Set<Watch>();
let lost: string | undefined;

/** Records a fault of the active engine, described with what to do about it. */
export function reportEngineFault(description: string): void {
  for (const watch of watches) {
    watch.first ??= description;
    watch.count += 1;
  }
}

/** Records that the engine can no longer run anything (a GPU device lost): every check fails from now on. */
export function reportEngineLost(description: string): void {
  lost ??= description;
}

/** An engine fault seen while training: the work since the watch began cannot be trusted. */
export class EngineFaultError extends Error {
  override name = 'EngineFaultError';
}

/** The engine is lost: nothing more can run in this process, and no run is to blame. */
export class EngineLostError extends EngineFaultError {
  override name = 'EngineLostError';
}

/** What {@link watchEngineFaults} returns. */
export interface EngineFaultWatch {
  /**
   * @param cause what failed, when a fault may explain it
   * @throws EngineFaultError if the engine reported a fault since the watch began, EngineLostError if it is lost
   */
  check(cause?: unknown): void;
  /** Stops counting faults for this watch. */
  stop(): void;
}

/** Starts counting the engine's faults, for one piece of work. */
export function watchEngineFaults(): EngineFaultWatch {
  const watch: Watch = { count: 0 };
  watches.add(watch);
  return {
    check(cause) {
      const options = cause === undefined ? undefined : { cause };
      if (lost !== undefined) throw new EngineLostError(lost, options);
      if (watch.first === undefined) return;
      const others = watch.count > 1 ? ` (and ${watch.count - 1} more errors after it)` : '';
      throw new EngineFaultError(`${watch.first}${others}`, options);
    },
    stop() {
      watches.delete(watch);
    },
  };
}
