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
const lostListeners = new Set<(description: string) => void>();

/** Records a fault of the active engine, described with what to do about it. */
export function reportEngineFault(description: string): void {
  for (const watch of watches) {
    watch.first ??= description;
    watch.count += 1;
  }
}

/**
 * Records that the engine can no longer run anything (a GPU device lost): every check fails
 * from now on, and the listeners hear of it at once, before any check can fail a run.
 */
export function reportEngineLost(description: string): void {
  if (lost !== undefined) return;
  lost = description;
  for (const listener of lostListeners) listener(description);
}

/**
 * Calls `listener` once the engine is lost. Only a new process gets a new device: a worker
 * exits, so that its run resumes elsewhere rather than failing for its machine's sake.
 */
export function onEngineLost(listener: (description: string) => void): void {
  lostListeners.add(listener);
}

/** An engine fault seen while training: the work since the watch began cannot be trusted. */
export class EngineFaultError extends Error {
  override name = 'EngineFaultError';
}

/** The engine is lost: nothing more can run in this process. */
export class EngineLostError extends EngineFaultError {
  override name = 'EngineLostError';
}

/** What {@link watchEngineFaults} returns. */
export interface EngineFaultWatch {
  /** @throws EngineFaultError if the engine reported a fault since the watch began, or is lost */
  check(): void;
  /** Stops counting faults for this watch. */
  stop(): void;
}

/** Starts counting the engine's faults, for one piece of work. */
export function watchEngineFaults(): EngineFaultWatch {
  const watch: Watch = { count: 0 };
  watches.add(watch);
  return {
    check() {
      if (lost !== undefined) throw new EngineLostError(lost);
      if (watch.first === undefined) return;
      const others = watch.count > 1 ? ` (and ${watch.count - 1} more errors after it)` : '';
      throw new EngineFaultError(`${watch.first}${others}`);
    },
    stop() {
      watches.delete(watch);
    },
  };
}
