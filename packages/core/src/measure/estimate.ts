// What a site can learn from the reports it collected: each arm's rate of each goal, debiased, with
// its interval, and the difference tailoring made. The reports may come from anywhere (the site's
// own analytics): anything that isn't a report is counted as ignored, never trusted.
import { isObject } from '../guards.js'
import { Z95, type Interval } from './interval.js'
import { REPORT_FORMAT, type CandorReport } from './report.js'
import { isEpsilon, keepProbability } from './response.js'
import type { MeasuredArm } from './tally.js'

/** One arm's estimate for one goal. */
export interface RateEstimate {
  /** Reports of this arm that carried the goal. */
  reports: number
  /** The debiased share of views that reached the goal, and its 95% interval, within [0, 1]. */
  rate: number
  low: number
  high: number
}

/** One goal: each arm's rate, and tailored − holdout with its 95% interval. */
export interface GoalEstimate {
  tailored: RateEstimate
  holdout: RateEstimate
  difference: Interval
}

/** What `estimate` returns. */
export interface Estimate {
  reports: Record<MeasuredArm, number>
  /** Items that weren't reports (wrong format, ε out of range, a goal that isn't true or false). */
  ignored: number
  goals: Record<string, GoalEstimate>
}

const clamp = (x: number) => Math.min(1, Math.max(0, x))

const isReport = (r: unknown): r is CandorReport =>
  isObject(r) &&
  r.format === REPORT_FORMAT &&
  r.version === 1 &&
  (r.arm === 'tailored' || r.arm === 'holdout') &&
  isEpsilon(r.epsilon) &&
  isObject(r.goals) &&
  Object.values(r.goals).every((g) => typeof g == 'boolean')

/** Debiased mean and its variance over reports `(yes, p)`: each says yes truly with probability p. */
const debias = (items: Array<[boolean, number]>): { mean: number; variance: number } => {
  const n = items.length
  if (!n) return { mean: 0, variance: Infinity }
  // Each report's unbiased estimate of "reached": (y − (1 − p)) / (2p − 1).
  const mean = items.reduce((s, [y, p]) => s + (+y - (1 - p)) / (2 * p - 1), 0) / n
  // Its variance λ(1 − λ)/(2p − 1)², with λ the share of yes expected at that p.
  const m = clamp(mean)
  const variance = items.reduce((s, [, p]) => {
    const lambda = m * (2 * p - 1) + (1 - p)
    return s + (lambda * (1 - lambda)) / (2 * p - 1) ** 2
  }, 0)
  return { mean, variance: variance / (n * n) }
}

/**
 * Estimates, from `candor:report` details a site collected, each goal's rate in each arm (debiased for
 * randomized response: (λ − (1 − p)) / (2p − 1)), with 95% intervals, and the difference tailoring made.
 * @example
 * const reports = []
 * document.addEventListener('candor:report', (e) => reports.push(e.detail))
 * estimate(reports).goals.read.difference // { value: 0.05, low: 0.02, high: 0.08 }
 */
export const estimate = (reports: Iterable<unknown>): Estimate => {
  const out: Estimate = { reports: { tailored: 0, holdout: 0 }, ignored: 0, goals: Object.create(null) }
  const by = new Map<string, Record<MeasuredArm, Array<[boolean, number]>>>()
  for (const r of reports) {
    if (!isReport(r)) {
      out.ignored++
      continue
    }
    out.reports[r.arm]++
    const p = keepProbability(r.epsilon)
    for (const [g, y] of Object.entries(r.goals)) {
      if (!by.has(g)) by.set(g, { tailored: [], holdout: [] })
      by.get(g)![r.arm].push([y, p])
    }
  }
  for (const [g, arms] of by) {
    const t = debias(arms.tailored)
    const h = debias(arms.holdout)
    const rate = (items: Array<[boolean, number]>, e: { mean: number; variance: number }): RateEstimate => {
      const half = Z95 * Math.sqrt(e.variance)
      return { reports: items.length, rate: clamp(e.mean), low: clamp(e.mean - half), high: clamp(e.mean + half) }
    }
    const half = Z95 * Math.sqrt(t.variance + h.variance)
    const d = t.mean - h.mean
    out.goals[g] = {
      tailored: rate(arms.tailored, t),
      holdout: rate(arms.holdout, h),
      difference: Number.isFinite(half) ? { value: d, low: d - half, high: d + half } : { value: 0, low: -1, high: 1 },
    }
  }
  return out
}
