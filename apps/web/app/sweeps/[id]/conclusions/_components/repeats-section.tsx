import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatCell, formatDecimal, formatPValue } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { ConclusionsSection } from './conclusions-section';
import { DataTable } from './data-table';
import { FindingsList } from './findings-list';

/** Props of {@link RepeatsSection}. */
export interface RepeatsSectionProps {
  conclusions: SweepConclusions;
}

/**
 * Spread over repeats and statistical ties with the best cell, naming the
 * test and its level as the API does: each cell's mean ± sample standard
 * deviation, and each tested cell's t, degrees of freedom and p-value.
 */
export function RepeatsSection({ conclusions }: RepeatsSectionProps) {
  const { repeats } = conclusions;
  const repeated = repeats.cells.some((cell) => cell.repeats > 1);
  return (
    <ConclusionsSection id="repeats" title="Repeats and ties">
      <p className={styles.lede} data-testid="tie-test">
        Ties with the best cell{repeats.best !== null && <> ({formatCell(repeats.best)})</>} are tested by {repeats.test} at the {repeats.level} level
        (two-sided): a cell is tied when p ≥ {repeats.level}.{' '}
        {repeats.testable ? '' : 'Testing needs at least two finished repeats of the best cell and of the cell compared.'}
      </p>
      <FindingsList findings={conclusions.findings} topics={['REPEATS']} />
      {repeated && (
        <DataTable
          testId="spread-table"
          caption="Final validation accuracy over finished repeats."
          columns={[{ label: 'Cell' }, { label: 'Repeats', numeric: true }, { label: 'Mean', numeric: true }, { label: 'Sample SD', numeric: true }]}
        >
          {repeats.cells.map((cell) => (
            <tr key={`${cell.batchSize}-${cell.learningRate}`}>
              <th scope="row">{formatCell(cell)}</th>
              <td className="num">{cell.repeats}</td>
              <td className="num">{formatPercent(cell.mean)}</td>
              <td className="num">{cell.standardDeviation === null ? '–' : formatPercent(cell.standardDeviation)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {repeats.comparisons.length > 0 && (
        <>
          <h3>Against the best, by {repeats.test}</h3>
          <DataTable
            testId="ties-table"
            columns={[
              { label: 'Cell' },
              { label: 't', numeric: true },
              { label: 'df', numeric: true },
              { label: 'p', numeric: true },
              { label: `At ${repeats.level}` },
            ]}
          >
            {repeats.comparisons.map((comparison) => (
              <tr key={`${comparison.batchSize}-${comparison.learningRate}`}>
                <th scope="row">{formatCell(comparison)}</th>
                <td className="num">{comparison.t === null ? '∞' : formatDecimal(comparison.t)}</td>
                <td className="num">{formatDecimal(comparison.degreesOfFreedom, 1)}</td>
                <td className="num">{formatPValue(comparison.pValue)}</td>
                <td>
                  {comparison.tiedWithBest ? (
                    <span className={`${styles.tag} ${styles.tagTied}`}>tied with best</span>
                  ) : (
                    <span className={`${styles.tag} ${styles.tagNeutral}`}>below best</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {repeats.untestable.length > 0 && (
        <p className="muted">
          One finished repeat, so not tested: {repeats.untestable.map(formatCell).join('; ')}.
        </p>
      )}
    </ConclusionsSection>
  );
}
