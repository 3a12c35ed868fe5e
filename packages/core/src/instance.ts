// One instance, wired from its parts. The reading part (state, storage reads, rules, ledger, snapshot,
// tabs) is here; the editing part (writes, recovery, signals) is attached at once by `createCandor`,
// or loaded on first use by `startCandor`, so a page that only reads never downloads it.
import { checkCatalog, fingerprint } from './catalog.js'
import { dbName, declared, type Context } from './context.js'
import type { Editing, edit } from './editing.js'
import { CandorError } from './errors.js'
import { toExport } from './exporting.js'
import { watchFades } from './fades.js'
import { createLedger } from './ledger.js'
import { load, mayPass, reconnect } from './load.js'
import { loadOnce } from './loader.js'
import { effectiveLevel, explainSignal, stateOf } from './rules.js'
import { armOf, checkGoal } from './measure/arm.js'
import { DEFAULT_EPSILON, keepProbability } from './measure/response.js'
import type { View, createView } from './measure/view.js'
import { parseMeasureRow } from './record.js'
import { keepSnapshot } from './snapshot.js'
import { idbBackend, memoryBackend } from './storage.js'
import { createStore, withEntry } from './store.js'
import { watchTabs } from './tabs.js'
import type { Candor, CandorOptions, Catalog, Explanation } from './types.js'
import { checkValue, copyValue } from './value.js'

/** How long IndexedDB may take to answer, in ms, before memory takes over. */
const DEFAULT_TIMEOUT = 2000
/** An inferred value's basis is cut to this many characters. */
const MAX_BASIS_LENGTH = 300
const DAY = 864e5

/** The editing part, now (`createCandor`) or loaded when first needed (`startCandor`). */
export type EditingPart = { edit: typeof edit } | { load: () => Promise<typeof edit> }
/** The measuring part, now (`createCandor`), loaded with the stored choices when the catalog measures, or none. */
export type MeasurePart = { view: typeof createView } | { load: () => Promise<typeof createView> } | undefined
/** Goals named before the measuring part is in are kept for it, up to this many. */
const MAX_EARLY_GOALS = 100

const freeze = (c: Catalog): Catalog => {
  if (c.measure) Object.freeze(Object.freeze(c.measure).goals)
  for (const s of c.signals) {
    s.options?.forEach((o) => Object.freeze(o))
    Object.freeze(s.options)
    Object.freeze(s)
  }
  Object.freeze(c.signals)
  return Object.freeze(c)
}

