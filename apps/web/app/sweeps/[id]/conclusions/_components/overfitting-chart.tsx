import { useId } from 'react';

import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatPoints, formatRunLabel } from '../_lib/format-conclusions';
import { BottomAxis } from '../../../../_components/charts/axes/bottom-axis';
import chartStyles from '../../../../_components/charts/chart.module.css';
import { ChartLegend } from '../../../../_components/charts/legend/chart-legend';
import { layOutLegend } from '../../../../_components/charts/legend/lay-out-legend';
import { RUN_ROWS } from '../_lib/run-rows-layout';
import styles from '../conclusions.module.css';

/** Props of {@link OverfittingChart}. */
export interface OverfittingChartProps {
  overfitting: SweepConclusions['overfitting'];
  /** Whether any cell has more than one repeat, so run labels name theirs. */
  withRepeat: boolean;
}

const WIDTH = 700;
const TOP = 58;
const PLOT = { left: RUN_ROWS.plotLeft, right: 470 } as const;
/** Where the gap's text starts, clear of a dot at 100%. */
const GAP_X = 488;
const ROSE_X = 560;
const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1] as const;

const LEGEND = layOutLegend(
  [
    { key: 'train', label: 'train accuracy', swatch: <circle className={styles.trainDot} cx={11} cy={6} r={5} /> },
    { key: 'val', label: 'validation accuracy', swatch: <circle className={styles.valDot} cx={11} cy={6} r={5} /> },
  ],
  WIDTH - PLOT.left,
).placed;

function describeRun(run: SweepConclusions['overfitting'][number], withRepeat: boolean): string {
  const rose = run.valLossRose ? `; validation loss rose ${run.valLossRise.toFixed(3)} after its minimum at epoch ${run.minValLossEpoch}` : '';
  return `${formatRunLabel(run, withRepeat)}: train ${formatPercent(run.accuracy)}, validation ${formatPercent(run.valAccuracy)}, gap ${formatPoints(run.gap)}${rose}`;
}

/**
 * Per finished run, train and validation accuracy at its last epoch as two
 * dots joined by the gap between them, the gap in points beside, and a mark
 * on each run whose validation loss rose beyond noise from its minimum, with
 * the epoch of that minimum.
 */
export function OverfittingChart({ overfitting, withRepeat }: OverfittingChartProps) {
  const descId = useId();
  const height = TOP + overfitting.length * RUN_ROWS.height + RUN_ROWS.bottom;
  const bottom = height - RUN_ROWS.bottom;
  const x = (fraction: number) => PLOT.left + Math.min(1, Math.max(0, fraction)) * (PLOT.right - PLOT.left);
  const rose = overfitting.filter((run) => run.valLossRose).length;
  return (
    <svg
      data-testid="overfitting-chart"
      className={`${chartStyles.svg} ${styles.chart}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Train against validation accuracy at the last epoch of ${overfitting.length} runs; ${rose} with a validation loss that rose`}
      aria-describedby={descId}
    >
      <title>Overfitting: train and validation accuracy at the end of each run</title>
      <desc id={descId}>{overfitting.map((run) => describeRun(run, withRepeat)).join('. ')}.</desc>
      <ChartLegend x={PLOT.left} y={18} placed={LEGEND} />
      <text className={styles.mutedLabel} x={GAP_X} y={TOP - 10}>
        gap
      </text>
      <text className={styles.mutedLabel} x={ROSE_X} y={TOP - 10}>
        validation loss
      </text>
      <BottomAxis
        ticks={PERCENT_TICKS}
        x={x}
        format={(tick) => `${tick * 100}%`}
        left={PLOT.left}
        right={PLOT.right}
        top={TOP - 4}
        bottom={bottom}
        title="accuracy at the last epoch"
        titleY={height - 6}
      />
      {overfitting.map((run, index) => {
        const cy = TOP + index * RUN_ROWS.height + RUN_ROWS.height / 2;
        return (
          <g key={run.runId} data-testid="overfitting-row">
            {index % 2 === 0 && <rect className={styles.rowStripe} x={0} y={cy - RUN_ROWS.height / 2} width={WIDTH} height={RUN_ROWS.height} />}
            <text className={styles.rowLabel} x={RUN_ROWS.labelRight} y={cy} dy="0.32em" textAnchor="end">
              {formatRunLabel(run, withRepeat)}
            </text>
            <line className={styles.gapLine} x1={x(run.valAccuracy)} x2={x(run.accuracy)} y1={cy} y2={cy} />
            <circle className={styles.trainDot} cx={x(run.accuracy)} cy={cy} r={5} />
            <circle className={styles.valDot} cx={x(run.valAccuracy)} cy={cy} r={5} />
            <text className={styles.valueLabel} x={GAP_X} y={cy} dy="0.32em">
              {formatPoints(run.gap)}
            </text>
            {run.valLossRose ? (
              <text className={styles.roseLabel} x={ROSE_X} y={cy} dy="0.32em" data-testid="val-loss-rose">
                ▲ rose after epoch {run.minValLossEpoch}
              </text>
            ) : (
              <text className={styles.mutedLabel} x={ROSE_X} y={cy} dy="0.32em">
                no rise
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
