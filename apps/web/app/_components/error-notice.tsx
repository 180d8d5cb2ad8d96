'use client';

import type { CombinedError } from 'urql';

import { useConnection } from '@/urql/connection-context';

import { describeRequestError } from './describe-request-error';

/** Props of {@link ErrorNotice}. */
export interface ErrorNoticeProps {
  /** What failed, e.g. "load the sweeps". */
  action: string;
  error: CombinedError;
  /** Shows a Retry button when given. */
  onRetry?: () => void;
}

/** Explains a failed request: an unreachable API, or the errors the API returned. */
export function ErrorNotice({ action, error, onRetry }: ErrorNoticeProps) {
  const { apiUrl } = useConnection();
  const detail = describeRequestError(error, apiUrl);
  return (
    <div role="alert" className="notice notice-error" data-testid="error">
      <p>
        <strong>Could not {action}.</strong> {detail}
      </p>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
