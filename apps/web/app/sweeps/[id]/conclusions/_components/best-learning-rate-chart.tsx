import { useId } from 'react';

import type { SweepConclusions } from '@/graphql/conclusions.query';

import { formatDecimal, formatLearningRate } from '../_lib/format-conclusions';
import chartStyles from '../../../../_components/charts/chart.module.css';
import { ChartLegend, type LegendEntry } from '../../../../_components/charts/legend/chart-legend';
import { layOutLegend, LEGEND_ROW_HEIGHT } from '../../../../_components/charts/legend/lay-out-legend';
import { createLogScale, getLogExtent, getLogTicks } from '../../../../_components/charts/scales/log-scale';
import { roundPosition } from '../../../../_components/charts/scales/scale';
import { getFittedLine, getPredictedCurve, getRuleLines, RULE_SLOPES, type LineSegment, type ScalingPoint } from '../_lib/scaling-lines';
import styles from '../conclusions.module.css';

/** Props of {@link BestLearningRateChart}. */
export interface BestLearningRateChartProps {
  bestLearningRates: SweepConclusions['bestLearningRates'];
  scaling: SweepConclusions['scaling'];
  /** What the gradient noise scale predicts; null when no run measured it. */
  noiseScale: SweepConclusions['noiseScale'];
  /** The grid's batch sizes (its rows), ascending: the x axis's ticks. */
  batchSizes: readonly number[];
  /** The grid's learning rates (its columns), ascending: the y axis's ticks. */
  learningRates: readonly number[];
}

const WIDTH = 640;
/** The plot's height, without the legend above it. */
const PLOT_HEIGHT = 300;
const MARGIN = { right: 28, bottom: 50, left: 66 } as const;
const LEGEND_TOP = 18;
/** Half the width of a tried learning rate's tick, in SVG units. */
const TICK_HALF = 9;
/** Closest two axis labels may sit, in SVG units. */
const LABEL_GAP = { x: 34, y: 14 } as const;

function spaced(ticks: readonly number[], position: (value: number) => number, gap: number): number[] {
  const kept: number[] = [];
  for (const tick of ticks) {
    const last = kept.at(-1);
    if (last === undefined || Math.abs(position(tick) - position(last)) >= gap) kept.push(tick);
  }
  return kept;
}

function lineEnds(line: LineSegment | null): number[] {
  return line === null ? [] : [line.from.learningRate, line.to.learningRate];
}

function legendEntries(
  best: BestLearningRateChartProps['bestLearningRates'],
  hasRules: boolean,
  fittedSlope: number | null,
  criticalBatchSize: number | null,
): LegendEntry[] {
  const hasOnly = best.some((entry) => entry.edge === 'ONLY');
  const hasEdge = best.some((entry) => entry.edge === 'LOWEST' || entry.edge === 'HIGHEST');
  return [
    { key: 'best', label: 'best learning rate', swatch: <circle className={styles.bestPoint} cx={11} cy={6} r={5} /> },
    ...(hasOnly ? [{ key: 'only', label: 'only one rate tried', swatch: <circle className={styles.onlyPoint} cx={11} cy={6} r={4.5} /> }] : []),
    ...(hasEdge ? [{ key: 'edge', label: 'best at an end of those tried', swatch: <path className={styles.edgeMark} d="M 6 10 L 11 2 L 16 10 Z" /> }] : []),
    { key: 'tried', label: 'learning rates tried', swatch: <line className={styles.tried} x1={2} y1={6} x2={20} y2={6} /> },
    ...(hasRules
      ? [
          { key: 'lsr', label: `Linear Scaling Rule (slope ${RULE_SLOPES.linear})`, swatch: <line className={styles.lsr} x1={0} y1={6} x2={22} y2={6} /> },
          {
            key: 'sqrt',
            label: `square-root scaling (slope ${RULE_SLOPES.squareRoot})`,
            swatch: <line className={styles.sqrt} x1={1} y1={6} x2={21} y2={6} />,
          },
        ]
      : []),
    ...(fittedSlope !== null
      ? [{ key: 'fit', label: `fitted slope ${formatDecimal(fittedSlope)}`, swatch: <line className={styles.fit} x1={0} y1={6} x2={22} y2={6} /> }]
      : []),
    ...(criticalBatchSize !== null
      ? [
          {
            key: 'noise',
            label: `noise-scale prediction (critical batch ${formatDecimal(criticalBatchSize, 0)})`,
            swatch: <line className={styles.noisePrediction} x1={0} y1={6} x2={22} y2={6} />,
          },
        ]
      : []),
  ];
}

