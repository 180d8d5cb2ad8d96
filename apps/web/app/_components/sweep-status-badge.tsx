import type { SweepStatus } from '@/graphql';

import { StatusBadge } from './status-badge';

/** Props of {@link SweepStatusBadge}. */
export interface SweepStatusBadgeProps {
  status: SweepStatus;
  /** How many of its runs diverged. */
  diverged: number;
  testId?: string;
}

/**
 * A sweep's status, saying how many runs diverged when it succeeded with some: a
 * diverged run is one of the study's results (a learning rate too large to train), so
 * such a sweep reads "finished with 2 diverged" in the diverged runs' colour rather
 * than as a plain success or a failure.
 */
export function SweepStatusBadge({ status, diverged, testId }: SweepStatusBadgeProps) {
  if (status !== 'SUCCEEDED' || diverged === 0) return <StatusBadge status={status} testId={testId} />;
  return (
    <span data-testid={testId} className="status status-diverged">
      finished with {diverged} diverged
    </span>
  );
}
