import type { ReactNode } from 'react';

import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatCell, formatDecimal, formatLearningRate, formatPoints } from '../_lib/format-conclusions';
import styles from '../conclusions.module.css';
import { ConclusionsSection } from './conclusions-section';
import { DataTable } from './data-table';
import { FindingsList } from './findings-list';

type Reference = NonNullable<SweepConclusions['reference']>;

/** Props of {@link ReferenceSection}. */
export interface ReferenceSectionProps {
  conclusions: SweepConclusions;
  reference: Reference;
}

function Verdict({ label, holds }: { label: string; holds: boolean | null }) {
  const [className, words] = holds === null ? [styles.tagNeutral, 'cannot say'] : holds ? [styles.tagBest, 'holds'] : [styles.tagBad, 'does not hold'];
  return (
    <li>
      <span className={`${styles.tag} ${className}`}>
        {label}: {words}
      </span>
    </li>
  );
}

function Agreement({ agrees }: { agrees: boolean | null }) {
  if (agrees === null) return null;
  return (
    <li>
      <span className={`${styles.tag} ${agrees ? styles.tagTied : styles.tagWarn}`}>{agrees ? 'the two agree' : 'the two disagree'}</span>
    </li>
  );
}

/** What the two checks of the reference's findings share. */
interface CheckedClaim {
  claim: string;
  checkable: boolean;
  referenceHolds: boolean | null;
  oursHolds: boolean | null;
  agrees: boolean | null;
}

/** Props of {@link ReferenceCheck}. */
interface ReferenceCheckProps {
  testId: string;
  title: string;
  check: CheckedClaim;
  /** Why it cannot be checked, said when it cannot. */
  uncheckable: string;
  /** The numbers behind the verdicts, shown when it can: a table of the reference's beside this sweep's, under this caption. */
  caption: string;
  /** What the table's rows are, e.g. "Batch". */
  rowHeader: string;
  /** The table's rows: a header cell, then the reference's value and this sweep's. */
  children: ReactNode;
}

/** One of the reference's findings: its claim, whether it holds there and here, and the numbers. */
function ReferenceCheck({ testId, title, check, uncheckable, caption, rowHeader, children }: ReferenceCheckProps) {
  return (
    <div className={styles.check} data-testid={testId}>
      <h3>{title}</h3>
      <p className={styles.claim}>“{check.claim}”</p>
      {!check.checkable ? (
        <p className="muted">Not checkable: {uncheckable}</p>
      ) : (
        <>
          <ul className={styles.verdicts}>
            <Verdict label="reference" holds={check.referenceHolds} />
            <Verdict label="this sweep" holds={check.oursHolds} />
            <Agreement agrees={check.agrees} />
          </ul>
          <DataTable caption={caption} columns={[{ label: rowHeader }, { label: 'Reference', numeric: true }, { label: 'This sweep', numeric: true }]}>
            {children}
          </DataTable>
        </>
      )}
    </div>
  );
}

/** A row of a reference check's table: what it compares, the reference's value and this sweep's. */
function ComparedRow({ label, reference, ours }: { label: string; reference: string; ours: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{reference}</td>
      <td className="num">{ours}</td>
    </tr>
  );
}

/** The words of the reference's two findings and of their tables. */
const FINDINGS = {
  learningRateMatters: {
    testId: 'check-learning-rate-matters',
    title: 'Finding 1: the learning rate matters most',
    uncheckable: 'the shared cells need a batch size with two learning rates and a learning rate with two batch sizes.',
    caption: 'Spread of final validation accuracy (max − min within a group, averaged).',
    rowHeader: 'Across',
  },
  smallerRateForLargerBatch: {
    testId: 'check-smaller-rate',
    title: 'Finding 2: a smaller rate for a larger batch',
    uncheckable: 'it needs a batch size above the smallest with two learning rates both studies finished.',
    caption: 'Final validation accuracy at the lower and the higher learning rate.',
    rowHeader: 'Batch',
  },
} as const;

function LearningRateMatters({ check }: { check: Reference['learningRateMatters'] }) {
  return (
    <ReferenceCheck {...FINDINGS.learningRateMatters} check={check}>
      {(['acrossLearningRates', 'acrossBatchSizes'] as const).map((across) => (
        <ComparedRow
          key={across}
          label={across === 'acrossLearningRates' ? 'learning rates' : 'batch sizes'}
          reference={check.reference ? formatPoints(check.reference[across]) : '–'}
          ours={check.ours ? formatPoints(check.ours[across]) : '–'}
        />
      ))}
    </ReferenceCheck>
  );
}

