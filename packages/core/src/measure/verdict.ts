// Whether tailoring helps this visitor, in words: the rule docs/measuring.md states.
import { difference, wilson, type Interval } from './interval.js'

/** What the panel says of one goal. */
export type Verdict = 'helps' | 'no-difference' | 'worse' | 'too-few'

/** Below this many views in either arm, nothing is said but "too few views to tell". */
export const MIN_VIEWS = 10
/** A difference whose interval lies within ± this share is "no difference we can see". */
export const NEGLIGIBLE = 0.1

/**
 * The verdict on a goal from the views and goal reaches of each arm: `helps` when the 95% interval
 * of (tailored − holdout) lies above 0, `worse` when below, `no-difference` when it holds 0 and lies
 * within ±0.1, else (and with fewer than 10 views in either arm) `too-few`.
 * @example verdict({ views: 200, reached: 90 }, { views: 200, reached: 40 }) // 'helps'
 */
export const verdict = (tailored: { views: number; reached: number }, holdout: { views: number; reached: number }): Verdict => {
  if (tailored.views < MIN_VIEWS || holdout.views < MIN_VIEWS) return 'too-few'
  const d: Interval = difference(wilson(tailored.reached, tailored.views), wilson(holdout.reached, holdout.views))
  // Stryker disable next-line EqualityOperator: Newcombe's bounds from whole counts are never exactly 0
  if (d.low > 0) return 'helps'
  // Stryker disable next-line EqualityOperator: as above
  if (d.high < 0) return 'worse'
  // Stryker disable next-line EqualityOperator: nor exactly ±NEGLIGIBLE
  return d.low >= -NEGLIGIBLE && d.high <= NEGLIGIBLE ? 'no-difference' : 'too-few'
}
