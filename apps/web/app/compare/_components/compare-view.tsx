'use client';

import { useUrlState } from '@/lib/use-url-state';

import { RunCurves } from '../../_components/run-curves/run-curves';
import { RunFeeds } from '../../_components/run-curves/run-feeds';
import { AddRunForm } from './add-run-form';
import { CompareTable } from './compare-table';
import { compareUrlState } from './compare-url-state';

/**
 * The compare page's body: the runs named in `?runs=`, from any sweeps, as a
 * table of settings and results, and their curves overlaid; runs are added by
 * id and removed from the table, both kept in the URL.
 */
export function CompareView() {
  const [{ runs }, setState] = useUrlState(compareUrlState);
  const add = (runId: string) => setState((current) => ({ runs: [...current.runs, runId] }));
  const remove = (runId: string) => setState((current) => ({ runs: current.runs.filter((id) => id !== runId) }));
  return (
    <>
      <AddRunForm runIds={runs} onAdd={add} />
      {runs.length === 0 ? (
        <div className="empty">
          <p>No runs to compare yet.</p>
          <p className="muted">Add one by its id, or open a run and follow “Compare with other runs”.</p>
        </div>
      ) : (
        <>
          <RunFeeds runIds={runs}>{(feeds) => <CompareTable feeds={feeds} onRemove={remove} />}</RunFeeds>
          <section aria-labelledby="compare-curves-title" className="run-section">
            <h2 id="compare-curves-title">Curves</h2>
            <RunCurves runIds={runs} />
          </section>
        </>
      )}
    </>
  );
}
