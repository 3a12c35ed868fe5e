// What is counted on the device: per ISO week and arm, the views and the views that reached each goal,
// and how many reports this browser gave the site. Counts only: no event, no URL, no time finer than
// the week. This file reads stored counts back (on every page view); counting.ts adds to them.
import { isObject } from '../guards.js'
import { GOAL_NAME } from './arm.js'

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
/** At most this many goals are counted per week (a page can't flood the store). */
export const MAX_GOALS = 50

const WEEK_KEY = /^\d{4}-W\d\d$/
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0

export const emptyArm = (): ArmCount => ({ views: 0, goals: Object.create(null) })
export const emptyWeek = (): WeekCount => ({ tailored: emptyArm(), holdout: emptyArm(), reports: 0 })

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
