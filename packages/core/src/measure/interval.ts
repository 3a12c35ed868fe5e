// 95% intervals for a share (Wilson) and for the difference of two shares (Newcombe's method 10).

/** The normal quantile of a two-sided 95% interval. */
export const Z95 = 1.959964

/** A share with its 95% interval. */
export interface Interval {
  value: number
  low: number
  high: number
}

/**
 * The Wilson score interval of `x` successes in `n` trials: good at small counts and near 0 or 1,
 * where the textbook ± interval leaves [0, 1]. With no trials, it is [0, 1].
 * @example wilson(30, 100) // { value: 0.3, low: 0.219, high: 0.396 }
 */
export const wilson = (x: number, n: number, z = Z95): Interval => {
  if (n <= 0) return { value: 0, low: 0, high: 1 }
  const p = x / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/** The difference `a − b` of two shares, with the 95% interval Newcombe built from their Wilson intervals. */
export const difference = (a: Interval, b: Interval): Interval => {
  const d = a.value - b.value
  return {
    value: d,
    low: d - Math.sqrt((a.value - a.low) ** 2 + (b.high - b.value) ** 2),
    high: d + Math.sqrt((a.high - a.value) ** 2 + (b.value - b.low) ** 2),
  }
}
