'use client';

import { useEffect, useId, useRef, useState } from 'react';

import styles from './run-curves.module.css';

import { X_AXES, X_AXIS_NAMES, type XAxis } from './curve-x-axis';

/** The controls' values, as the URL holds them. */
export interface CurveControlValues {
  xaxis: XAxis;
  logloss: boolean;
  smoothing: number;
  combine: boolean;
}

/** Props of {@link CurveControls}. */
export interface CurveControlsProps {
  values: CurveControlValues;
  onChange: (patch: Partial<CurveControlValues>) => void;
  /** Smoothing while the slider moves, before it reaches the URL; null when none is pending. */
  onSmoothingDraft: (draft: number | null) => void;
}

/** Wait after the slider's last move before writing it to the URL, in milliseconds. */
const SMOOTHING_COMMIT_MS = 250;

/**
 * The curves' controls: the x-axis, a log scale for loss, the smoothing
 * weight (0–0.99) and whether repeats of a cell are combined. The slider
 * reports its value at once through `onSmoothingDraft` and writes the URL
 * only once it rests, so dragging it does not navigate at every step.
 */
export function CurveControls({ values, onChange, onSmoothingDraft }: CurveControlsProps) {
  const id = useId();
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const smoothing = draft ?? values.smoothing;

  useEffect(() => {
    // The URL has caught up with the slider: the draft is no longer needed.
    if (draft !== null && draft === values.smoothing) {
      setDraft(null);
      onSmoothingDraft(null);
    }
  }, [draft, values.smoothing, onSmoothingDraft]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const moveSmoothing = (value: number) => {
    setDraft(value);
    onSmoothingDraft(value);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      onChange({ smoothing: value });
    }, SMOOTHING_COMMIT_MS);
  };

  return (
    <div className={styles.controls} role="group" aria-label="Curve settings">
      <label className="field-inline" htmlFor={`${id}-x`}>
        x-axis
        <select id={`${id}-x`} value={values.xaxis} onChange={(event) => onChange({ xaxis: event.target.value as XAxis })} data-testid="curves-x-axis">
          {X_AXES.map((axis) => (
            <option key={axis} value={axis}>
              {X_AXIS_NAMES[axis]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={values.logloss} onChange={(event) => onChange({ logloss: event.target.checked })} data-testid="curves-log" />
        Log scale for loss
      </label>
      <label className="field-inline" htmlFor={`${id}-smoothing`}>
        Smoothing
        <input
          id={`${id}-smoothing`}
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={smoothing}
          onChange={(event) => moveSmoothing(Number(event.target.value))}
          aria-valuetext={smoothing === 0 ? 'off' : `EMA weight ${smoothing}`}
          data-testid="curves-smoothing"
        />
        <output htmlFor={`${id}-smoothing`} className={styles.smoothingValue}>
          {smoothing.toFixed(2)}
        </output>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={values.combine} onChange={(event) => onChange({ combine: event.target.checked })} data-testid="curves-combine" />
        Combine repeats (mean ± 1 sd)
      </label>
    </div>
  );
}
