const units = ['kB', 'MB', 'GB', 'TB'] as const;

/**
 * A size in decimal units, as downloads and file pickers show it: `812 B`, `48.3 kB`,
 * `26.4 MB`, `1.2 GB`. The dashboard's file size, the terminal's import bar and the data-set
 * download all use it, so a 40 kB file never reads "0.0 MB".
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
