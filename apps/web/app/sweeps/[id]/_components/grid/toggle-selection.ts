/**
 * Toggles a cell's runs in a selection, as a run's checkbox does in
 * TensorBoard or W&B: every click toggles, no modifier needed. When every run
 * of the cell is selected they are all removed; otherwise the missing ones are
 * added after the others, in the cell's order. A cell with no runs changes
 * nothing.
 *
 * @returns a new list; `selected` is left alone.
 */
export function toggleSelection(selected: readonly string[], cellRunIds: readonly string[]): string[] {
  if (cellRunIds.length === 0) return [...selected];
  const chosen = new Set(selected);
  if (cellRunIds.every((id) => chosen.has(id))) {
    const drop = new Set(cellRunIds);
    return selected.filter((id) => !drop.has(id));
  }
  return [...selected, ...cellRunIds.filter((id) => !chosen.has(id))];
}
