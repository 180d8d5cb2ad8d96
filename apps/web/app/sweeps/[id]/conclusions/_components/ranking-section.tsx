'use client';

import Link from 'next/link';

import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';
import { useUrlState } from '@/lib/use-url-state';

import { buildRankingRows, type RankingMetric, type RankingRow } from '../_lib/build-ranking-rows';
import { conclusionsUrlState } from '../_lib/conclusions-url-state';
import { formatCell, formatPValue } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { ConclusionsSection } from './conclusions-section';
import { DataTable } from './data-table';
import { FindingsList } from './findings-list';

/** Props of {@link RankingSection}. */
export interface RankingSectionProps {
  sweepId: string;
  conclusions: SweepConclusions;
}

/** How many of the best cells "Compare" opens together. */
const COMPARED_CELLS = 3;

const METRICS: readonly { metric: RankingMetric; label: string }[] = [
  { metric: 'final', label: 'Final' },
  { metric: 'best', label: 'Best epoch' },
];

function Standing({ row }: { row: RankingRow }) {
  const { standing } = row;
  if (standing.kind === 'best') return <span className={`${styles.tag} ${styles.tagBest}`}>best</span>;
  if (standing.kind === 'too-few-repeats') return <span className="muted">too few repeats to tell</span>;
  const p = (
    <span className={styles.sd}>
      Holm p {standing.adjustedPValue < 0.001 ? '' : '= '}
      {formatPValue(standing.adjustedPValue)}
    </span>
  );
  return standing.kind === 'worse' ? (
    <>
      <span className={`${styles.tag} ${styles.tagNeutral}`}>below best</span> {p}
    </>
  ) : (
    <>
      <span className={`${styles.tag} ${styles.tagTied}`}>not distinguishable</span> {p}
    </>
  );
}

/**
 * The cells ranked by mean final or best validation accuracy (a toggle kept
 * in the URL as `?rank=`), with the spread over repeats, shared ranks, and
 * which cells the API's test of repeats cannot tell from the best. Each cell
 * opens the sweep with its runs selected, and the best few open in Compare.
 */
export function RankingSection({ sweepId, conclusions }: RankingSectionProps) {
  const [{ rank: metric }, setState] = useUrlState(conclusionsUrlState);
  const rows = buildRankingRows(conclusions, metric);
  const topRuns = rows.slice(0, COMPARED_CELLS).flatMap((row) => row.runIds);
  const selecting = (runIds: readonly string[]) => runIds.map(encodeURIComponent).join(',');
  const { repeats } = conclusions;
  const metricName = metric === 'final' ? 'final validation accuracy' : 'best validation accuracy';
  return (
    <ConclusionsSection id="ranking" title="Ranking">
      <FindingsList findings={conclusions.findings} topics={['RANKING']} />
      <div className={styles.figureHead}>
        <h3>Cells by {metricName}</h3>
        <div className={styles.toggle} role="group" aria-label="Rank the cells by">
          {METRICS.map((option) => (
            <button
              key={option.metric}
              type="button"
              aria-pressed={metric === option.metric}
              onClick={() => setState({ rank: option.metric })}
              data-testid={`rank-by-${option.metric}`}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      {topRuns.length > 1 && (
        <p>
          <Link href={`/compare?runs=${selecting(topRuns)}`} data-testid="compare-top-cells">
            Compare the runs of the {Math.min(COMPARED_CELLS, rows.length)} best cells
          </Link>
        </p>
      )}
      <DataTable
        testId="ranking-table"
        caption={
          <>
            {metric === 'final'
              ? 'Each run’s last epoch; the mean ± sample standard deviation over finished repeats.'
              : 'Each run’s best epoch; the mean over finished repeats.'}{' '}
            Equal values share a rank. Against the best by {repeats.test} at the {repeats.level} level, on final accuracy
            {repeats.testable ? '.' : `: too few repeats to tell until the best cell has ${repeats.minRepeats} finished repeats.`}
          </>
        }
        columns={[
          { label: 'Rank', numeric: true },
          { label: 'Cell' },
          { label: `${metric === 'final' ? 'Final' : 'Best'} val. accuracy`, numeric: true },
          { label: 'Repeats', numeric: true },
          { label: 'Against the best' },
        ]}
      >
        {rows.map((row) => (
          <tr key={`${row.batchSize}-${row.learningRate}`} data-testid="ranking-row">
            <td className="num">{row.rank}</td>
            <th scope="row">
              {row.runIds.length === 0 ? (
                formatCell(row)
              ) : (
                <Link href={`/sweeps/${encodeURIComponent(sweepId)}?runs=${selecting(row.runIds)}`} data-testid="ranking-cell-link">
                  {formatCell(row)}
                </Link>
              )}
            </th>
            <td className="num">
              {formatPercent(row.value)}
              {row.standardDeviation !== null && <span className={styles.sd}> ± {formatPercent(row.standardDeviation)}</span>}
            </td>
            <td className="num">{row.repeats}</td>
            <td>
              {row.sharesRank && <span className={`${styles.tag} ${styles.tagWarn}`}>shares rank {row.rank}</span>} <Standing row={row} />
            </td>
          </tr>
        ))}
      </DataTable>
    </ConclusionsSection>
  );
}