function describeChart({ bestLearningRates, scaling, noiseScale }: BestLearningRateChartProps, rules: ReturnType<typeof getRuleLines>): string {
  const points = bestLearningRates.map((entry) => {
    const rates = entry.learningRates.map(formatLearningRate).join(' and ');
    const edge =
      entry.edge === 'ONLY'
        ? ' (the only one tried)'
        : entry.edge === 'HIGHEST'
          ? ' (the highest tried)'
          : entry.edge === 'LOWEST'
            ? ' (the lowest tried)'
            : '';
    return `batch ${entry.batchSize}: ${rates}${edge}, of ${entry.triedLearningRates.map(formatLearningRate).join(', ')} tried`;
  });
  const parts = [`Best learning rate per batch size: ${points.join('; ')}.`];
  if (rules !== null) {
    const { linear, squareRoot } = rules;
    parts.push(
      `Through batch ${linear.from.batchSize} at ${formatLearningRate(linear.from.learningRate)}, the Linear Scaling Rule predicts ` +
        `${formatLearningRate(linear.to.learningRate)} at batch ${linear.to.batchSize} and square-root scaling ${formatLearningRate(squareRoot.to.learningRate)}.`,
    );
  }
  if (scaling.slope !== null) parts.push(`The fitted slope is ${formatDecimal(scaling.slope)}.`);
  if (noiseScale?.maxLearningRate != null && noiseScale.points.length > 0) {
    const predicted = noiseScale.points.map((point) => `${formatLearningRate(point.predicted)} at batch ${point.batchSize}`).join(', ');
    parts.push(`The gradient noise scale (critical batch size ${formatDecimal(noiseScale.criticalBatchSize.value, 0)}) predicts ${predicted}.`);
  }
  return parts.join(' ');
}

/**
 * The best learning rate of each batch size on log–log axes, with the Linear
 * Scaling Rule (slope 1) and square-root scaling (slope 0.5) drawn through
 * the smallest batch size's best point, the API's fitted slope over the
 * points it fitted, the best learning rate the gradient noise scale predicts
 * (a curve, fitted to the points in height only), and each batch size's tried learning rates as faint
 * ticks, so the grid's resolution shows. A legend sits inside the drawing.
 */
