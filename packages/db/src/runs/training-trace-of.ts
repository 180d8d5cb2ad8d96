import type { TrainingTrace } from '@sweepscope/core';
import type { Run } from '../generated/prisma/client.js';

/** What the instability rules read of a run's current attempt, from its row's digest. Null before the first epoch. */
export function trainingTraceOf(run: Pick<Run, 'epochsDone' | 'firstLoss' | 'lastLoss' | 'largestLoss' | 'bestValAccuracy'>): TrainingTrace | null {
  const { epochsDone: epochs, firstLoss, lastLoss, largestLoss, bestValAccuracy } = run;
  if (firstLoss === null || lastLoss === null || largestLoss === null || bestValAccuracy === null) return null;
  return { epochs, firstLoss, lastLoss, largestLoss, bestValAccuracy };
}
