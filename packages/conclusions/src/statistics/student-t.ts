// Lanczos approximation (g = 7, nine coefficients): about 15 significant digits for x > 0.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0, by the Lanczos approximation (about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0]!;
  for (let i = 1; i < lanczos.length; i += 1) sum += lanczos[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// The continued fraction of I_x(a, b), evaluated by the modified Lentz method; it converges
// fast for x < (a + 1) / (a + b + 2), which regularizedIncompleteBeta arranges by symmetry.
function continueBetaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    const m2 = 2 * m;
    for (const numerator of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), by its continued
 * fraction (Numerical Recipes §6.4), accurate to about 1e-13.
 * @param x in [0, 1]
 * @param a > 0
 * @param b > 0
 * @throws {RangeError} when x is outside [0, 1] or a or b is not positive
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: expected 0 ≤ x ≤ 1, got ${x}.`);
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedIncompleteBeta: expected a > 0 and b > 0, got a = ${a}, b = ${b}.`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * continueBetaFraction(x, a, b)) / a;
  return 1 - (front * continueBetaFraction(1 - x, b, a)) / b;
}

/**
 * The cumulative distribution function of Student's t distribution, P(T ≤ t), through
 * I_x(ν/2, 1/2) with x = ν / (ν + t²).
 * @param t any real; ±Infinity gives 1 or 0
 * @param degreesOfFreedom ν > 0, not necessarily whole (Welch's test gives fractional ν)
 * @throws {RangeError} when ν is not positive or t is NaN
 */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t)) throw new RangeError('studentTCdf: expected a number t, got NaN.');
  if (!(degreesOfFreedom > 0)) throw new RangeError(`studentTCdf: expected degrees of freedom > 0, got ${degreesOfFreedom}.`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The quantile of Student's t distribution: the t with P(T ≤ t) = p, found by bisection on
 * {@link studentTCdf} to 1e-12. Only what confidence intervals need: 0 < p < 1.
 * @throws {RangeError} when p is not strictly between 0 and 1 or ν is not positive
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: expected 0 < p < 1, got ${p}.`);
  if (!(degreesOfFreedom > 0)) throw new RangeError(`studentTQuantile: expected degrees of freedom > 0, got ${degreesOfFreedom}.`);
  let low = -1;
  let high = 1;
  while (studentTCdf(low, degreesOfFreedom) > p) low *= 2;
  while (studentTCdf(high, degreesOfFreedom) < p) high *= 2;
  while (high - low > 1e-12 * Math.max(1, Math.abs(low))) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degreesOfFreedom) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
