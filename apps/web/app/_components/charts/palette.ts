/**
 * How many colours the charts' categorical palette has before they repeat.
 * The palette is Okabe–Ito (Okabe & Ito 2008), whose eight colours stay
 * distinguishable under the common colour-vision deficiencies; the theme
 * defines them as `--series-1` … `--series-8` in `app/globals.css`.
 */
export const PALETTE_SIZE = 8;
