import { memo } from 'react';

import type { LiveRun } from '../live/apply-sweep-events';
import { buildSparklinePoints, listDrawnEpochs, type SparklineBox, type SparklineDomain } from './build-sparkline';
import styles from './sweep-grid.module.css';

/** Props of {@link CellSparkline}. */
export interface CellSparklineProps {
  /** The cell's runs; each with epochs gets a line. */
  runs: readonly LiveRun[];
  /** Epochs each run trains: the right edge. */
  plannedEpochs: number;
  /** The range all the grid's sparklines share; null draws nothing. */
  domain: SparklineDomain | null;
}

const BOX: SparklineBox = { width: 100, height: 22, inset: 2 };

/**
 * Validation accuracy per epoch of a cell's runs, one line per repeat, in the
 * cell's text colour, growing to the right as epochs land. Decorative for
 * screen readers (the cell's label says its state and value). Each line's
 * `data-epochs` lists the epoch numbers it draws, for tests to check that no
 * point is drawn twice. Memoised: a cell whose colour changes keeps its lines.
 */
export const CellSparkline = memo(function CellSparkline({ runs, plannedEpochs, domain }: CellSparklineProps) {
  return (
    <svg
      className={styles.sparkline}
      data-testid="cell-sparkline"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {domain !== null &&
        runs.map((run) => {
          const epochs = listDrawnEpochs(run.valAccuracies);
          if (epochs.length === 0) return null;
          return (
            <polyline
              key={run.id}
              className={epochs.length === 1 ? styles.sparklineDot : undefined}
              data-run-id={run.id}
              data-epochs={epochs.join(',')}
              points={buildSparklinePoints(run.valAccuracies, plannedEpochs, domain, BOX)}
            />
          );
        })}
    </svg>
  );
});
