import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatDecimal, formatPoints } from '../_lib/format-conclusions';
import { FinishedRunsSection } from './finished-runs-section';
import { OverfittingChart } from './overfitting-chart';
import { RunTable } from './run-table';

/** Props of {@link OverfittingSection}. */
export interface OverfittingSectionProps {
  sweepId: string;
  conclusions: SweepConclusions;
  /** Whether any cell has more than one repeat. */
  withRepeat: boolean;
}

/** Overfitting per finished run: the findings, the train–validation chart and its table. */
export function OverfittingSection({ sweepId, conclusions, withRepeat }: OverfittingSectionProps) {
  const { overfitting } = conclusions;
  const table = (
    <RunTable
      caption="At each finished run’s last epoch. Validation loss “rose” when it ended more than 5% and 0.01 nats above its minimum."
      runs={overfitting}
      columns={[
        { label: 'Train acc.', numeric: true },
        { label: 'Val. acc.', numeric: true },
        { label: 'Gap', numeric: true },
        { label: 'Min val. loss (epoch)', numeric: true },
        { label: 'Final val. loss', numeric: true },
        { label: 'Val. loss rose' },
      ]}
      renderCells={(run) => (
        <>
          <td className="num">{formatPercent(run.accuracy)}</td>
          <td className="num">{formatPercent(run.valAccuracy)}</td>
          <td className="num">{formatPoints(run.gap)}</td>
          <td className="num">
            {formatDecimal(run.minValLoss, 3)} ({run.minValLossEpoch})
          </td>
          <td className="num">{formatDecimal(run.finalValLoss, 3)}</td>
          <td>{run.valLossRose ? `yes, +${formatDecimal(run.valLossRise, 3)} after epoch ${run.minValLossEpoch}` : 'no'}</td>
        </>
      )}
    />
  );
  return (
    <FinishedRunsSection
      id="overfitting"
      heading="Overfitting"
      conclusions={conclusions}
      topics={['OVERFITTING']}
      runs={overfitting.length}
      title="Train against validation accuracy at the end"
      filename={`sweep-${sweepId}-overfitting.png`}
      testId="overfitting-figure"
      chart={<OverfittingChart overfitting={overfitting} withRepeat={withRepeat} />}
      table={table}
    />
  );
}
