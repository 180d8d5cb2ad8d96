/**
 * The layout of the charts with a row per finished run (overfitting, speed), in SVG units:
 * each row's height, the room under the rows for the axis, where the run labels end and
 * where the plot starts.
 */
export const RUN_ROWS = { height: 26, bottom: 40, labelRight: 180, plotLeft: 196 } as const;
