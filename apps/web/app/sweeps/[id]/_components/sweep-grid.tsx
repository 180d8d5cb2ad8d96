'use client';

import { GridCell } from './grid-cell';
import type { GridModel } from './grid-model';

/** Props of {@link SweepGrid}. */
export interface SweepGridProps {
  grid: GridModel;
  /** Epochs each run of the sweep trains for. */
  totalEpochs: number;
  selectedRunId: string | undefined;
  onSelect: (runId: string) => void;
}

/** Batch sizes as rows, learning rates as columns, one cell per run. */
export function SweepGrid({ grid, totalEpochs, selectedRunId, onSelect }: SweepGridProps) {
  return (
    <div className="grid-scroll">
      <table className="grid" data-testid="grid">
        <caption>Latest validation accuracy per run</caption>
        <thead>
          <tr>
            <th scope="col" className="grid-corner">
              batch ↓ / lr →
            </th>
            {grid.learningRates.map((learningRate) => (
              <th scope="col" key={learningRate}>
                {String(learningRate)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.batchSizes.map((batchSize) => (
            <tr key={batchSize}>
              <th scope="row">{batchSize}</th>
              {grid.learningRates.map((learningRate) => {
                const run = grid.runAt(batchSize, learningRate);
                return (
                  <GridCell
                    key={learningRate}
                    batchSize={batchSize}
                    learningRate={learningRate}
                    run={run}
                    totalEpochs={totalEpochs}
                    selected={run !== undefined && run.id === selectedRunId}
                    onSelect={onSelect}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
