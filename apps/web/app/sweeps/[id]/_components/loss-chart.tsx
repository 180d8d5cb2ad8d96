import { formatLoss } from '@/lib/format';

/** One point of the chart: an epoch's train and validation loss. */
export interface LossPoint {
  epoch: number;
  /** Mean training loss over the epoch. */
  loss: number;
  /** Validation loss after the epoch. */
  valLoss: number;
}

/** Props of {@link LossChart}. */
export interface LossChartProps {
  points: readonly LossPoint[];
  /** Width of the drawing in SVG units (it scales to its container). @default 560 */
  width?: number;
  /** Height of the drawing in SVG units. @default 240 */
  height?: number;
}

const MARGIN = { top: 28, right: 16, bottom: 32, left: 52 } as const;

interface Domain {
  min: number;
  max: number;
}

function domainOf(values: readonly number[]): Domain {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Maps `value` from `domain` onto [from, to]; a one-value domain maps to the middle. */
function scale(value: number, domain: Domain, from: number, to: number): number {
  const span = domain.max - domain.min;
  if (span === 0) return (from + to) / 2;
  return from + ((value - domain.min) / span) * (to - from);
}

/**
 * Train and validation loss per epoch as two polylines, with min/max labels on
 * both axes and a legend. Points whose losses are not finite (a diverged run)
 * are left out.
 */
export function LossChart({ points, width = 560, height = 240 }: LossChartProps) {
  const finite = points.filter((p) => Number.isFinite(p.loss) && Number.isFinite(p.valLoss));
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;

  const frame = (
    <>
      <line className="chart-axis" x1={left} y1={bottom} x2={right} y2={bottom} />
      <line className="chart-axis" x1={left} y1={top} x2={left} y2={bottom} />
    </>
  );

  if (finite.length === 0) {
    return (
      <svg
        data-testid="loss-chart"
        className="loss-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Loss per epoch: no epochs yet"
      >
        {frame}
        <text className="chart-label" x={(left + right) / 2} y={(top + bottom) / 2} textAnchor="middle">
          No finished epochs yet
        </text>
      </svg>
    );
  }

  const x = domainOf(finite.map((p) => p.epoch));
  const y = domainOf(finite.flatMap((p) => [p.loss, p.valLoss]));
  const px = (epoch: number) => scale(epoch, x, left, right);
  // SVG y grows downwards: the largest loss sits at the top.
  const py = (loss: number) => scale(loss, y, bottom, top);
  const series = [
    { key: 'train', label: 'train loss', value: (p: LossPoint) => p.loss },
    { key: 'val', label: 'validation loss', value: (p: LossPoint) => p.valLoss },
  ] as const;

  return (
    <svg
      data-testid="loss-chart"
      className="loss-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Train and validation loss over epochs ${x.min} to ${x.max}`}
    >
      {frame}
      {/* A one-value axis (one epoch, or equal losses) gets one label, where its points sit. */}
      {y.min === y.max ? (
        <text className="chart-label" x={left - 6} y={py(y.min)} textAnchor="end" dominantBaseline="middle">
          {formatLoss(y.min)}
        </text>
      ) : (
        <>
          <text className="chart-label" x={left - 6} y={top} textAnchor="end" dominantBaseline="middle">
            {formatLoss(y.max)}
          </text>
          <text className="chart-label" x={left - 6} y={bottom} textAnchor="end" dominantBaseline="middle">
            {formatLoss(y.min)}
          </text>
        </>
      )}
      {x.min === x.max ? (
        <text className="chart-label" x={px(x.min)} y={bottom + 16} textAnchor="middle">
          {x.min}
        </text>
      ) : (
        <>
          <text className="chart-label" x={left} y={bottom + 16} textAnchor="start">
            {x.min}
          </text>
          <text className="chart-label" x={right} y={bottom + 16} textAnchor="end">
            {x.max}
          </text>
        </>
      )}
      <text className="chart-title" x={(left + right) / 2} y={bottom + 26} textAnchor="middle">
        epoch
      </text>
      <text
        className="chart-title"
        x={12}
        y={(top + bottom) / 2}
        textAnchor="middle"
        transform={`rotate(-90 12 ${(top + bottom) / 2})`}
      >
        loss
      </text>

      {series.map((s) => (
        <g key={s.key} className={`chart-series chart-${s.key}`}>
          <polyline points={finite.map((p) => `${px(p.epoch)},${py(s.value(p))}`).join(' ')} />
          {finite.map((p) => (
            <circle key={p.epoch} cx={px(p.epoch)} cy={py(s.value(p))} r={2.5} />
          ))}
        </g>
      ))}

      <g className="chart-legend" transform={`translate(${right - 250} 10)`}>
        {series.map((s, i) => (
          <g key={s.key} className={`chart-series chart-${s.key}`} transform={`translate(${i * 120} 0)`}>
            <line x1={0} y1={0} x2={18} y2={0} />
            <text className="chart-label" x={24} y={0} dominantBaseline="middle">
              {s.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
