// One page view's measurement: its arm, the goals it reached, its count on the device and its report to
// the site. A view is measured when the catalog holds views out, the browser takes part, and something
// would be tailored when it starts (there is nothing to compare otherwise); its arm is kept for the view.
import type { Context } from '../context'
import { CandorError } from '../errors'
import { isNewer, parseMeasureRow, type MeasureRow } from '../record'
import type { Arm, GoalResult, Level, Measurement } from '../types'
import { shown } from '../value'
import { drawView, isHeldOut } from './draw'
import { wilson } from './interval'
import { REPORT_EVENT, REPORT_FORMAT, type CandorReport } from './report'
import { keepProbability, randomize } from './response'
import { GOAL_NAME, addGoal, addReport, addView, sumWeeks, type Tally } from './tally'
import { verdict } from './verdict'
import { isoWeek } from './week'

/** The panel's "Does tailoring help you?" looks back this many weeks. */
export const RESULT_WEEKS = 4
/** A view names at most this many goals; more are ignored. */
const MAX_VIEW_GOALS = 20
const DEFAULT_EPSILON = 1

export interface View {
  arm(): Arm
  /** Whether this view shows the page as everyone sees it to measure against (cheaper than `arm`). */
  held(): boolean
  measurement(): Measurement
  goal(name: string, options?: { reached?: boolean }): void
  /** Ends this view with its report, and starts the next. */
  next(): void
  /** Decides the arm once stored choices are in, and counts the view. */
  start(): void
  stop(): void
}

const validDraw = (d: unknown): d is number => typeof d == 'number' && d >= 0 && d < 1

/** `level` is the level in force; `inUse` whether some preference would tailor the page (holdouts aside). */
export const createView = (ctx: Context, level: () => Level, inUse: () => boolean, o: { draw?: number; random?: () => number }): View => {
  const { store, now, catalog } = ctx
  const settings = catalog.measure
  const holdout = settings?.holdout ?? 0
  const epsilon = settings?.epsilon ?? DEFAULT_EPSILON
  const random = o.random ?? drawView
  let draw = validDraw(o.draw) ? o.draw : undefined
  let reached = new Set<string>()
  let named = new Set<string>(settings?.goals)
  let reported = false

  const row = () => store.state.measure
  const takesPart = () => holdout > 0 && row().holdouts !== false
  const shared = () => level() == 'off' || store.state.previewing
  const held = () => store.state.view?.arm == 'holdout' && takesPart() && !shared()
  const arm = (): Arm => (shared() ? 'untailored' : held() ? 'holdout' : inUse() ? 'tailored' : 'untailored')
  /** Counted, and still showing what it was counted as. */
  const measured = () => {
    const v = store.state.view
    return !!v && takesPart() && arm() == v.arm
  }

  /** Adds to the counts, in memory at once and in storage (from what is stored there); a failed count is lost, nothing else. */
  const count = (change: (t: Tally) => Tally) => {
    const r = row()
    ctx.edits++
    store.update({ measure: { ...r, weeks: change(r.weeks) } })
    ctx.backend
      .change(['measure'], (cur): { put: Array<[string, MeasureRow]> } => {
        const stored = cur.get('measure')
        if (isNewer(stored)) throw new CandorError('newer-data', 'A newer Candor keeps the counts')
        const m = parseMeasureRow(stored)
        return { put: [['measure', { ...m, weeks: change(m.weeks) }]] }
      })
      .catch(() => {})
  }

  const report = () => {
    if (reported || !measured()) return
    reported = true
    const r = row()
    if (level() == 'off' || !(r.reports ?? !ctx.gpc)) return
    const goals: Record<string, boolean> = {}
    for (const g of new Set([...named, ...reached])) goals[g] = randomize(reached.has(g), epsilon, random())
    const detail: CandorReport = {
      format: REPORT_FORMAT,
      version: 1,
      arm: store.state.view!.arm as CandorReport['arm'],
      week: store.state.view!.week,
      epsilon,
      goals,
    }
    count((w) => addReport(w, now()))
    // A listener's error is the page's, reported by the browser; it never stops Candor.
    globalThis.document?.dispatchEvent(new CustomEvent(REPORT_EVENT, { detail: Object.freeze(detail) }))
  }

  const start = () => {
    if (!takesPart() || shared() || !inUse() || ctx.destroyed) return
    draw ??= drawView()
    const t = now()
    const a = isHeldOut(draw, holdout) ? 'holdout' : 'tailored'
    // The goals reached so far, as they are now: the stored count is made later, in its transaction.
    const before = [...reached]
    store.batch(() => {
      store.update({ view: { arm: a, week: isoWeek(t) } })
      count((w) => addView(w, t, a, before))
    })
  }

  const ended = () => report()
  const hidden = () => document.visibilityState == 'hidden' && report()
  // Back from the back/forward cache: a new view.
  const shownAgain = (e: PageTransitionEvent) => e.persisted && next()
  const next = () => {
    report()
    reached = new Set()
    named = new Set(settings?.goals)
    reported = false
    draw = drawView()
    store.update({ view: undefined })
    start()
  }
  const listening = holdout > 0 && typeof document != 'undefined' && typeof addEventListener == 'function'
  if (listening) {
    addEventListener('pagehide', ended)
    addEventListener('pageshow', shownAgain)
    document.addEventListener('visibilitychange', hidden)
  }

  return {
    arm,
    held,
    start,
    next,
    goal(name, opts) {
      if (typeof name != 'string' || !GOAL_NAME.test(name))
        throw new CandorError('invalid-value', `goal(${shown(name)}): a goal's name is 1 to 64 letters, digits, "_", "." or "-", e.g. goal('read')`)
      if (!named.has(name) && named.size >= MAX_VIEW_GOALS) return
      named.add(name)
      if (opts?.reached === false || reached.has(name)) return
      reached.add(name)
      const v = store.state.view
      const t = now()
      if (measured()) count((w) => addGoal(w, t, v!.arm, name))
    },
    measurement() {
      const t = now()
      const r = row()
      const sums = sumWeeks(r.weeks, t, RESULT_WEEKS)
      const names = new Set([...(settings?.goals ?? []), ...Object.keys(sums.tailored.goals), ...Object.keys(sums.holdout.goals)])
      const result = (a: 'tailored' | 'holdout', g: string) => {
        const views = sums[a].views
        const got = Math.min(sums[a].goals[g] ?? 0, views)
        const w = wilson(got, views)
        return { views, reached: got, share: w.value, low: w.low, high: w.high }
      }
      const goals: GoalResult[] = [...names].map((g) => {
        const tailored = result('tailored', g)
        const held = result('holdout', g)
        return { goal: g, tailored, holdout: held, verdict: verdict(tailored, held) }
      })
      return {
        holdout,
        epsilon,
        truthful: keepProbability(epsilon),
        holdouts: row().holdouts !== false,
        reports: level() != 'off' && (r.reports ?? !ctx.gpc),
        reportsThisWeek: r.weeks[isoWeek(t)]?.reports ?? 0,
        goals,
      }
    },
    stop() {
      if (!listening) return
      removeEventListener('pagehide', ended)
      removeEventListener('pageshow', shownAgain)
      document.removeEventListener('visibilitychange', hidden)
    },
  }
}
