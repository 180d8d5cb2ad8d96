/**
 * Lays out rows as a plain-text table for a terminal: a header, a rule of dashes, then the
 * rows, each column as wide as its widest cell and two spaces apart. The CLI's results and
 * every bench's report use it.
 * @param header the column titles
 * @param body the rows, one string per column
 */
export function formatTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}
