/**
 * The gradient noise scale of McCandlish, Kaplan, Amodei et al., "An Empirical Model of
 * Large-Batch Training" (2018): B_noise = tr(Σ) / |G|², Σ the per-example gradient
 * covariance and G the true gradient, which estimates the critical batch size. Its "simple"
 * estimator (their appendix A.1) needs only the squared norm of a gradient measured at two
 * batch sizes: since E|G_B|² = |G|² + tr(Σ) / B,
 *
 *   |G|² ≈ (B_big |G_big|² − B_small |G_small|²) / (B_big − B_small)
 *   tr(Σ) ≈ (|G_small|² − |G_big|²) / (1 / B_small − 1 / B_big)
 *
 * are unbiased. Each is very noisy, so each is smoothed by an exponential moving average,
 * and B_simple is the ratio of the two averages, as the paper does (not the average of
 * ratios, which a near-zero |G|² estimate would swamp).
 */

/** The squared L2 norm of the gradient of one set of weights, over a batch of each size. */
export interface GradientNormPair {
  smallBatch: number;
  smallNormSquared: number;
  bigBatch: number;
  bigNormSquared: number;
}

/** One measurement's unbiased estimates of |G|² and tr(Σ). */
export interface GradientNoiseEstimate {
  gradientSquared: number;
  trace: number;
}

/**
 * The unbiased estimates of |G|² and tr(Σ) from one pair of measurements.
 * @throws Error when the batch sizes are not 1 ≤ small < big
 */
export function estimateGradientNoise({ smallBatch, smallNormSquared, bigBatch, bigNormSquared }: GradientNormPair): GradientNoiseEstimate {
  if (!(Number.isInteger(smallBatch) && Number.isInteger(bigBatch) && smallBatch >= 1 && smallBatch < bigBatch)) {
    throw new Error(`expected batch sizes 1 ≤ small < big, got ${smallBatch} and ${bigBatch}`);
  }
  return {
    gradientSquared: (bigBatch * bigNormSquared - smallBatch * smallNormSquared) / (bigBatch - smallBatch),
    trace: (smallNormSquared - bigNormSquared) / (1 / smallBatch - 1 / bigBatch),
  };
}

/** What {@link NoiseScaleTracker} carries from one epoch to the next: its two averages, before bias correction. */
export interface NoiseScaleState {
  gradientSquared: number;
  trace: number;
  /** Measurements taken so far, for the bias correction. */
  count: number;
}

/**
 * Smooths the estimates of a run's measurements and gives B_simple = EMA(tr Σ) / EMA(|G|²).
 * The averages start at zero and are bias-corrected as Adam's are (divided by 1 − βⁿ), so
 * the first measurements count in full rather than being pulled toward zero.
 */
export class NoiseScaleTracker {
  #state: NoiseScaleState;

  /**
   * @param smoothing β, the weight an average keeps at each measurement (0 ≤ β < 1): 0.9
   *   averages about the last ten
   * @param state where to go on from (a resumed run's)
   */
  constructor(
    readonly smoothing: number,
    state: NoiseScaleState = { gradientSquared: 0, trace: 0, count: 0 },
  ) {
    if (!(smoothing >= 0 && smoothing < 1)) throw new Error(`expected a smoothing from 0 up to 1, got ${smoothing}`);
    this.#state = { ...state };
  }

  /** Adds one measurement's estimates. Non-finite ones (a blown-up gradient) are left out. */
  add(estimate: GradientNoiseEstimate): void {
    if (!Number.isFinite(estimate.gradientSquared) || !Number.isFinite(estimate.trace)) return;
    const β = this.smoothing;
    this.#state = {
      gradientSquared: β * this.#state.gradientSquared + (1 - β) * estimate.gradientSquared,
      trace: β * this.#state.trace + (1 - β) * estimate.trace,
      count: this.#state.count + 1,
    };
  }

  /**
   * B_simple in examples; null before any measurement, or while the averaged |G|² or tr(Σ) is
   * not positive: the noise swamps the signal, and the ratio says nothing yet.
   */
  get noiseScale(): number | null {
    const { gradientSquared, trace, count } = this.#state;
    if (count === 0 || !(gradientSquared > 0) || !(trace > 0)) return null;
    // The bias corrections of the two averages are equal and cancel in the ratio.
    return trace / gradientSquared;
  }

  /** The averages, to store with a checkpoint. */
  get state(): NoiseScaleState {
    return { ...this.#state };
  }
}
