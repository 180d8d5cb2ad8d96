import Link from 'next/link';
import type { ReactNode } from 'react';

import type { RunsTableRun } from '@/graphql';
import { formatDuration, formatLearningRate, formatLoss, formatPercent } from '@/lib/format';

import { TagList } from '../annotations/tag-list';
import { StatusBadge } from '../status-badge';
import type { RunsTableSort } from './runs-table-sorts';

/** One column of a runs table. */
export interface RunsTableColumn {
  /** The sort it is, or `tags`, which no order suits. */
  key: Exclude<RunsTableSort, 'id'> | 'tags';
  label: string;
  /** Right-aligned figures. */
  numeric: boolean;
  /** The direction a first click sorts: largest first for what people rank runs by. */
  firstDirection: 'asc' | 'desc';
  /** Only in a table of many sweeps' runs. */
  acrossSweepsOnly?: boolean;
  /** The cell's content; `now` (milliseconds since the epoch) times a run still running. */
  render(run: RunsTableRun, now: number): ReactNode;
}

/** How long a run took, or has taken so far; null before it started. */
export function durationOf(run: Pick<RunsTableRun, 'startedAt' | 'finishedAt'>, now: number): number | null {
  if (run.startedAt === null) return null;
  return (run.finishedAt === null ? now : new Date(run.finishedAt).getTime()) - new Date(run.startedAt).getTime();
}

/** The cell as the table and the search write it: `64 × 0.01`. */
export function formatCell(run: Pick<RunsTableRun, 'batchSize' | 'learningRate'>): string {
  return `${run.batchSize} × ${formatLearningRate(run.learningRate)}`;
}

/** The columns, in order. */
export const RUNS_TABLE_COLUMNS: readonly RunsTableColumn[] = [
  {
    key: 'sweep',
    label: 'Sweep',
    numeric: false,
    firstDirection: 'asc',
    acrossSweepsOnly: true,
    render: (run) => (
      <Link href={`/sweeps/${encodeURIComponent(run.sweep.id)}`} title={run.sweep.name}>
        {run.sweep.name}
      </Link>
    ),
  },
  {
    key: 'cell',
    label: 'Cell',
    numeric: false,
    firstDirection: 'asc',
    render: (run) => (
      <Link href={`/runs/${encodeURIComponent(run.id)}`} data-testid="run-link">
        {formatCell(run)}
      </Link>
    ),
  },
  { key: 'repeat', label: 'Repeat', numeric: true, firstDirection: 'asc', render: (run) => run.repeat },
  { key: 'status', label: 'Status', numeric: false, firstDirection: 'asc', render: (run) => <StatusBadge status={run.status} /> },
  {
    key: 'tags',
    label: 'Tags',
    numeric: false,
    firstDirection: 'asc',
    // A tag keeps the table as it is and shows only the runs with it.
    render: (run) => <TagList tags={run.tags} hrefOf={(tag) => `?tag=${encodeURIComponent(tag)}`} />,
  },
  {
    key: 'bestValAccuracy',
    label: 'Best val. acc.',
    numeric: true,
    firstDirection: 'desc',
    render: (run) => formatPercent(run.bestEpoch?.valAccuracy),
  },
  {
    key: 'finalValAccuracy',
    label: 'Final val. acc.',
    numeric: true,
    firstDirection: 'desc',
    render: (run) => formatPercent(run.latestEpoch?.valAccuracy),
  },
  {
    key: 'finalLoss',
    label: 'Final loss',
    numeric: true,
    firstDirection: 'asc',
    render: (run) => (run.latestEpoch === null ? '–' : formatLoss(run.latestEpoch.loss)),
  },
  { key: 'epochs', label: 'Epochs', numeric: true, firstDirection: 'desc', render: (run) => `${run.epochsDone}/${run.sweep.epochs}` },
  {
    key: 'imagesPerSecond',
    label: 'Images/s',
    numeric: true,
    firstDirection: 'desc',
    render: (run) => (run.imagesPerSecond === null ? '–' : run.imagesPerSecond.toFixed(0)),
  },
  { key: 'duration', label: 'Duration', numeric: true, firstDirection: 'desc', render: (run, now) => formatDuration(durationOf(run, now)) },
];
