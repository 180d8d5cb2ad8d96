import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatCell, formatDecimal, formatPoints } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { ChartFigure } from './chart-figure';
import { FindingsList } from './findings-list';
import { OverfittingChart } from './overfitting-chart';
import { RunLink } from './run-link';

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
    <div className={styles.tableScroll}>
      <table className={`table ${styles.dataTable}`}>
        <caption>At each finished run’s last epoch. Validation loss “rose” when it ended more than 5% and 0.01 nats above its minimum.</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Cell</th>
            <th scope="col" className="num">
              Repeat
            </th>
            <th scope="col" className="num">
              Train acc.
            </th>
            <th scope="col" className="num">
              Val. acc.
            </th>
            <th scope="col" className="num">
              Gap
            </th>
            <th scope="col" className="num">
              Min val. loss (epoch)
            </th>
            <th scope="col" className="num">
              Final val. loss
            </th>
            <th scope="col">Val. loss rose</th>
          </tr>
        </thead>
        <tbody>
          {overfitting.map((run) => (
            <tr key={run.runId}>
              <td>
                <RunLink runId={run.runId} />
              </td>
              <td>{formatCell(run)}</td>
              <td className="num">{run.repeat}</td>
              <td className="num">{formatPercent(run.accuracy)}</td>
              <td className="num">{formatPercent(run.valAccuracy)}</td>
              <td className="num">{formatPoints(run.gap)}</td>
              <td className="num">
                {formatDecimal(run.minValLoss, 3)} ({run.minValLossEpoch})
              </td>
              <td className="num">{formatDecimal(run.finalValLoss, 3)}</td>
              <td>{run.valLossRose ? `yes, +${formatDecimal(run.valLossRise, 3)} after epoch ${run.minValLossEpoch}` : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section id="overfitting" className={styles.section} aria-labelledby="overfitting-title" data-testid="overfitting-section">
      <h2 id="overfitting-title">Overfitting</h2>
      <FindingsList findings={conclusions.findings} topics={['OVERFITTING']} />
      {overfitting.length === 0 ? (
        <p className="muted">No run has finished yet.</p>
      ) : (
        <ChartFigure
          title="Train against validation accuracy at the end"
          filename={`sweep-${sweepId}-overfitting.png`}
          testId="overfitting-figure"
          chart={<OverfittingChart overfitting={overfitting} withRepeat={withRepeat} />}
          table={table}
        />
      )}
    </section>
  );
}
