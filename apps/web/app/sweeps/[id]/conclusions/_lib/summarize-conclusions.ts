import type { SweepConclusions } from '@/graphql/conclusions.query';
import { formatPercent } from '@/lib/format';

import { formatCell, formatDecimal } from './format-conclusions';

/** One line of the summary: what it is about, what the data says, and the section that shows why. */
export interface SummaryLine {
  key: 'best' | 'scaling' | 'frontier' | 'reference';
  term: string;
  text: string;
  /** The id of the section it summarises. */
  section: string;
}

const RULES = { LINEAR: 'the Linear Scaling Rule (slope 1)', SQUARE_ROOT: 'square-root scaling (slope 0.5)' } as const;

const TRENDS: Record<NonNullable<SweepConclusions['frontier']>['trend'], string> = {
  GROWS: 'the largest stable learning rate grows with the batch size',
  SHRINKS: 'the largest stable learning rate shrinks as the batch grows',
  FLAT: 'the largest stable learning rate is the same at every batch size',
  MIXED: 'the largest stable learning rate moves both ways with the batch size',
  UNKNOWN: 'not located: nothing diverged or was unstable, or too few batch sizes had a stable run',
};

/**
 * The page's answers in one line each, for its head: the best cell, how the best learning
 * rate moves with the batch size (the fitted slope against the two rules, and whether the
 * grid is fine enough to tell them apart), the stability frontier's trend, and how far the
 * sweep agrees with the reference study. Null before any run has finished.
 */
export function summarizeConclusions(conclusions: SweepConclusions): SummaryLine[] | null {
  const best = conclusions.bestCell;
  if (best === null) return null;
  const tied = conclusions.rankingByFinal.filter((entry) => entry.rank === 1).length - 1;
  const lines: SummaryLine[] = [
    {
      key: 'best',
      term: tied > 0 ? `Best cell (tied with ${tied} more)` : 'Best cell',
      text: `${formatCell(best)}: ${formatPercent(best.value)} final validation accuracy${best.repeats > 1 ? `, mean of ${best.repeats} repeats` : ''}`,
      section: 'ranking',
    },
  ];

  const { scaling } = conclusions;
  let scalingText: string;
  if (scaling.slope === null) scalingText = 'no fit yet: it needs a best learning rate at two batch sizes or more';
  else {
    // Two batch sizes fit a line exactly: no standard error to give.
    const error = scaling.slopeStandardError === null ? '' : ` ± ${formatDecimal(scaling.slopeStandardError)}`;
    const fit = `fitted slope ${formatDecimal(scaling.slope)}${error}`;
    const nearer = scaling.closerTo === null ? 'between the two rules' : `closer to ${RULES[scaling.closerTo]}`;
    const resolution = scaling.resolvesRules ? '' : `; the grid cannot tell the rules apart (its smallest slope step is ${formatDecimal(scaling.slopeStep)})`;
    scalingText = `${fit}, ${nearer}${resolution}`;
  }
  lines.push({ key: 'scaling', term: 'Best learning rate vs batch size', text: scalingText, section: 'scaling' });

  lines.push({ key: 'frontier', term: 'Stability frontier', text: TRENDS[conclusions.frontier.trend], section: 'coverage' });

  const { reference } = conclusions;
  if (reference !== null) {
    const claims = [reference.learningRateMatters, reference.smallerRateForLargerBatch].filter((claim) => claim.checkable);
    const agreed = claims.filter((claim) => claim.agrees).length;
    const rho = reference.spearmanRho === null ? 'no rank correlation' : `ρ = ${formatDecimal(reference.spearmanRho)}`;
    lines.push({
      key: 'reference',
      term: 'Reference study',
      text: `${rho} over ${reference.sharedCells} shared cells; agrees on ${agreed} of ${claims.length} of its claims`,
      section: 'reference',
    });
  }
  return lines;
}
