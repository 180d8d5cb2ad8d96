import type { RunStatus, SweepStatus } from '@/graphql';

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  status: RunStatus | SweepStatus;
  /** Optional `data-testid`. */
  testId?: string;
}

/** A run's or sweep's status in lower case, coloured by the `status-*` CSS classes. */
export function StatusBadge({ status, testId }: StatusBadgeProps) {
  const text = status.toLowerCase();
  return (
    <span data-testid={testId} className={`status status-${text}`}>
      {text}
    </span>
  );
}
