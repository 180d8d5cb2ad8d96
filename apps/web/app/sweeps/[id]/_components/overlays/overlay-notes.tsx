import type { FrontierPoint } from '@sweepscope/conclusions';
import styles from './overlays.module.css';

/** Props of {@link OverlayNotes}. */
export interface OverlayNotesProps {
  /** The ratio lines are shown; they start from this batch size (the smallest). */
  ratioFrom: number | null;
  /** How many ratio lines there are. */
  ratioLines: number;
  /** The frontier is shown, with these limits. */
  frontier: readonly FrontierPoint[] | null;
}

function describeLimit({ batchSize, largestStableLearningRate: stable, smallestUnstableLearningRate: diverged }: FrontierPoint): string {
  if (diverged === null) return `batch ${batchSize}: nothing diverged or was unstable; stable up to ${String(stable)} (the limit lies above the grid)`;
  if (stable === null) return `batch ${batchSize}: every run diverged or was unstable, from ${String(diverged)}`;
  if (stable > diverged) return `batch ${batchSize}: mixed — diverged or unstable at ${String(diverged)} yet stable at ${String(stable)}`;
  return `batch ${batchSize}: stable up to ${String(stable)}, diverged or unstable from ${String(diverged)}`;
}

/** What the overlays show, in words: the SVG over the grid is hidden from screen readers. */
export function OverlayNotes({ ratioFrom, ratioLines, frontier }: OverlayNotesProps) {
  if (ratioFrom === null && frontier === null) return null;
  return (
    <div className={styles.notes} data-testid="overlay-notes">
      {ratioFrom !== null && (
        <p>
          <span className={styles.swatch} aria-hidden="true" /> Dashed lines: learning rate ÷ batch size held constant (the linear scaling rule), one through
          each cell of batch {ratioFrom}
          {ratioLines === 0 && ' — the grid needs two batch sizes and two learning rates for them'}.
        </p>
      )}
      {frontier !== null && (
        <div>
          <p>
            <span className={`${styles.swatch} ${styles.swatchFrontier}`} aria-hidden="true" /> Solid line: the stability frontier, between the cells that
            trained stably (to their end, or until early stopping) and those that diverged; a pruned run fell behind, which says nothing about stability, so it
            is left out.
          </p>
          {frontier.length === 0 ? (
            <p className="muted">No run has trained to its end, stopped early or diverged yet.</p>
          ) : (
            <ul data-testid="frontier-summary">
              {frontier.map((limit) => (
                <li key={limit.batchSize}>{describeLimit(limit)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
