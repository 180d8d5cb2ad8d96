/** An sRGB colour, each channel 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** WCAG 2 AA's least contrast for normal-size text. */
export const AA_CONTRAST = 4.5;

/** Reads `#rrggbb`. @throws {RangeError} for anything else. */
export function parseHex(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new RangeError(`expected a colour as #rrggbb, got ${JSON.stringify(hex)}`);
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16) };
}

/** Writes `#rrggbb`, rounding and clamping each channel. */
export function formatHex({ r, g, b }: Rgb): string {
  const channel = (value: number) =>
    Math.round(Math.min(255, Math.max(0, value)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/**
 * The text colour for a fill: black or white, whichever contrasts more. One of
 * the two always reaches at least 4.58:1 (the worst case, a fill of luminance
 * 0.18, sits between them), so text on any fill meets WCAG AA's 4.5:1.
 * @returns `#000000` or `#ffffff`
 */
export function pickTextColor(fill: Rgb): '#000000' | '#ffffff' {
  return contrastRatio(fill, BLACK) >= contrastRatio(fill, WHITE) ? '#000000' : '#ffffff';
}
