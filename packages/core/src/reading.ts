// The reader: what every page view asks of an instance. Its state (level, storage, history, problems, usage), and
// `get` / `explain` / `infer` / `preview` / `subscribe` / `export`, each by the rules in rules.ts. Reading state inside
// an effect or computed subscribes to it once the editor's signals are in.
import { declared, type Context } from './context.js'
import type { Editor, WRITES } from './editor.js'
import { CandorError } from './errors.js'
import { toExport } from './exporting.js'
import type { Measurer } from './measurer.js'
import { effectiveLevel, explainSignal, stateOf } from './rules.js'
import { withEntry } from './store.js'
import type { Candor, Explanation, Level } from './types.js'
import { checkValue, copyValue } from './value.js'

/** An inferred value's basis is cut to this many characters. */
const MAX_BASIS_LENGTH = 300
const DAY = 864e5

/** The members of `Candor` that read, or change only this page view (inferred values, the preview). */
export type Reading = Omit<Candor, 'ready' | 'load' | 'destroy' | (typeof WRITES)[number]>

/** The level in force, and whether some preference would tailor the page were this view not showing it as everyone sees it. */
export const levelOf = ({ store, gpc, catalog, fps, now }: Context) => {
  const level = (): Level => effectiveLevel(store.state.storedLevel, gpc)
  const inUse = () => {
    const s = store.state
    const t = now()
    return catalog.signals.some(({ id }) => stateOf(s.records.get(id), s.inferred.get(id), fps.get(id), level(), t) == 'active')
  }
  return [level, inUse] as const
}

/** The reader of `ctx`: `view` is the measurer's view now, `level` the level in force, `self` the whole instance (for `subscribe`). */
export const createReading = (ctx: Context, editor: Editor, view: Measurer, level: () => Level, self: () => Candor): Reading => {
  const { store, ledger, fps, catalog, now, site } = ctx
  const track = () => editor()?.signals.version.value
  const state = () => (track(), store.state)

  const explain = (id: string): Explanation => {
    const signal = declared(ctx, id)
    const s = state()
    const e = explainSignal(signal, s.records.get(id), s.inferred.get(id), fps.get(id), level(), now(), ledger.reads(id))
    // The preview and a holdout view show the page everyone sees: what would be used is paused, and says why.
    const paused = s.previewing ? 'preview' : view().held() && level() != 'off' ? 'holdout' : undefined
    if (paused && e.state == 'active') {
      e.state = 'forbidden-by-level'
      e.paused = paused
    }
    return e
  }
  return {
    catalog,
    gpc: ctx.gpc,
    now,
    get level() {
      track()
      return level()
    },
    get storage() {
      return state().storage
    },
    get usage() {
      editor()?.signals.usage.value
      return ledger.usage()
    },
    get history() {
      return state().history
    },
    get problems() {
      return state().problems
    },
    get previewing() {
      return state().previewing
    },
    get needsReview() {
      return catalog.signals.filter((s) => explain(s.id).state == 'needs-review').map((s) => s.id)
    },
    get orphans() {
      return [...state().records].filter(([id]) => !ctx.defs.has(id)).map(([id, r]) => ({ id, value: r.value, setAt: r.setAt }))
    },
    get arm() {
      track()
      return view().arm()
    },
    get measurement() {
      track()
      return view().measurement()
    },
    goal: (name, o) => view().goal(name, o),
    endView: () => view().next(),
    get signals() {
      // Present from the start with createCandor; with startCandor, once the editing part has loaded.
      return editor()?.signals as Candor['signals']
    },
    get(id, o) {
      // The page's first read decides whether this view is measured, and its arm, before the value is given.
      view().read()
      const e = explain(id)
      ledger.read(id, o)
      return e.state == 'active' ? e.value : undefined
    },
    explain,
    infer(id, value, o) {
      const d = declared(ctx, id)
      if (d.source != 'inferred') throw new CandorError('not-inferred', `infer("${id}"): add source: "inferred" to "${id}" in the catalog to infer it`)
      const why = checkValue(d, value)
      if (why) throw new CandorError('invalid-value', `infer("${id}"): the value ${why}`, [`${id}: ${why}`])
      const basis = o?.basis
      if (typeof basis != 'string' || !basis.trim())
        throw new CandorError('invalid-value', `infer("${id}"): a basis is required, e.g. { basis: 'your IP address' }`)
      store.update({ inferred: withEntry(store.state.inferred, id, { value: copyValue(value), basis: basis.slice(0, MAX_BASIS_LENGTH) }) })
    },
    preview(on) {
      if (store.state.previewing != !!on) store.update({ previewing: !!on })
    },
    expiringSoon(days) {
      const until = now() + days * DAY
      return catalog.signals
        .map((s) => explain(s.id))
        .filter((e) => e.expiresAt !== undefined && e.expiresAt <= until && e.state != 'expired' && e.state != 'unset')
        .sort((a, b) => a.expiresAt! - b.expiresAt!)
    },
    subscribe(fn) {
      return store.listen(() => {
        try {
          fn(self())
        } catch (e) {
          // The page's own bug: reported like an uncaught error, never breaking Candor's write.
          ;(globalThis.reportError ?? console.error)(e)
        }
      })
    },
    export() {
      const s = store.state
      return toExport(site, now(), s.storedLevel, s.records, (id) => ctx.defs.has(id), s.history, s.measure)
    },
  }
}
