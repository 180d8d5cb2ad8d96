/**
 * How often a sweep measures the gradient noise scale, in words: `every 20th step from
 * epoch 2`, `every step from epoch 2`, or `off`. Training skips the first epoch, whose
 * gradients from the initial weights would outweigh every later measurement.
 */
export function describeNoiseScaleInterval(interval: number): string {
  if (interval === 0) return 'off';
  return `every ${interval === 1 ? '' : `${ordinal(interval)} `}step from epoch 2`;
}

/** 2nd, 3rd, 11th, 21st, … */
function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n.toLocaleString('en')}${suffix}`;
}
