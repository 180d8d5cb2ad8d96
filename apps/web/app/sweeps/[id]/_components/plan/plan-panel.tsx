'use client';

import Link from 'next/link';
import { useEffect, useMemo } from 'react';
import { useQuery } from 'urql';

import { SweepPlanQuery, type SweepPlan } from '@/graphql';
import { formatLearningRate } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';

import { ErrorNotice } from '../../../../_components/error-notice';
import styles from './plan-panel.module.css';

/** Props of {@link PlanPanel}. */
export interface PlanPanelProps {
  sweepId: string;
  /**
   * Changes whenever the probe stores an epoch or changes status (from the
   * page's live events): the plan is read again then.
   */
  probeVersion: string;
}

const STATE_LABELS: Record<SweepPlan['state'], string> = {
  MEASURING: 'Measuring',
  PROVISIONAL: 'Provisional',
  READY: 'Ready',
  UNRESOLVED: 'No plan',
};

/**
 * A probe sweep's plan (`planSweep`): where it stands, the critical batch
 * size its gradient noise scale measured, the predicted best learning rate
 * ε_opt(B) = ε_max / (1 + B_crit / B), and the proposed grid, a batch size a
 * row with the predicted best learning rate between half a decade either side;
 * a link opens the New sweep form filled with it. Read again as the probe
 * trains.
 */
export function PlanPanel({ sweepId, probeVersion }: PlanPanelProps) {
  const hydrated = useHydrated();
  const [result, reexecute] = useQuery({ query: SweepPlanQuery, variables: { id: sweepId }, pause: !hydrated });
  useEffect(() => {
    if (hydrated) reexecute({ requestPolicy: 'network-only' });
  }, [hydrated, probeVersion, reexecute]);
  const plan = result.data?.sweep?.plan;
  const rows = useMemo(() => groupByBatchSize(plan?.cells ?? []), [plan]);

  if (plan === null || plan === undefined) {
    return result.error === undefined ? null : (
      <ErrorNotice action="read the plan" error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  }
  return (
    <section className={`panel ${styles.plan}`} aria-labelledby="plan-title" data-testid="plan-panel" data-state={plan.state}>
      <div className={styles.head}>
        <h2 id="plan-title">Plan</h2>
        <span className={`${styles.state} ${styles[plan.state.toLowerCase()]}`} data-testid="plan-state">
          {STATE_LABELS[plan.state]}
        </span>
      </div>
      <p data-testid="plan-summary" aria-live="polite">
        {plan.summary}
      </p>
      {plan.criticalBatchSize !== null && plan.maxLearningRate !== null && (
        <>
          <p className="muted">
            Predicted best learning rate: ε<sub>opt</sub>(B) = {formatLearningRate(plan.maxLearningRate)} / (1 + {Math.round(plan.criticalBatchSize)} / B),
            through the probe&apos;s own cell (McCandlish et al. 2018). Below the critical batch size it grows about linearly with the batch; above, it levels
            off.
          </p>
          <div className="table-scroll">
            <table className="table" data-testid="plan-cells">
              <caption className="visually-hidden">
                Proposed cells: each batch size with the predicted best learning rate between half a decade either side
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Batch size
                  </th>
                  <th scope="col">Learning rates (the middle one predicted best)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ batchSize, learningRates }) => (
                  <tr key={batchSize}>
                    <th scope="row" className="num">
                      {batchSize}
                    </th>
                    <td>
                      {learningRates.map((rate, index) => (
                        <span key={rate} className={index === 1 ? styles.predicted : styles.rate}>
                          {formatLearningRate(rate)}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Link className="button button-primary" href={`/?new=1&plan=${encodeURIComponent(sweepId)}`} data-testid="sweep-from-plan">
            New sweep from this plan
          </Link>
        </>
      )}
    </section>
  );
}

/** The proposed cells a batch size a row, learning rates ascending. */
function groupByBatchSize(cells: readonly SweepPlan['cells'][number][]): { batchSize: number; learningRates: number[] }[] {
  const byBatch = new Map<number, number[]>();
  for (const { batchSize, learningRate } of cells) byBatch.set(batchSize, [...(byBatch.get(batchSize) ?? []), learningRate]);
  return [...byBatch].map(([batchSize, learningRates]) => ({ batchSize, learningRates: learningRates.toSorted((a, b) => a - b) }));
}
