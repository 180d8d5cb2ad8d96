'use client';

import { describeLegend } from './describe-legend';
import { GRID_DENSITIES, type GridDensityChoice } from './grid-density';
import { GRID_METRIC_DEFINITIONS, GRID_METRICS, type GridMetric } from './grid-metrics';
import type { SequentialScale } from '../heatmap/sequential-scale';
import styles from './grid-toolbar.module.css';

/** Props of {@link GridToolbar}. */
export interface GridToolbarProps {
  metric: GridMetric;
  onMetric: (metric: GridMetric) => void;
  density: GridDensityChoice;
  onDensity: (density: GridDensityChoice) => void;
  scale: SequentialScale;
  ratio: boolean;
  onRatio: (on: boolean) => void;
  frontier: boolean;
  onFrontier: (on: boolean) => void;
}

const DENSITY_LABELS: Record<GridDensityChoice, string> = { auto: 'fit to screen', detailed: 'detailed', compact: 'compact' };

/**
 * Above the grid: what colours it, how its cells are drawn, the colour legend with the values its ends
 * stand for and why they are there (worse on the dark left, better on the
 * bright right, whichever way the metric runs), and the overlay switches.
 */
export function GridToolbar({ metric, onMetric, density, onDensity, scale, ratio, onRatio, frontier, onFrontier }: GridToolbarProps) {
  const legend = describeLegend(metric, scale);
  return (
    <div className={styles.toolbar} data-testid="grid-toolbar">
      <label className="field-inline">
        <span>Colour by</span>
        <select value={metric} onChange={(event) => onMetric(event.target.value as GridMetric)} data-testid="metric">
          {GRID_METRICS.map((key) => (
            <option key={key} value={key}>
              {GRID_METRIC_DEFINITIONS[key].label}
            </option>
          ))}
        </select>
      </label>

      <label className="field-inline">
        <span>Cells</span>
        <select value={density} onChange={(event) => onDensity(event.target.value as GridDensityChoice)} data-testid="density">
          {GRID_DENSITIES.map((key) => (
            <option key={key} value={key}>
              {DENSITY_LABELS[key]}
            </option>
          ))}
        </select>
      </label>

      <figure className={styles.legend} data-testid="legend" aria-label={legend.label}>
        <span data-testid="legend-worst">{legend.worst}</span>
        <span className={styles.legendBar} style={{ background: legend.background }} aria-hidden="true" />
        <span data-testid="legend-best">{legend.best}</span>
        <figcaption className={styles.legendCaption} data-testid="legend-caption">
          {legend.caption}
        </figcaption>
      </figure>

      <fieldset className={styles.overlayToggles}>
        <legend className="visually-hidden">Overlays</legend>
        <label className="field-inline">
          <input type="checkbox" checked={ratio} onChange={(event) => onRatio(event.target.checked)} data-testid="toggle-ratio" />
          <span>Constant lr ÷ batch</span>
        </label>
        <label className="field-inline">
          <input type="checkbox" checked={frontier} onChange={(event) => onFrontier(event.target.checked)} data-testid="toggle-frontier" />
          <span>Stability frontier</span>
        </label>
      </fieldset>
    </div>
  );
}
