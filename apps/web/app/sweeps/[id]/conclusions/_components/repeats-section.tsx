import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatCell, formatPValue } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { ConclusionsSection } from './conclusions-section';
import { DataTable } from './data-table';
import { FindingsList } from './findings-list';

/** Props of {@link RepeatsSection}. */
export interface RepeatsSectionProps {
  conclusions: SweepConclusions;
}

const VERDICT_TAGS = {
  WORSE: { label: 'below best', tag: 'tagNeutral' },
  INDISTINGUISHABLE: { label: 'not distinguishable', tag: 'tagTied' },
  TOO_FEW_REPEATS: { label: 'too few repeats to tell', tag: 'tagWarn' },
} as const;

const points = (fraction: number | null): string => (fraction === null ? '–' : (fraction * 100).toFixed(1));

/**
 * Spread over repeats and every cell against the best, naming the test, its
 * correction and its level as the API does: each cell's mean ± sample standard
 * deviation, and each compared cell's difference with its 95 % interval, p and
 * Holm-adjusted p — or "too few repeats to tell" below the minimum.
 */
export function RepeatsSection({ conclusions }: RepeatsSectionProps) {
  const { repeats } = conclusions;
  const repeated = repeats.cells.some((cell) => cell.repeats > 1);
  return (
    <ConclusionsSection id="repeats" title="Repeats and comparisons">
      <p className={styles.lede} data-testid="tie-test">
        Each cell is compared with the best{repeats.best !== null && <> ({formatCell(repeats.best)})</>} by {repeats.test} at the {repeats.level} level
        (two-sided). A comparison needs at least {repeats.minRepeats} finished repeats of both cells; with fewer it says too few repeats to tell.
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
            caption="Difference = the best cell's mean final validation accuracy minus this cell's, in percentage points."
            columns={[
              { label: 'Cell' },
              { label: 'Repeats', numeric: true },
              { label: 'Difference', numeric: true },
              { label: '95% CI', numeric: true },
              { label: 'p', numeric: true },
              { label: 'Holm p', numeric: true },
              { label: `At ${repeats.level}` },
            ]}
          >
            {repeats.comparisons.map((comparison) => {
              const verdict = VERDICT_TAGS[comparison.verdict];
              return (
                <tr key={`${comparison.batchSize}-${comparison.learningRate}`}>
                  <th scope="row">{formatCell(comparison)}</th>
                  <td className="num">{comparison.repeats}</td>
                  <td className="num">{points(comparison.difference)}</td>
                  <td className="num">{comparison.intervalLow === null ? '–' : `${points(comparison.intervalLow)} to ${points(comparison.intervalHigh)}`}</td>
                  <td className="num">{comparison.pValue === null ? '–' : formatPValue(comparison.pValue)}</td>
                  <td className="num">{comparison.adjustedPValue === null ? '–' : formatPValue(comparison.adjustedPValue)}</td>
                  <td>
                    <span className={`${styles.tag} ${styles[verdict.tag]}`}>{verdict.label}</span>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
    </ConclusionsSection>
  );
}
