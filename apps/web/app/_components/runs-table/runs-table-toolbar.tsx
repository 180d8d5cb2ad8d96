'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { runStatuses, type RunStatus } from '@sweepscope/core';

import type { RunStatus as ApiRunStatus } from '@/graphql';
import { compareHref } from '@/lib/compare-href';
import { statusLabel } from '@/lib/status-label';

import { TagFilter } from '../annotations/tag-filter';
import styles from './runs-table.module.css';

/** How long typing must pause before the search is asked for, in milliseconds. */
const SEARCH_PAUSE_MS = 300;

/** Props of {@link RunsTableToolbar}. */
export interface RunsTableToolbarProps {
  /** The search in the URL. */
  search: string;
  onSearch: (search: string) => void;
  /** The statuses shown; none means all. */
  statuses: readonly RunStatus[];
  onStatuses: (statuses: RunStatus[]) => void;
  /** The batch sizes the filter offers; none hides it. */
  batchSizes: readonly number[];
  /** The batch size shown, as the URL writes it; '' for all. */
  batchSize: string;
  onBatchSize: (batchSize: string) => void;
  /** The tag the runs shown carry; '' for any. */
  tag: string;
  onClearTag: () => void;
  /** The selected run ids, in the order selected. */
  selected: readonly string[];
  onClearSelection: () => void;
}

/**
 * A runs table's search box (asked for once typing pauses), its status and batch-size
 * filters, the tag it is filtered by, and the selection's Compare link.
 */
export function RunsTableToolbar({
  search,
  onSearch,
  statuses,
  onStatuses,
  batchSizes,
  batchSize,
  onBatchSize,
  tag,
  onClearTag,
  selected,
  onClearSelection,
}: RunsTableToolbarProps) {
  const [text, setText] = useState(search);
  useEffect(() => {
    if (text === search) return undefined;
    const timer = setTimeout(() => onSearch(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, search, onSearch]);

  const toggleStatus = (status: RunStatus) => onStatuses(statuses.includes(status) ? statuses.filter((shown) => shown !== status) : [...statuses, status]);

  return (
    <div className={styles.toolbar}>
      <div className={styles.toolbarRow}>
        <label className="field-inline">
          <span>Search</span>
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="sweep, status, worker, 64×0.01, #id"
            className={styles.search}
            data-testid="runs-search"
          />
        </label>
        {batchSizes.length > 0 && (
          <label className="field-inline">
            <span>Batch size</span>
            <select value={batchSize} onChange={(event) => onBatchSize(event.target.value)} data-testid="batch-filter">
              <option value="">All</option>
              {batchSizes.map((size) => (
                <option key={size} value={String(size)}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        )}
        <TagFilter tag={tag} items="runs" onClear={onClearTag} />
        <div className={styles.selection}>
          {selected.length > 0 && (
            <>
              <Link className="button button-small button-primary" href={compareHref(selected)} data-testid="compare-selected">
                Compare {selected.length === 1 ? '1 run' : `${selected.length} runs`}
              </Link>
              <button type="button" className="button button-small" onClick={onClearSelection} data-testid="clear-selection">
                Clear selection
              </button>
            </>
          )}
        </div>
      </div>
      <fieldset className={styles.statuses} data-testid="status-filter">
        <legend>Status</legend>
        {runStatuses.map((status) => (
          <label key={status} className={styles.statusChoice}>
            <input type="checkbox" checked={statuses.includes(status)} onChange={() => toggleStatus(status)} data-testid={`status-${status}`} />
            {statusLabel(status.toUpperCase() as ApiRunStatus)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
