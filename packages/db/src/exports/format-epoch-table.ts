import { annotationColumns, epochColumns, statusColumn } from '../imports/epoch-row.js';
import type { ExportedEpochRow } from './read-sweep-epochs.js';

/** The forms an epoch table is exported in. */
export type EpochTableFormat = 'csv' | 'json';

/**
 * Writes epoch rows in the form import reads back: every column of `epochColumns`, in its
 * order (`batch_size, learning_rate, repeat, epoch, loss, accuracy, val_loss, val_accuracy,
 * duration_ms, images_per_second`), then `status`, how the run stands, and the run's `tags`
 * and `notes`. CSV is RFC 4180 with a header line and CRLF line ends, an unknown timing left
 * empty, tags separated by commas, and a field holding a comma, a quote or a line break
 * quoted; JSON is an array of one object per row, an unknown timing `null` and tags a list. Numbers are written in the shortest form that reads back as the same double, so
 * an export imported again holds exactly the same metrics. Rows are written in the order given.
 * @returns the text, ending with a line break
 */
export function formatEpochTable(rows: readonly ExportedEpochRow[], format: EpochTableFormat): string {
  if (format === 'json') {
    const objects = rows.map((row) => ({
      ...Object.fromEntries(epochColumns.map((column) => [column.name, row[column.key]])),
      [statusColumn.name]: row.status,
      [annotationColumns.tags]: row.tags,
      [annotationColumns.notes]: row.notes,
    }));
    return `${JSON.stringify(objects, null, 2)}\n`;
  }
  const lines = [
    [...epochColumns.map((column) => column.name), statusColumn.name, annotationColumns.tags, annotationColumns.notes],
    ...rows.map((row) => [...epochColumns.map((column) => String(row[column.key] ?? '')), row.status, row.tags.join(','), row.notes]),
  ];
  return lines.map((fields) => `${fields.map(quoteField).join(',')}\r\n`).join('');
}

/** A CSV field as RFC 4180 writes it: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
