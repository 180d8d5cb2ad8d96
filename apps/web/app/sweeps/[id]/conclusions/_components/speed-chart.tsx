import { useId } from 'react';

import type { SweepConclusions } from '@/graphql/conclusions.query';

import chartStyles from '../../../../_components/charts/chart.module.css';
import { formatRunLabel } from '../_lib/format-conclusions';
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
const ROW = 26;
const TOP = 20;
const BOTTOM = 40;
const LABEL_RIGHT = 180;
const PLOT = { left: 196, right: 600 } as const;

function epochTicks(planned: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((candidate) => planned / candidate <= 6) ?? Math.ceil(planned / 5);
  const ticks: number[] = [];
  for (let tick = 0; tick <= planned; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * Per finished run, a bar of the epochs it took to first reach 90% of its own
 * best validation accuracy, on an axis of the planned epochs. A run whose
 * epochs are not all stored (an import of final results) says so instead.
 */
export function SpeedChart({ speed, plannedEpochs, withRepeat }: SpeedChartProps) {
  const descId = useId();
  const height = TOP + speed.length * ROW + BOTTOM;
  const bottom = height - BOTTOM;
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
      {epochTicks(end).map((tick) => (
        <g key={tick}>
          <line className={chartStyles.gridline} x1={x(tick)} x2={x(tick)} y1={TOP} y2={bottom} />
          <text className={chartStyles.tickLabel} x={x(tick)} y={bottom + 16} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      <line className={chartStyles.axis} x1={PLOT.left} x2={PLOT.right} y1={bottom} y2={bottom} />
      <text className={chartStyles.axisTitle} x={(PLOT.left + PLOT.right) / 2} y={height - 6} textAnchor="middle">
        epochs to 90% of the run&apos;s best validation accuracy
      </text>
      {speed.map((run, index) => {
        const y = TOP + index * ROW;
        const cy = y + ROW / 2;
        const epochs = run.epochsToThreshold;
        return (
          <g key={run.runId} data-testid="speed-row">
            <text className={styles.rowLabel} x={LABEL_RIGHT} y={cy} dy="0.32em" textAnchor="end">
              {formatRunLabel(run, withRepeat)}
            </text>
            {epochs === null ? (
              <text className={styles.mutedLabel} x={PLOT.left + 6} y={cy} dy="0.32em">
                not measurable: not every epoch is stored
              </text>
            ) : (
              <>
                <rect className={styles.bar} x={PLOT.left} y={y + 5} width={Math.max(1, x(epochs) - PLOT.left)} height={ROW - 10} rx={2} />
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
