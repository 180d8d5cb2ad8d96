/**
 * The charts' categorical palette: Okabe–Ito (Okabe & Ito 2008), whose eight
 * colours stay distinguishable under the common colour-vision deficiencies.
 * The theme in `app/globals.css` defines them as `--series-1` … `--series-8`,
 * each slot in the same hue family in light and dark (for contrast against the
 * background, blue and sky blue, vermillion and orange, and black and
 * near-white swap between the two); these are the light values, for drawing
 * where the stylesheet defines none.
 */
export const OKABE_ITO_LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00', '#56B4E9', '#F0E442'] as const;

/** Colours before they repeat. */
export const PALETTE_SIZE = OKABE_ITO_LIGHT.length;
