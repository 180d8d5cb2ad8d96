import type { SweepConclusions } from '@/graphql/conclusions.query';

import { ChartFigure, type ChartFigureProps } from './chart-figure';
import { ConclusionsSection } from './conclusions-section';
import { FindingsList, type FindingsListProps } from './findings-list';

/** Props of {@link FinishedRunsSection}. */
export interface FinishedRunsSectionProps extends ChartFigureProps {
  /** The section's anchor, as {@link ConclusionsSection} takes it. */
  id: string;
  heading: string;
  conclusions: SweepConclusions;
  /** The findings shown above the figure. */
  topics: FindingsListProps['topics'];
  /** How many finished runs the figure shows; none, and a note says so instead. */
  runs: number;
}

/** A section on the finished runs: its findings, then a chart with its table, or a note while no run has finished. */
export function FinishedRunsSection({ id, heading, conclusions, topics, runs, ...figure }: FinishedRunsSectionProps) {
  return (
    <ConclusionsSection id={id} title={heading}>
      <FindingsList findings={conclusions.findings} topics={topics} />
      {runs === 0 ? <p className="muted">No run has finished yet.</p> : <ChartFigure {...figure} />}
    </ConclusionsSection>
  );
}