const browserGpc = () => {
  try {
    return (globalThis.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true
  } catch {
    return false
  }
}

export const createInstance = (options: CandorOptions, part: EditingPart, measuring?: MeasurePart): Candor => {
  const checked = checkCatalog(options?.catalog, options?.lenient === true)
  const catalog = freeze(checked.catalog)
  const { site } = catalog
  const now = options.now || Date.now
  const memoryOnly = options.storage == 'memory'
  if (checked.unknown.length) console.warn(`Candor: the catalog of "${site}" has fields this version doesn't know:\n  ${checked.unknown.join('\n  ')}`)
  if (checked.leftOut.length) console.error(`Candor: parts of the catalog of "${site}" were left out, the rest is used:\n  ${checked.leftOut.join('\n  ')}`)

  const store = createStore({
    records: new Map(),
    inferred: new Map(),
    storedLevel: undefined,
    previewing: options.shared === true,
    history: [],
    problems: [
      ...checked.unknown.map((message) => ({ code: 'unknown-field' as const, message })),
      ...checked.leftOut.map((message) => ({ code: 'left-out' as const, message })),
    ],
    storage: memoryOnly ? { kind: 'memory', reason: 'page-only', detail: 'the site asked for storage: "memory"' } : { kind: 'indexeddb' },
    clock: 0,
    measure: parseMeasureRow(undefined),
    view: undefined,
  })
  const ctx: Context = {
    catalog,
    site,
    defs: new Map(catalog.signals.map((s) => [s.id, s])),
    fps: new Map(catalog.signals.map((s) => [s.id, fingerprint(s)])),
    now,
    gpc: options.gpc ?? browserGpc(),
    memoryOnly,
    store,
    ledger: createLedger(now),
    // A connection closed under us (site data cleared, the database deleted in another tab): re-read a task
    // later, once the deletion is done, so the page stops using what the visitor deleted.
    connect: () => idbBackend(dbName(site), options.timeout ?? DEFAULT_TIMEOUT, () => setTimeout(reload)),
    backend: memoryBackend(),
    edits: 0,
    destroyed: false,
  }
  if (!memoryOnly) ctx.backend = ctx.connect()
  const { ledger, fps, gpc } = ctx

  // The editing part: attached now, or loaded once (a failed load is tried again on the next call).
  let editing: Editing | undefined
  const attach = (e: typeof edit) => (editing ||= e(ctx))
  if ('edit' in part) attach(part.edit)
  const editor = loadOnce(async (): Promise<Editing> => editing ?? attach(await (part as { load: () => Promise<typeof edit> }).load()))
  /** A write: at once when the editing part is in (memory changes before the call returns), else after it loads. */
  type Writer = Editing['writer']
  const write = <K extends keyof Writer>(k: K): Writer[K] =>
    ((...a: unknown[]) => {
      const run = (w: Writer) => (w[k] as (...x: unknown[]) => Promise<unknown>)(...a)
      return editing ? run(editing.writer) : editor().then((e) => run(e.writer))
    }) as Writer[K]

  // Inside an effect or computed, reading state subscribes to it (once the signals are in).
  const track = () => editing?.signals.version.value
  const level = () => effectiveLevel(store.state.storedLevel, gpc)

  // Whether some preference would tailor the page, were this view not showing it as everyone sees it.
  const inUse = () => {
    const s = store.state
    const t = now()
    return catalog.signals.some(({ id }) => stateOf(s.records.get(id), s.inferred.get(id), fps.get(id), level(), t) == 'active')
  }
  // Until the measuring part is in (and on a site that doesn't measure), a view is what it shows, never held out.
  const early: Array<Parameters<View['goal']>> = []
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
    next() {},
    start() {},
    read() {},
    skip() {},
    stop() {},
  }
  const measures = (catalog.measure?.holdout ?? 0) > 0 && !!measuring
  const measurer = measures ? ('view' in measuring ? Promise.resolve(measuring.view) : measuring.load()) : undefined
  measurer?.catch(() => {})
  /** Puts the measuring part in and starts the view; one that can't load leaves this view unmeasured. */
  const measure = async (unmeasured: boolean) => {
    try {
      const make = await measurer!
      if (ctx.destroyed) return
      view = make(ctx, level, inUse, options)
      for (const g of early.splice(0)) view.goal(...g)
      view.start()
      if (unmeasured) view.skip()
    } catch {}
  }

  const explain = (id: string): Explanation => {
    const signal = declared(ctx, id)
    track()
    const s = store.state
    const e = explainSignal(signal, s.records.get(id), s.inferred.get(id), fps.get(id), level(), now(), ledger.reads(id))
    // The preview and a holdout view show the page everyone sees: what would be used is paused, and says why.
    const paused = s.previewing ? 'preview' : view.held() && level() != 'off' ? 'holdout' : undefined
    if (paused && e.state == 'active') {
      e.state = 'forbidden-by-level'
      e.paused = paused
    }
    return e
  }

  const api: Candor = {
    catalog,
    gpc,
    get ready() {
      return ready
    },
    get level() {
      track()
      return level()
    },
    get storage() {
      track()
      return store.state.storage
    },
    get usage() {
      editing?.signals.usage.value
      return ledger.usage()
    },
    get history() {
      track()
      return store.state.history
    },
    get problems() {
      track()
      return store.state.problems
    },
    get previewing() {
      track()
      return store.state.previewing
    },
    get needsReview() {
      return catalog.signals.filter((s) => explain(s.id).state == 'needs-review').map((s) => s.id)
    },
    get orphans() {
      track()
      return [...store.state.records].filter(([id]) => !ctx.defs.has(id)).map(([id, r]) => ({ id, value: r.value, setAt: r.setAt }))
    },
    get arm() {
      track()
      return view.arm()
    },
    get measurement() {
      track()
      return view.measurement()
    },
    goal: (name, o) => view.goal(name, o),
    endView: () => view.next(),
    get signals() {
      // Present from the start with createCandor; with startCandor, once the editing part has loaded.
      return editing?.signals as Candor['signals']
    },
    now,

    get(id, o) {
      // The page's first read decides whether this view is measured, and its arm, before the value is given.
      view.read()
      const e = explain(id)
      ledger.read(id, o)
      return e.state == 'active' ? e.value : undefined
    },
    explain,
    infer(id, value, o) {
      const d = declared(ctx, id)
      if (d.source != 'inferred')
        throw new CandorError('not-inferred', `infer("${id}"): the catalog declares "${id}" as declared by the visitor; add source: "inferred" to infer it`)
      const why = checkValue(d, value)
      if (why) throw new CandorError('invalid-value', `infer("${id}"): the value ${why}`, [`${id}: ${why}`])
      const basis = o?.basis
      if (typeof basis != 'string' || !basis.trim())
        throw new CandorError('invalid-value', `infer("${id}"): a basis is required, e.g. { basis: 'your IP address suggests Europe' }`)
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
    set: write('set'),
    toggle: write('toggle'),
    turnOff: write('turnOff'),
    turnOn: write('turnOn'),
    forget: write('forget'),
    renew: write('renew'),
    confirm: write('confirm'),
    setLevel: write('setLevel'),
    forgetOrphan: write('forgetOrphan'),
    setHoldouts: write('setHoldouts'),
    setReports: write('setReports'),
    import: write('import'),
    clear: write('clear'),
    load: () => editor().then(() => {}),
    subscribe(fn) {
      return store.listen(() => {
        try {
          fn(api)
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
    destroy() {
      ctx.destroyed = true
      ctx.tabs?.close()
      stopFades()
      stopSnapshot?.()
      view.stop()
    },
  }

  const stopFades = watchFades(store, now)
  let stopSnapshot: (() => void) | undefined
  // Another tab changed something, the page is shown again, or the connection was lost: read again, or
  // leave memory mode if the fault has passed (saving what the visitor did there, once editing is in).
  const reload = () => {
    if (ctx.destroyed) return
    if (store.state.storage.kind == 'indexeddb') return void load(ctx, false)
    if (ctx.recover) return void ctx.recover()
    if (mayPass(ctx)) void reconnect(ctx)
  }
  if (!memoryOnly) ctx.tabs = watchTabs(site, reload)
  const ready: Promise<Candor> = (memoryOnly ? Promise.resolve() : load(ctx, true)).then(
    async () => {
      if (options.snapshot !== false && !memoryOnly && !ctx.destroyed) stopSnapshot = keepSnapshot(ctx)
      // Nothing in use (a first visit): this view has nothing to compare, so `ready` doesn't wait for the measuring part.
      if (measurer) inUse() ? await measure(false) : void measure(true)
      return api
    },
    () => api,
  )
  return api
}
