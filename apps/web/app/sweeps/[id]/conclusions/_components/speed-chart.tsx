import { useId } from 'react';

import type { SweepConclusions } from '@/graphql/conclusions.query';

import { getLinearTicks } from '../../../../_components/charts/scales/linear-scale';
import { BottomAxis } from '../../../../_components/charts/axes/bottom-axis';
import chartStyles from '../../../../_components/charts/chart.module.css';
import { formatRunLabel } from '../_lib/format-conclusions';
import { RUN_ROWS } from '../_lib/run-rows-layout';
import styles from '../conclusions.module.css';

/** Props of {@link SpeedChart}. */
export interface SpeedChartProps {
  speed: SweepConclusions['speed'];
  /** Epochs each run was planned to train: the axis's end. */
  plannedEpochs: number;
  /** Whether any cell has more than one repeat, so run labels name theirs. */
  withRepeat: boolean;
}

const WIDTH = 680;
const TOP = 20;
const PLOT = { left: RUN_ROWS.plotLeft, right: 600 } as const;

/**
 * Per finished run, a bar of the epochs it took to first reach 90% of its own
 * best validation accuracy, on an axis of the planned epochs. A run whose
 * epochs are not all stored (an import of final results) says so instead.
 */
export function SpeedChart({ speed, plannedEpochs, withRepeat }: SpeedChartProps) {
  const descId = useId();
  const height = TOP + speed.length * RUN_ROWS.height + RUN_ROWS.bottom;
  const bottom = height - RUN_ROWS.bottom;
  const end = Math.max(1, plannedEpochs, ...speed.map((run) => run.epochsToThreshold ?? 0));
  const x = (epochs: number) => PLOT.left + (epochs / end) * (PLOT.right - PLOT.left);
  return (
    <svg
      data-testid="speed-chart"
      className={`${chartStyles.svg} ${styles.chart}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Epochs to 90% of the best validation accuracy, for ${speed.length} runs`}
      aria-describedby={descId}
    >
      <title>Speed: epochs to 90% of each run&apos;s best validation accuracy</title>
      <desc id={descId}>
        {speed
          .map((run) => `${formatRunLabel(run, withRepeat)}: ${run.epochsToThreshold === null ? 'not measurable' : `${run.epochsToThreshold} epochs`}`)
          .join('. ')}
        .
      </desc>
      <BottomAxis
        ticks={getLinearTicks(0, end, { count: 6, wholeNumbers: true })}
        x={x}
        format={String}
        left={PLOT.left}
        right={PLOT.right}
        top={TOP}
        bottom={bottom}
        title="epochs to 90% of the run's best validation accuracy"
        titleY={height - 6}
      />
      {speed.map((run, index) => {
        const y = TOP + index * RUN_ROWS.height;
        const cy = y + RUN_ROWS.height / 2;
        const epochs = run.epochsToThreshold;
        return (
          <g key={run.runId} data-testid="speed-row">
            <text className={styles.rowLabel} x={RUN_ROWS.labelRight} y={cy} dy="0.32em" textAnchor="end">
              {formatRunLabel(run, withRepeat)}
            </text>
            {epochs === null ? (
              <text className={styles.mutedLabel} x={PLOT.left + 6} y={cy} dy="0.32em">
                not measurable: not every epoch is stored
              </text>
            ) : (
              <>
                <rect className={styles.bar} x={PLOT.left} y={y + 5} width={Math.max(1, x(epochs) - PLOT.left)} height={RUN_ROWS.height - 10} rx={2} />
                <text className={styles.valueLabel} x={x(epochs) + 6} y={cy} dy="0.32em">
                  {epochs} {epochs === 1 ? 'epoch' : 'epochs'}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