export function BestLearningRateChart(props: BestLearningRateChartProps) {
  const { bestLearningRates, scaling, noiseScale, batchSizes, learningRates } = props;
  const titleId = useId();
  const descId = useId();
  const rules = getRuleLines(bestLearningRates);
  const fitted = getFittedLine(scaling.points, scaling.slope);
  const predictedBatches = noiseScale?.points.map((point) => point.batchSize) ?? [];
  const predicted: ScalingPoint[] =
    noiseScale?.maxLearningRate != null && predictedBatches.length > 0
      ? getPredictedCurve(noiseScale.maxLearningRate, noiseScale.criticalBatchSize.value, [Math.min(...predictedBatches), Math.max(...predictedBatches)])
      : [];

  const xValues = [...batchSizes, ...bestLearningRates.map((entry) => entry.batchSize)];
  const yValues = [
    ...learningRates,
    ...bestLearningRates.flatMap((entry) => [...entry.triedLearningRates, ...entry.learningRates]),
    ...lineEnds(rules?.linear ?? null),
    ...lineEnds(rules?.squareRoot ?? null),
    ...lineEnds(fitted),
    ...predicted.map((point) => point.learningRate),
  ];
  const left = MARGIN.left;
  const right = WIDTH - MARGIN.right;
  const legend = layOutLegend(
    legendEntries(
      bestLearningRates,
      rules !== null,
      fitted !== null ? scaling.slope : null,
      predicted.length > 0 ? (noiseScale?.criticalBatchSize.value ?? null) : null,
    ),
    right - left,
  );
  const top = LEGEND_TOP + legend.rows * LEGEND_ROW_HEIGHT + 12;
  const bottom = top + PLOT_HEIGHT;
  const height = bottom + MARGIN.bottom;
  const xScale = createLogScale({ domain: getLogExtent(xValues, 1.25), range: [left, right] });
  const yScale = createLogScale({ domain: getLogExtent(yValues, 1.6), range: [bottom, top] });
  const x = (batchSize: number) => roundPosition(xScale(batchSize));
  const y = (learningRate: number) => roundPosition(yScale(learningRate));
  const xTicks = spaced(
    [...new Set(xValues)].sort((a, b) => a - b),
    x,
    LABEL_GAP.x,
  );
  const gridRates = [...new Set(learningRates)].sort((a, b) => a - b);
  const yTicks = spaced(gridRates.length >= 2 ? gridRates : getLogTicks(...yScale.domain), y, LABEL_GAP.y);

  const segment = (line: LineSegment, className: string | undefined, testId: string) => (
    <line
      data-testid={testId}
      className={className}
      x1={x(line.from.batchSize)}
      y1={y(line.from.learningRate)}
      x2={x(line.to.batchSize)}
      y2={y(line.to.learningRate)}
    />
  );

  return (
    <svg
      data-testid="best-learning-rate-chart"
      className={`${chartStyles.svg} ${styles.chart}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label="Best learning rate per batch size, log–log, with the Linear Scaling Rule and square-root scaling"
      aria-describedby={descId}
    >
      <title id={titleId}>Best learning rate per batch size (log–log)</title>
      <desc id={descId}>{describeChart(props, rules)}</desc>
      <ChartLegend x={left} y={LEGEND_TOP} placed={legend.placed} />

      {yTicks.map((tick) => (
        <g key={`y${tick}`}>
          <line className={chartStyles.gridline} x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text className={chartStyles.tickLabel} x={left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatLearningRate(tick)}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text key={`x${tick}`} className={chartStyles.tickLabel} x={x(tick)} y={bottom + 18} textAnchor="middle">
          {tick}
        </text>
      ))}
      <polyline className={chartStyles.axis} points={`${left},${top} ${left},${bottom} ${right},${bottom}`} />
      <text className={chartStyles.axisTitle} x={(left + right) / 2} y={height - 10} textAnchor="middle">
        batch size (log scale)
      </text>
      <text className={chartStyles.axisTitle} transform={`translate(16, ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
        learning rate (log scale)
      </text>

      <g data-testid="tried-learning-rates">
        {bestLearningRates.flatMap((entry) =>
          entry.triedLearningRates.map((rate) => (
            <line
              key={`${entry.batchSize}-${rate}`}
              className={styles.tried}
              x1={x(entry.batchSize) - TICK_HALF}
              x2={x(entry.batchSize) + TICK_HALF}
              y1={y(rate)}
              y2={y(rate)}
            />
          )),
        )}
      </g>
      {/* The fit first: where it lies on a rule, the rule's dashes stay visible over it. */}
      {fitted !== null && segment(fitted, styles.fit, 'fitted-slope')}
      {rules !== null && segment(rules.linear, styles.lsr, 'rule-linear')}
      {rules !== null && segment(rules.squareRoot, styles.sqrt, 'rule-square-root')}
      {predicted.length > 0 && (
        <polyline
          data-testid="noise-scale-prediction"
          className={styles.noisePrediction}
          points={predicted.map((point) => `${x(point.batchSize)},${y(point.learningRate)}`).join(' ')}
        />
      )}

      <g data-testid="best-points">
        {bestLearningRates.flatMap((entry) =>
          entry.learningRates.map((rate) => {
            const cx = x(entry.batchSize);
            const cy = y(rate);
            return (
              <g key={`${entry.batchSize}-${rate}`}>
                <circle className={entry.edge === 'ONLY' ? styles.onlyPoint : styles.bestPoint} cx={cx} cy={cy} r={entry.edge === 'ONLY' ? 4.5 : 5.5} />
                {entry.edge === 'HIGHEST' && <path className={styles.edgeMark} d={`M ${cx - 5} ${cy - 9} L ${cx} ${cy - 17} L ${cx + 5} ${cy - 9} Z`} />}
                {entry.edge === 'LOWEST' && <path className={styles.edgeMark} d={`M ${cx - 5} ${cy + 9} L ${cx} ${cy + 17} L ${cx + 5} ${cy + 9} Z`} />}
              </g>
            );
          }),
        )}
      </g>
    </svg>
  );
}
