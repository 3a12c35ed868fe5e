// "Does tailoring help you?": what the device counted over the last four weeks, per goal, with
// intervals and a verdict. Loaded with the editing part: only the panel asks.
import type { Context } from '../context.js'
import { effectiveLevel } from '../rules.js'
import type { GoalDefinition, GoalResult, Measurement } from '../types.js'
import { goalName } from './arm.js'
import { wilson } from './interval.js'
import { sendsReports } from './report.js'
import { DEFAULT_EPSILON, keepProbability } from './response.js'
import { sumWeeks } from './counting.js'
import { verdict } from './verdict.js'
import { isoWeek } from './week.js'

/** The panel's "Does tailoring help you?" looks back this many weeks. */
export const RESULT_WEEKS = 4

/** What this browser measured, now. */
export const results = ({ store, catalog, gpc, now }: Context): Measurement => {
  const t = now()
  const r = store.state.measure
  const epsilon = catalog.measure?.epsilon ?? DEFAULT_EPSILON
  const sums = sumWeeks(r.weeks, t, RESULT_WEEKS)
  // Each goal the catalog lists, with its label when it gives one (a name alone has none).
  const labels = new Map((catalog.measure?.goals ?? []).map((g) => [goalName(g), (g as GoalDefinition).label]))
  const names = new Set([...labels.keys(), ...Object.keys(sums.tailored.goals), ...Object.keys(sums.holdout.goals)])
  const result = (a: 'tailored' | 'holdout', g: string) => {
    const views = sums[a].views
    const reached = Math.min(sums[a].goals[g] ?? 0, views)
    const w = wilson(reached, views)
    return { views, reached, share: w.value, low: w.low, high: w.high }
  }
  const goals: GoalResult[] = [...names].map((goal) => {
    const tailored = result('tailored', goal)
    const holdout = result('holdout', goal)
    return { goal, label: labels.get(goal), tailored, holdout, verdict: verdict(tailored, holdout) }
  })
  return {
    holdout: catalog.measure?.holdout ?? 0,
    epsilon,
    truthful: keepProbability(epsilon),
    holdouts: r.holdouts !== false,
    reports: sendsReports(effectiveLevel(store.state.storedLevel, gpc), r.reports, gpc),
    reportsThisWeek: r.weeks[isoWeek(t)]?.reports ?? 0,
    goals,
  }
}
