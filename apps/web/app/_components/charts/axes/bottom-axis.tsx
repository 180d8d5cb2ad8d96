import chartStyles from '../chart.module.css';

/** Props of {@link BottomAxis}. */
export interface BottomAxisProps {
  ticks: readonly number[];
  /** Where a value lies along x, in SVG units. */
  x: (value: number) => number;
  format: (value: number) => string;
  /** The plot's left and right ends. */
  left: number;
  right: number;
  /** Where the gridlines start, at the top of the plot. */
  top: number;
  /** Where the axis line runs, at the bottom of the plot. */
  bottom: number;
  title: string;
  /** The title's baseline. */
  titleY: number;
}

/** An x axis under a plot: a gridline and a label at each tick, the axis line, and the axis's title. */
export function BottomAxis({ ticks, x, format, left, right, top, bottom, title, titleY }: BottomAxisProps) {
  return (
    <g>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className={chartStyles.gridline} x1={x(tick)} x2={x(tick)} y1={top} y2={bottom} />
          <text className={chartStyles.tickLabel} x={x(tick)} y={bottom + 16} textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      <line className={chartStyles.axis} x1={left} x2={right} y1={bottom} y2={bottom} />
      <text className={chartStyles.axisTitle} x={(left + right) / 2} y={titleY} textAnchor="middle">
        {title}
      </text>
    </g>
  );
}
