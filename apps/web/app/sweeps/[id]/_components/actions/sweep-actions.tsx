'use client';

import { useState } from 'react';
import { useMutation } from 'urql';

import { CancelSweepMutation } from '@/graphql';
import { useConnection } from '@/urql/connection-context';

import { buildDownloadUrls } from '@/lib/build-download-urls';
import { describeRequestError } from '../../../../_components/describe-request-error';
import styles from './actions.module.css';

/** Props of {@link SweepActions}. */
export interface SweepActionsProps {
  sweepId: string;
  /** A built-in record: nothing of it can be cancelled. */
  readOnly: boolean;
  /** Runs queued or running now: what Cancel sweep would stop. */
  activeRuns: number;
}

/**
 * Cancel sweep (asks once more, naming how many runs it stops; a refusal
 * shows inline in the API's words) and downloads of the sweep's epochs as CSV
 * and JSON, served by the API beside its GraphQL endpoint.
 */
export function SweepActions({ sweepId, readOnly, activeRuns }: SweepActionsProps) {
  const { apiUrl } = useConnection();
  const [state, cancelSweep] = useMutation(CancelSweepMutation);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  let downloads: ReturnType<typeof buildDownloadUrls> | null = null;
  try {
    downloads = buildDownloadUrls(apiUrl, sweepId);
  } catch {
    // No absolute API URL (a tree rendered without the provider): no links to offer.
  }

  const confirm = async () => {
    setError(null);
    const result = await cancelSweep({ id: sweepId });
    setConfirming(false);
    if (result.error !== undefined) setError(describeRequestError(result.error));
  };

  return (
    <div className={styles.sweepActions} data-testid="sweep-actions">
      {downloads !== null && (
        <>
          <a className="button" href={downloads.csv} download data-testid="download-csv">
            Download CSV
          </a>
          <a className="button" href={downloads.json} download data-testid="download-json">
            Download JSON
          </a>
        </>
      )}
      {!readOnly &&
        (confirming ? (
          <span className={styles.confirm} role="group" aria-label="Confirm cancelling the sweep">
            <span>
              Stop {activeRuns} {activeRuns === 1 ? 'run' : 'runs'}?
            </span>
            <button
              type="button"
              className={`button ${styles.danger}`}
              disabled={state.fetching}
              onClick={() => void confirm()}
              data-testid="confirm-cancel-sweep"
            >
              Cancel them
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep training
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button"
            disabled={activeRuns === 0}
            onClick={() => {
              setError(null);
              setConfirming(true);
            }}
            data-testid="cancel-sweep"
            title={activeRuns === 0 ? 'No run is queued or running' : undefined}
          >
            Cancel sweep
          </button>
        ))}
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="sweep-action-error">
          {error}
        </p>
      )}
    </div>
  );
}
