import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { FinishedRunsSection } from './finished-runs-section';
import { RunTable } from './run-table';
import { SpeedChart } from './speed-chart';

/** Props of {@link SpeedSection}. */
export interface SpeedSectionProps {
  sweepId: string;
  conclusions: SweepConclusions;
  /** Whether any cell has more than one repeat. */
  withRepeat: boolean;
}

/**
 * How fast each finished run learned: the findings, a bar chart of epochs to
 * 90% of its best validation accuracy (left out when no run stores every
 * epoch) and its table.
 */
export function SpeedSection({ sweepId, conclusions, withRepeat }: SpeedSectionProps) {
  const { speed, plannedEpochs } = conclusions;
  const measurable = speed.some((run) => run.epochsToThreshold !== null);
  const table = (
    <RunTable
      caption={`The first epoch at 90% of the run’s own best validation accuracy, of ${plannedEpochs} planned.`}
      runs={speed}
      columns={[
        { label: 'Best val. acc. (epoch)', numeric: true },
        { label: '90% of it', numeric: true },
        { label: 'Epochs to reach it', numeric: true },
      ]}
      renderCells={(run) => (
        <>
          <td className="num">
            {formatPercent(run.bestValAccuracy)} ({run.bestEpoch})
          </td>
          <td className="num">{formatPercent(run.threshold)}</td>
          <td className="num">{run.epochsToThreshold ?? 'not measurable'}</td>
        </>
      )}
    />
  );
  return (
    <FinishedRunsSection
      id="speed"
      heading="Speed"
      conclusions={conclusions}
      topics={['SPEED']}
      runs={speed.length}
      title="Epochs to 90% of the best validation accuracy"
      filename={`sweep-${sweepId}-speed.png`}
      testId="speed-figure"
      {...(measurable ? { chart: <SpeedChart speed={speed} plannedEpochs={plannedEpochs} withRepeat={withRepeat} /> } : {})}
      table={table}
    />
  );
}
