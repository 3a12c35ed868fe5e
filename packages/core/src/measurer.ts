// The measurer: the part that decides whether a view is held out and counts it, plugged into the reader through one
// `View`. Until its code is in (and on a site that doesn't measure) a view is what it shows, never held out, and
// goals named early wait for the part (up to MAX_EARLY_GOALS).
import type { Context } from './context.js'
import { armOf, checkGoal } from './measure/arm.js'
import { DEFAULT_EPSILON, keepProbability } from './measure/response.js'
import type { View, createView } from './measure/view.js'
import type { CandorOptions, Level } from './types.js'

/** The measuring part, now (`createCandor`), loaded with the stored choices when the catalog measures, or none. */
export type MeasurePart = { view: typeof createView } | { load: () => Promise<typeof createView> } | undefined

/** Goals named before the measuring part is in are kept for it, up to this many. */
const MAX_EARLY_GOALS = 100

/**
 * The measurer of `ctx`: `view()`, this view's measurement now, and `start`, called once stored choices are in, which
 * puts the part in and starts the view (`unmeasured`: nothing was in use, so nothing to compare), or `undefined` on a
 * site that doesn't measure. `level` is the level in force, `inUse` whether some preference would tailor the page.
 */
export const createMeasurer = (ctx: Context, part: MeasurePart, options: CandorOptions, level: () => Level, inUse: () => boolean) => {
  const { store } = ctx
  const early: Array<Parameters<View['goal']>> = []
  const none = () => {}
  let view: View = {
    arm: () => armOf(level(), store.state.previewing, false, inUse),
    measurement: () => ({
      holdout: 0,
      epsilon: DEFAULT_EPSILON,
      truthful: keepProbability(DEFAULT_EPSILON),
      holdouts: store.state.measure.holdouts !== false,
      reports: false,
      reportsThisWeek: 0,
      goals: [],
    }),
    held: () => false,
    goal: (name, o) => void (checkGoal(name), early.length < MAX_EARLY_GOALS && early.push([name, o])),
    next: none,
    start: none,
    read: none,
    skip: none,
    stop: none,
  }
  const loading = (ctx.catalog.measure?.holdout ?? 0) > 0 && part ? ('view' in part ? Promise.resolve(part.view) : part.load()) : undefined
  loading?.catch(() => {})
  // A part that can't load leaves this view unmeasured.
  const start =
    loading &&
    (async (unmeasured: boolean) => {
      try {
        const make = await loading
        if (ctx.destroyed) return
        view = make(ctx, level, inUse, options)
        for (const g of early.splice(0)) view.goal(...g)
        view.start()
        if (unmeasured) view.skip()
      } catch {}
    })
  return [() => view, start] as const
}

/** What the reader asks of the measurer: this view's measurement now. */
export type Measurer = ReturnType<typeof createMeasurer>[0]
