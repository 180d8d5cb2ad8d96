import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatDecimal, formatLearningRate } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { BestLearningRateChart } from './best-learning-rate-chart';
import { ChartFigure } from './chart-figure';
import { ConclusionsSection } from './conclusions-section';
import { DataTable } from './data-table';
import { FindingsList } from './findings-list';

/** Props of {@link ScalingSection}. */
export interface ScalingSectionProps {
  sweepId: string;
  conclusions: SweepConclusions;
  /** The grid's batch sizes, ascending. */
  batchSizes: readonly number[];
  /** The grid's learning rates, ascending. */
  learningRates: readonly number[];
}

const EDGE_WORDS = { LOWEST: 'lowest tried', HIGHEST: 'highest tried', ONLY: 'only one tried' } as const;
const RULE_NAMES = { LINEAR: 'the Linear Scaling Rule (slope 1)', SQUARE_ROOT: 'square-root scaling (slope 0.5)' } as const;

/**
 * The best learning rate of each batch size and how it scales: the findings,
 * the log–log chart with both rules and the gradient noise scale's prediction, and the fit's numbers (slope, its
 * standard error, and the smallest change of slope the grid can show).
 */
export function ScalingSection({ sweepId, conclusions, batchSizes, learningRates }: ScalingSectionProps) {
  const { bestLearningRates, scaling } = conclusions;
  const table = (
    <DataTable
      caption="By mean final validation accuracy; an end of the tried range means the optimum may lie beyond it."
      columns={[
        { label: 'Batch size', numeric: true },
        { label: 'Best learning rate', numeric: true },
        { label: 'Final val. accuracy', numeric: true },
        { label: 'Learning rates tried' },
        { label: 'Where' },
      ]}
    >
      {bestLearningRates.map((entry) => (
        <tr key={entry.batchSize}>
          <th scope="row" className="num">
            {entry.batchSize}
          </th>
          <td className="num">{entry.learningRates.map(formatLearningRate).join(', ')}</td>
          <td className="num">{formatPercent(entry.valAccuracy)}</td>
          <td>{entry.triedLearningRates.map(formatLearningRate).join(', ')}</td>
          <td>{entry.edge === null ? 'inside the range' : EDGE_WORDS[entry.edge]}</td>
        </tr>
      ))}
    </DataTable>
  );
  return (
    <ConclusionsSection id="scaling" title="Learning rate and batch size">
      <FindingsList findings={conclusions.findings} topics={['LEARNING_RATE', 'SCALING', 'NOISE_SCALE']} />
      {bestLearningRates.length > 0 && (
        <ChartFigure
          title="Best learning rate per batch size"
          filename={`sweep-${sweepId}-best-learning-rate.png`}
          testId="scaling-figure"
          chart={
            <BestLearningRateChart
              bestLearningRates={bestLearningRates}
              scaling={scaling}
              noiseScale={conclusions.noiseScale}
              batchSizes={batchSizes}
              learningRates={learningRates}
            />
          }
          table={table}
        />
      )}
      <dl className={styles.factList} data-testid="scaling-facts">
        <div>
          <dt>Fitted slope</dt>
          <dd>
            {scaling.slope === null ? 'needs two batch sizes with two learning rates each' : formatDecimal(scaling.slope)}
            {scaling.slopeStandardError !== null && ` ± ${formatDecimal(scaling.slopeStandardError)} (standard error)`}
          </dd>
        </div>
        <div>
          <dt>Closer to</dt>
          <dd>{scaling.closerTo === null ? 'neither rule' : RULE_NAMES[scaling.closerTo]}</dd>
        </div>
        <div>
          <dt>Smallest slope change the grid shows</dt>
          <dd>
            {formatDecimal(scaling.slopeStep)}
            {scaling.slopeStep !== null && (scaling.resolvesRules ? ': fine enough to tell the rules apart' : ': too coarse to tell the rules apart (0.5)')}
          </dd>
        </div>
        <div>
          <dt>Critical batch size (gradient noise scale)</dt>
          <dd data-testid="critical-batch-size">
            {conclusions.noiseScale === null
              ? 'not measured'
              : `${formatDecimal(conclusions.noiseScale.criticalBatchSize.value, 0)} images (runs ${formatDecimal(conclusions.noiseScale.criticalBatchSize.runsLow, 0)}–${formatDecimal(conclusions.noiseScale.criticalBatchSize.runsHigh, 0)})`}
          </dd>
        </div>
        <div>
          <dt>Batch sizes fitted</dt>
          <dd>{scaling.points.length === 0 ? 'none' : scaling.points.map((point) => point.batchSize).join(', ')}</dd>
        </div>
      </dl>
    </ConclusionsSection>
  );
}
