'use client';

import { useState, type RefObject } from 'react';

import chartStyles from '../chart.module.css';
import { downloadSvgAsPng } from './download-svg-as-png';

/** Props of {@link DownloadPngButton}. */
export interface DownloadPngButtonProps {
  /** The element that holds the chart's `<svg>`. */
  chartRef: RefObject<HTMLElement | null>;
  /** The file's name, e.g. `sweep-3-best-learning-rate.png`. */
  filename: string;
  /** What the chart is, for the button's accessible name: "Download PNG of <chart>". */
  chartName: string;
}

/** Saves the chart as a PNG in the page's current theme; says so when the browser cannot. */
export function DownloadPngButton({ chartRef, filename, chartName }: DownloadPngButtonProps) {
  const [state, setState] = useState<'idle' | 'working' | { error: string }>('idle');
  const download = async () => {
    const svg = chartRef.current?.querySelector('svg');
    if (!svg) return;
    setState('working');
    try {
      await downloadSvgAsPng(svg, { filename });
      setState('idle');
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div>
      <button type="button" className="button" aria-label={`Download PNG of ${chartName}`} disabled={state === 'working'} onClick={() => void download()}>
        Download PNG
      </button>
      {typeof state === 'object' && (
        <p role="alert" className={chartStyles.downloadError}>
          Could not save the PNG: {state.error}.
        </p>
      )}
    </div>
  );
}
