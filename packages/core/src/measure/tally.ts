// What is counted on the device: per ISO week and arm, the views and the views that reached each goal,
// and how many reports this browser gave the site. Counts only: no event, no URL, no time finer than
// the week. Pure: every function returns a new tally.
import { isObject } from '../guards'
import { lastWeeks } from './week'

/** The arms a count is kept for: the views that could have been tailored, tailored or held out. */
export type MeasuredArm = 'tailored' | 'holdout'

/** One arm's counts in one week. */
export interface ArmCount {
  views: number
  /** Views that reached each goal, by goal name. */
  goals: Record<string, number>
}

/** One week's counts. */
export interface WeekCount {
  tailored: ArmCount
  holdout: ArmCount
  /** Reports this browser gave the site that week. */
  reports: number
}

/** The counts, by ISO week (`'2026-W49'`). */
export type Tally = Record<string, WeekCount>

/** Counts are kept this many weeks. */
export const WEEKS_KEPT = 12
/** A goal's name: like an option's value. */
export const GOAL_NAME = /^[\w.-]{1,64}$/
/** At most this many goals are counted per week (a page can't flood the store). */
export const MAX_GOALS = 50

const WEEK_KEY = /^\d{4}-W\d\d$/
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0

const emptyArm = (): ArmCount => ({ views: 0, goals: Object.create(null) })
const emptyWeek = (): WeekCount => ({ tailored: emptyArm(), holdout: emptyArm(), reports: 0 })

const parseArm = (x: unknown): ArmCount | undefined => {
  if (!isObject(x) || !isCount(x.views) || !isObject(x.goals)) return
  const a = emptyArm()
  a.views = x.views
  for (const [g, n] of Object.entries(x.goals).slice(0, MAX_GOALS)) if (GOAL_NAME.test(g) && isCount(n)) a.goals[g] = n
  return a
}

/** A stored tally, checked count by count; a damaged week is dropped, the others kept. */
export const parseTally = (x: unknown): Tally => {
  const out: Tally = Object.create(null)
  if (isObject(x))
    for (const [week, w] of Object.entries(x).slice(-WEEKS_KEPT * 2)) {
      if (!WEEK_KEY.test(week) || !isObject(w)) continue
      const tailored = parseArm(w.tailored)
      const holdout = parseArm(w.holdout)
      if (tailored && holdout && isCount(w.reports)) out[week] = { tailored, holdout, reports: w.reports }
    }
  return out
}

/** `tally` with the weeks older than the last WEEKS_KEPT (counted back from `t`) dropped, and `change` applied to the week of `t`. */
const touched = (tally: Tally, t: number, change: (w: WeekCount) => void): Tally => {
  const keep = lastWeeks(t, WEEKS_KEPT)
  const out: Tally = Object.create(null)
  for (const week of keep.slice().reverse()) {
    const w = tally[week]
    if (w) out[week] = structuredClone(w)
  }
  const week = keep[0]!
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

/** One more report given to the site in the week of `t`. */
export const addReport = (tally: Tally, t: number): Tally =>
  touched(tally, t, (w) => {
    w.reports++
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
