// Adding to the counts, and summing them over weeks: pure, every function returns a new tally.
// Loaded with the measuring part.
import { MAX_GOALS, WEEKS_KEPT, emptyArm, emptyWeek, type ArmCount, type MeasuredArm, type Tally, type WeekCount } from './tally.js'
import { lastWeeks } from './week.js'

/**
 * `tally` with the weeks older than the last WEEKS_KEPT dropped, and `change` applied to the week of `t`. The weeks are
 * counted back from `t`'s, or from a later week already counted (a report staged before the week turned, added by a
 * tab that counted the new week first): a later week is never dropped.
 */
const touched = (tally: Tally, t: number, change: (w: WeekCount) => void): Tally => {
  const keep = lastWeeks(t, WEEKS_KEPT)
  const week = keep[0]!
  // Stryker disable next-line MethodExpression: the weeks after t's are kept whatever order they are met in
  for (const w of Object.keys(tally).sort()) if (w > week) keep.unshift(w)
  keep.length = WEEKS_KEPT
  const out: Tally = Object.create(null)
  // Stryker disable next-line MethodExpression: keep isn't read again, so reversing it in place is the same
  for (const k of keep.slice().reverse()) {
    const w = tally[k]
    if (w) out[k] = structuredClone(w)
  }
  out[week] ??= emptyWeek()
  change(out[week])
  return out
}

/** One more view of `arm` in the week of `t`, with the goals it reached already. */
export const addView = (tally: Tally, t: number, arm: MeasuredArm, reached: Iterable<string> = []): Tally =>
  touched(tally, t, (w) => {
    w[arm].views++
    for (const g of reached) bump(w[arm], g)
  })

const bump = (a: ArmCount, goal: string) => {
  if (goal in a.goals || Object.keys(a.goals).length < MAX_GOALS) a.goals[goal] = (a.goals[goal] ?? 0) + 1
}

/** One more view of `arm` that reached `goal`, in the week of `t`. */
export const addGoal = (tally: Tally, t: number, arm: MeasuredArm, goal: string): Tally => touched(tally, t, (w) => bump(w[arm], goal))

/** `n` more reports given to the site in the week of `t`. */
export const addReport = (tally: Tally, t: number, n = 1): Tally =>
  touched(tally, t, (w) => {
    w.reports += n
  })

/** The counts of one arm over some weeks. */
export interface Summed {
  views: number
  goals: Record<string, number>
}

/** Each arm's counts summed over the `weeks` weeks up to the week of `t`. */
export const sumWeeks = (tally: Tally, t: number, weeks: number): Record<MeasuredArm, Summed> => {
  const sum = { tailored: emptyArm(), holdout: emptyArm() }
  for (const week of lastWeeks(t, weeks)) {
    const w = tally[week]
    if (w)
      for (const arm of ['tailored', 'holdout'] as const) {
        sum[arm].views += w[arm].views
        for (const [g, n] of Object.entries(w[arm].goals)) sum[arm].goals[g] = (sum[arm].goals[g] ?? 0) + n
      }
  }
  return sum
}
