// One page view's measurement: its arm, the goals it reached, its count on the device and its report to
// the site. A view is decided at the page's first read once stored choices are in: it is measured when
// the catalog holds views out, the browser takes part and some preference is in use then (there is
// nothing to compare otherwise), and its arm is kept for the view. A page that reads nothing (a settings
// page) is never counted.
import type { Context } from '../context.js'
import { guardNewer, parseMeasureRow, type MeasureRow } from '../record.js'
import type { Arm, Level, Measurement } from '../types.js'
import { armOf, checkGoal, drawView, goalName, isHeldOut } from './arm.js'
import { results } from './results.js'
import { REPORT_EVENT, REPORT_FORMAT, reportedKey, sendsReports, type CandorReport } from './report.js'
import { DEFAULT_EPSILON, randomize } from './response.js'
import { addGoal, addReport, addView } from './counting.js'
import type { Tally } from './tally.js'
import { isoWeek, weekStart } from './week.js'

/** A view names at most this many goals; more are ignored. */
const MAX_VIEW_GOALS = 20

export interface View {
  arm(): Arm
  measurement(): Measurement
  /** Whether this view shows the page as everyone sees it to measure against (cheaper than `arm`). */
  held(): boolean
  goal(name: string, options?: { reached?: boolean }): void
  /** Ends this view with its report, and starts the next. */
  next(): void
  /** Stored choices are in: the next read decides the view. */
  start(): void
  /** The page reads a signal: the first read after `start` decides the view, and counts it when measured. */
  read(): void
  /** Decides this view unmeasured (it had nothing in use when it began). */
  skip(): void
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
  const goals = settings?.goals?.map(goalName)
  let named = new Set(goals)
  let reported = false
  let loaded = false
  let decided = false

  const row = () => store.state.measure
  const takesPart = () => holdout > 0 && row().holdouts !== false
  const held = () => store.state.view?.arm == 'holdout' && takesPart()
  const arm = (): Arm => armOf(level(), store.state.previewing, held(), inUse)
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
        guardNewer(cur, 'measure')
        const m = parseMeasureRow(cur.get('measure'))
        return { put: [['measure', { ...m, weeks: change(m.weeks) }]] }
      })
      .catch(() => {})
  }

  /** Ends the view with its report; `away`: the page is going away, so its count is staged synchronously. */
  const report = (away = false) => {
    if (reported || !measured()) return
    reported = true
    const r = row()
    if (!sendsReports(level(), r.reports, ctx.gpc)) return
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
    if (away) staged(now())
    else count((w) => addReport(w, now()))
    // A listener's error is the page's, reported by the browser; it never stops Candor.
    globalThis.document?.dispatchEvent(new CustomEvent(REPORT_EVENT, { detail: Object.freeze(detail) }))
  }

  /** Counts a report made as the page goes away: at once in localStorage, added to the counts by the next view. */
  const staged = (t: number) => {
    if (ctx.memoryOnly) return count((w) => addReport(w, t))
    try {
      const key = reportedKey(ctx.site)
      const kept = JSON.parse(localStorage.getItem(key) || '{}')
      kept[weekStart(t)] = (Number(kept[weekStart(t)]) || 0) + 1
      localStorage.setItem(key, JSON.stringify(kept))
    } catch {}
  }
  /** Adds the reports the last views counted as they went away. */
  const unstage = () => {
    let kept: Record<string, unknown> = {}
    try {
      const key = reportedKey(ctx.site)
      kept = JSON.parse(localStorage.getItem(key) || '{}')
      localStorage.removeItem(key)
    } catch {}
    for (const [week, n] of Object.entries(kept ?? {}))
      if (Number.isSafeInteger(n) && (n as number) > 0 && (n as number) < 1e6) count((w) => addReport(w, Number(week), n as number))
  }

  const read = () => {
    if (!loaded || decided || ctx.destroyed) return
    decided = true
    // Untailored as it begins (level off, the preview, nothing in use): nothing to compare.
    if (!takesPart() || armOf(level(), store.state.previewing, false, inUse) == 'untailored') return
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

  const ended = () => report(true)
  const hidden = () => document.visibilityState == 'hidden' && report(true)
  // Back from the back/forward cache: a new view.
  const shownAgain = (e: PageTransitionEvent) => e.persisted && next()
  const next = () => {
    report()
    reached = new Set()
    named = new Set(goals)
    reported = false
    decided = false
    draw = drawView()
    store.update({ view: undefined })
  }
  const listening = holdout > 0 && typeof document != 'undefined' && typeof addEventListener == 'function'
  if (listening) {
    addEventListener('pagehide', ended)
    addEventListener('pageshow', shownAgain)
    document.addEventListener('visibilitychange', hidden)
  }

  return {
    arm,
    measurement: () => results(ctx),
    held,
    start() {
      loaded = true
      if (!ctx.memoryOnly) unstage()
    },
    read,
    skip: () => void (decided = true),
    next,
    goal(name, opts) {
      checkGoal(name)
      if (!named.has(name) && named.size >= MAX_VIEW_GOALS) return
      named.add(name)
      if (opts?.reached === false || reached.has(name)) return
      reached.add(name)
      const v = store.state.view
      const t = now()
      if (measured()) count((w) => addGoal(w, t, v!.arm, name))
    },
    stop() {
      if (!listening) return
      removeEventListener('pagehide', ended)
      removeEventListener('pageshow', shownAgain)
      document.removeEventListener('visibilitychange', hidden)
    },
  }
}
