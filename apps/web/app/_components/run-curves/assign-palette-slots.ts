import { PALETTE_SIZE } from '../charts/palette';

/**
 * Gives each key a slot (0-based) of the Okabe–Ito palette
 * (`../charts/palette`) in order of first appearance, so that the same list
 * always gets the same colours and the first runs get the most legible ones.
 * Past {@link PALETTE_SIZE} keys the slots repeat; the legend's labels still
 * tell such series apart.
 */
export function assignPaletteSlots(keys: readonly string[]): Map<string, number> {
  const slots = new Map<string, number>();
  for (const key of keys) if (!slots.has(key)) slots.set(key, slots.size % PALETTE_SIZE);
  return slots;
}
