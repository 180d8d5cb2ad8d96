import type { RunStatus } from '@/graphql';

/** How the run page heads why a run ended, and in which colours. */
export interface RunEnding {
  /** Before the reason, e.g. `Pruned:`. */
  heading: string;
  /** The notice's class: a failure's red, or the calm colours of an ending the sweep asked for. */
  className: string;
}

/**
 * The heading and colours for a run's stored reason. Early stopping and
 * pruning are the sweep's own rules at work, not faults, so they are not
 * shown in a failure's red; any other status with a reason is a failure (an
 * error left from before a retry reads as one too).
 */
export function describeRunEnding(status: RunStatus): RunEnding {
  switch (status) {
    case 'STOPPED_EARLY':
      return { heading: 'Stopped early', className: 'notice notice-stopped_early' };
    case 'PRUNED':
      return { heading: 'Pruned', className: 'notice notice-pruned' };
    case 'DIVERGED':
      return { heading: 'Diverged', className: 'notice notice-error' };
    default:
      return { heading: 'Failed', className: 'notice notice-error' };
  }
}
