import type { RunStatus, SweepStatus } from '@/graphql';
import { statusLabel } from '@/lib/status-label';

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  status: RunStatus | SweepStatus;
  /** Optional `data-testid`. */
  testId?: string;
}

/**
 * A run's or sweep's status in words ("stopped early"), coloured by the
 * `status-*` CSS classes, named by the status in lower case (`status-stopped_early`).
 */
export function StatusBadge({ status, testId }: StatusBadgeProps) {
  return (
    <span data-testid={testId} className={`status status-${status.toLowerCase()}`}>
      {statusLabel(status)}
    </span>
  );
}
