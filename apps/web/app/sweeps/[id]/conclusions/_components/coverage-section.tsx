import { StatusBadge } from '../../../../_components/status-badge';
import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatLoss, formatPercent } from '@/lib/format';

import { formatCell, formatLearningRate } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { ConclusionsSection } from './conclusions-section';
import { DataTable } from './data-table';
import { FindingsList } from './findings-list';
import { RunLink } from './run-link';
import { RunTable } from './run-table';

/** Props of {@link CoverageSection}. */
export interface CoverageSectionProps {
  conclusions: SweepConclusions;
}

const TREND_WORDS = {
  GROWS: 'grows with the batch size',
  SHRINKS: 'shrinks as the batch grows',
  FLAT: 'stays flat across batch sizes',
  MIXED: 'moves both ways',
  UNKNOWN: 'unknown: nothing diverged or was unstable, or fewer than two batch sizes have a stable rate',
} as const;

function RunList({ runs, testId }: { runs: SweepConclusions['notRunYet']; testId: string }) {
  return (
    <ul className={styles.plainList} data-testid={testId}>
      {runs.map((run) => (
        <li key={run.runId}>
          Run <RunLink runId={run.runId} />: {formatCell(run)}, repeat {run.repeat} <StatusBadge status={run.status} /> ({run.epochsDone} epochs)
        </li>
      ))}
    </ul>
  );
}

/** Runs that ended short of their planned epochs (failed, diverged, stopped early, pruned), each with why. */
function EndedRunTable({ runs, testId }: { runs: SweepConclusions['failures']; testId: string }) {
  return (
    <RunTable
      testId={testId}
      runs={runs}
      columns={[{ label: 'Status' }, { label: 'Epochs', numeric: true }, { label: 'Reason' }]}
      renderCells={(run) => (
        <>
          <td>
            <StatusBadge status={run.status} />
          </td>
          <td className="num">{run.epochsDone}</td>
          <td>{run.error ?? <span className="muted">none stored</span>}</td>
        </>
      )}
    />
  );
}

/**
 * What went wrong and what is missing: runs that failed or diverged (with
 * their stored reason), cells never asked for, runs not run or not finished,
 * and the stability frontier per batch size with its trend.
 */
export function CoverageSection({ conclusions }: CoverageSectionProps) {
  const { failures, stoppedRuns, unstableRuns, neverRunCells, notRunYet, unfinishedRuns, frontier } = conclusions;
  return (
    <ConclusionsSection id="coverage" title="Failures, coverage and stability">
      <FindingsList findings={conclusions.findings} topics={['FAILURES', 'COVERAGE', 'STABILITY']} />

      <dl className={styles.factList}>
        <div>
          <dt>Failed or diverged</dt>
          <dd data-testid="failure-count">{failures.length === 0 ? 'none' : failures.length}</dd>
        </div>
        <div>
          <dt>Stopped early or pruned</dt>
          <dd data-testid="stopped-count">{stoppedRuns.length === 0 ? 'none' : stoppedRuns.length}</dd>
        </div>
        <div>
          <dt>Unstable</dt>
          <dd data-testid="unstable-count">{unstableRuns.length === 0 ? 'none' : unstableRuns.length}</dd>
        </div>
        <div>
          <dt>Cells never asked for</dt>
          <dd data-testid="never-run-cells">{neverRunCells.length === 0 ? 'none' : neverRunCells.map(formatCell).join('; ')}</dd>
        </div>
        <div>
          <dt>Not run yet</dt>
          <dd>{notRunYet.length === 0 ? 'none' : notRunYet.length}</dd>
        </div>
        <div>
          <dt>Unfinished</dt>
          <dd>{unfinishedRuns.length === 0 ? 'none' : unfinishedRuns.length}</dd>
        </div>
      </dl>

      {failures.length > 0 && (
        <>
          <h3>Failed and diverged runs</h3>
          <EndedRunTable runs={failures} testId="failures-table" />
        </>
      )}
      {stoppedRuns.length > 0 && (
        <>
          <h3>Stopped early and pruned</h3>
          <p className={styles.lede}>A run stopped early counts with its best epoch; a pruned run counts toward no value.</p>
          <EndedRunTable runs={stoppedRuns} testId="stopped-table" />
        </>
      )}
      {unstableRuns.length > 0 && (
        <>
          <h3>Unstable runs</h3>
          <p className={styles.lede}>Trained to the end without learning: left out of the ranking, best learning rates, scaling fit, overfitting and speed.</p>
          <RunTable
            testId="unstable-table"
            runs={unstableRuns}
            columns={[
              { label: 'Final loss', numeric: true },
              { label: 'Final val. accuracy', numeric: true },
              { label: 'Best val. accuracy', numeric: true },
              { label: 'Why' },
            ]}
            renderCells={(run) => (
              <>
                <td className="num">{formatLoss(run.finalLoss)}</td>
                <td className="num">{formatPercent(run.finalValAccuracy)}</td>
                <td className="num">{formatPercent(run.bestValAccuracy)}</td>
                <td>{run.reason}</td>
              </>
            )}
          />
        </>
      )}
      {notRunYet.length > 0 && (
        <>
          <h3>Not run yet</h3>
          <RunList runs={notRunYet} testId="not-run-yet" />
        </>
      )}
      {unfinishedRuns.length > 0 && (
        <>
          <h3>Unfinished</h3>
          <RunList runs={unfinishedRuns} testId="unfinished-runs" />
        </>
      )}

      {frontier.points.length > 0 && (
        <>
          <h3>Stability frontier</h3>
          <p className={styles.lede}>
            The largest stable learning rate <span data-testid="frontier-trend">{TREND_WORDS[frontier.trend]}</span>.
          </p>
          <DataTable
            testId="frontier-table"
            columns={[
              { label: 'Batch size', numeric: true },
              { label: 'Largest stable LR', numeric: true },
              { label: 'Smallest diverged or unstable LR', numeric: true },
            ]}
          >
            {frontier.points.map((point) => (
              <tr key={point.batchSize}>
                <th scope="row" className="num">
                  {point.batchSize}
                </th>
                <td className="num">{point.largestStableLearningRate === null ? 'none stable' : formatLearningRate(point.largestStableLearningRate)}</td>
                <td className="num">
                  {point.smallestUnstableLearningRate === null ? (
                    <span className="muted">none: above the grid</span>
                  ) : (
                    formatLearningRate(point.smallestUnstableLearningRate)
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </ConclusionsSection>
  );
}
