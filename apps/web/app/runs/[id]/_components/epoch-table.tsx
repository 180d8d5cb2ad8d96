import { formatDuration } from '@sweepscope/core';

import type { EpochFields } from '@/graphql';
import { formatPercent } from '@/lib/format';
import styles from '../run-page.module.css';

/** Props of {@link EpochTable}. */
export interface EpochTableProps {
  epochs: readonly EpochFields[];
  /** Which attempt they belong to, for the caption. */
  attempt: number;
  /** The epoch with the best validation accuracy, marked; null for none. */
  bestEpoch: number | null;
}

function formatLossCell(loss: number): string {
  return Number.isFinite(loss) ? loss.toFixed(4) : '–';
}

/**
 * Every epoch of one attempt: training loss and accuracy over the epoch,
 * validation loss and accuracy after it, wall time and training throughput.
 * The best epoch (highest validation accuracy) says so in words.
 */
export function EpochTable({ epochs, attempt, bestEpoch }: EpochTableProps) {
  if (epochs.length === 0) {
    return (
      <p className="muted" data-testid="epoch-table-empty">
        No epoch of attempt {attempt} has finished yet.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className={`table ${styles.epochTable}`} data-testid="epoch-table">
        <caption className="visually-hidden">Epochs of attempt {attempt}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Epoch
            </th>
            <th scope="col" className="num">
              Train loss
            </th>
            <th scope="col" className="num">
              Train accuracy
            </th>
            <th scope="col" className="num">
              Val. loss
            </th>
            <th scope="col" className="num">
              Val. accuracy
            </th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col" className="num">
              Images/s
            </th>
            <th scope="col" className="num">
              <abbr title="The gradient noise scale B_simple, in images: an estimate of the critical batch size">Noise scale</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {epochs.map((epoch) => (
            <tr key={epoch.id} data-testid="epoch-row" className={epoch.epoch === bestEpoch ? styles.epochBest : undefined}>
              <th scope="row" className="num">
                {epoch.epoch}
                {epoch.epoch === bestEpoch && <span className={styles.epochBestTag}> best</span>}
              </th>
              <td className="num">{formatLossCell(epoch.loss)}</td>
              <td className="num">{formatPercent(epoch.accuracy)}</td>
              <td className="num">{formatLossCell(epoch.valLoss)}</td>
              <td className="num">{formatPercent(epoch.valAccuracy)}</td>
              <td className="num">{formatDuration(epoch.durationMs)}</td>
              <td className="num">{epoch.imagesPerSecond === null ? '–' : epoch.imagesPerSecond.toFixed(1)}</td>
              <td className="num">{epoch.noiseScale === null ? '–' : epoch.noiseScale.toFixed(0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