function SmallerRateForLargerBatch({ check }: { check: Reference['smallerRateForLargerBatch'] }) {
  return (
    <ReferenceCheck {...FINDINGS.smallerRateForLargerBatch} check={check}>
      {check.comparisons.map((comparison) => (
        <ComparedRow
          key={comparison.batchSize}
          label={`${comparison.batchSize}: LR ${formatLearningRate(comparison.lowerLearningRate)} vs ${formatLearningRate(comparison.higherLearningRate)}`}
          reference={`${formatPercent(comparison.reference.lower)} vs ${formatPercent(comparison.reference.higher)}`}
          ours={`${formatPercent(comparison.ours.lower)} vs ${formatPercent(comparison.ours.higher)}`}
        />
      ))}
    </ReferenceCheck>
  );
}

/**
 * This sweep beside the reference study: its table and ours per shared cell
 * (final validation accuracy and loss), Spearman's ρ between the two
 * rankings, and the reference's two findings checked on both.
 */
export function ReferenceSection({ conclusions, reference }: ReferenceSectionProps) {
  return (
    <ConclusionsSection id="reference" title="Beside the reference study">
      <p className={styles.lede}>
        The blog post’s runs of MobileNetV2 (plain SGD, {reference.referenceEpochs} epochs; this sweep plans {reference.plannedEpochs}). This sweep has runs for{' '}
        {reference.cells.length} of its cells, and {reference.sharedCells} of them have finished.
      </p>
      <p className={styles.rho} data-testid="spearman-rho">
        <span>Spearman’s rank correlation</span>
        <span className={styles.rhoValue}>{reference.spearmanRho === null ? 'n/a' : `ρ = ${formatDecimal(reference.spearmanRho)}`}</span>
        <span className="muted">
          {reference.spearmanRho === null ? 'needs three shared cells, not all tied' : `over ${reference.sharedCells} shared cells`}
        </span>
      </p>
      <div className={styles.tableScroll}>
        <table className={`table ${styles.dataTable}`} data-testid="reference-table">
          <caption>Final epoch: the reference’s as printed by Keras, ours the mean over finished repeats.</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="num">
                Run
              </th>
              <th scope="col" rowSpan={2}>
                Cell
              </th>
              <th scope="colgroup" colSpan={2} className="num">
                Val. accuracy
              </th>
              <th scope="colgroup" colSpan={2} className="num">
                Val. loss
              </th>
              <th scope="col" rowSpan={2} className="num">
                Repeats
              </th>
            </tr>
            <tr>
              {/* Under each metric's column group: the reference's value, then ours. */}
              {['accuracy', 'loss'].flatMap((metric) =>
                ['Reference', 'Ours'].map((source) => (
                  <th key={`${metric}-${source}`} scope="col" className="num">
                    {source}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {reference.cells.map((cell) => (
              <tr key={cell.referenceRun} data-testid="reference-row">
                <td className="num">{cell.referenceRun}</td>
                <th scope="row">{formatCell(cell)}</th>
                <td className="num">{formatPercent(cell.reference.valAccuracy)}</td>
                <td className="num">{cell.ours ? formatPercent(cell.ours.valAccuracy) : <span className="muted">not finished</span>}</td>
                <td className="num">{formatDecimal(cell.reference.valLoss, 3)}</td>
                <td className="num">{cell.ours ? formatDecimal(cell.ours.valLoss, 3) : '–'}</td>
                <td className="num">{cell.ours?.repeats ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.checks}>
        <LearningRateMatters check={reference.learningRateMatters} />
        <SmallerRateForLargerBatch check={reference.smallerRateForLargerBatch} />
      </div>
      <h3>Where the protocols differ</h3>
      {reference.protocolDifferences.length === 0 ? (
        <p className="muted">Nowhere: this sweep follows the reference’s weights, width, input size, training-set size and epochs.</p>
      ) : (
        <DataTable
          testId="protocol-differences"
          caption="Any of these could explain where the two disagree."
          columns={[{ label: 'Setting' }, { label: 'Reference' }, { label: 'This sweep' }]}
        >
          {reference.protocolDifferences.map((difference) => (
            <tr key={difference.setting}>
              <th scope="row">{difference.setting}</th>
              <td>{difference.reference}</td>
              <td>{difference.ours}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3>In words</h3>
      <FindingsList findings={conclusions.findings} topics={['REFERENCE']} />
    </ConclusionsSection>
  );
}
