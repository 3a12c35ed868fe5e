// candor.js: Candor from one classic <script> in <head>. What runs on every page view only reads:
// it hides gated elements before the first frame, reads the snapshot and the catalog, opens IndexedDB,
// tailors the page by data-candor-* attributes and shows the launcher. Everything that writes or renders
// (candor-panel.js and its chunks, next to this file) loads when the visitor shows intent: a pointer over
// or focus on the launcher or an opener, a touch, Candor.open(), a write, or a <candor-preferences> on
// the page. It never throws into the page.
import {
  drawView,
  holdsOption,
  isHeldOut,
  loadOnce,
  preopen,
  readSnapshot,
  snapshotHoldout,
  startCandor,
  whyNotRank,
  whyNotToggle,
  type Candor,
} from '@candor/core/startup'
import { baseOf, dirOf, fill, isSharedArrival, pageLang, phrase, sharedLink, startupEn } from '@candor/widget/startup'
import { cloak, pageChanges, watchAttributes, type Instance } from './attributes.js'
import { showFailure } from './failure.js'
import { keepHost } from './host.js'
import { panelLoader } from './panel-loader.js'
import { pageWords } from './words.js'

declare const __VERSION__: string

/** What `window.Candor` holds. */
export interface CandorGlobal {
  /** Resolves with the `@candor/core` instance; rejects (handled) when the catalog is invalid. */
  ready: Promise<Candor>
  /** Opens the panel, at a signal when given. */
  open(signalId?: string): void
  /** The page's address as everyone sees it, for a friend: sharer-tracking parameters removed, `#candor=shared` added. */
  share(): string
  version: string
}

/** If storage hasn't answered by then, the page shows its baseline (and tailors when it answers). */
export const BASELINE_AFTER_MS = 1000
/** Where candor.js remembers which site a catalog named, so the next visit can read its snapshot at once. */
const catalogKey = (source: string) => 'candor:catalog:' + source

let uncloak: (() => void) | undefined

/** Runs `f` once the body exists (candor.js runs in <head>). */
const withBody = (f: () => void) => (document.body ? f() : document.addEventListener('DOMContentLoaded', f, { once: true }))

const boot = (): CandorGlobal | undefined => {
  const w = window as unknown as { Candor?: CandorGlobal }
  // A second copy of the script on the page keeps the first one's instance.
  if (w.Candor) return
  const script = document.currentScript as HTMLScriptElement | null
  const data = script?.dataset ?? {}
  const base = script?.src || location.href
  const lang = pageLang(data.lang)
  const words = pageWords(baseOf(lang), base)

  uncloak = cloak()
  const loadPanel = panelLoader(base)
  // The measuring part, on a site whose catalog measures: asked for at once when the snapshot says so.
  const loadMeasuring = loadOnce((): Promise<typeof import('./measuring.js')> => import(/* @vite-ignore */ new URL('candor-measuring.js', base).href))
  // The panel didn't load (offline, blocked; said on the console once) or the catalog is invalid: where the
  // visitor acted, a few words instead of a click that does nothing. The next click tries again.
  const failed = (at?: Element | null) => () => showFailure((words.get() ?? startupEn).failed, at)

  // The modal panel, in the <candor-widget> that holds the launcher, kept in the page as it changes.
  const host = keepHost(data.launcher, {
    get label() {
      return (words.get() ?? startupEn).launcher
    },
    lang,
    dir: dirOf(lang),
    onIntent: () => intent(),
    onOpen: () => open(),
  })
  /** Set once the instance is ready and the page's words are in: the launcher follows the page from then on. */
  let shown = false
  let candor: Candor | undefined
  /** Goals reached before the instance was ready: counted for this view once it is. */
  const goalsBefore: Array<[string, boolean]> = []
  const goal = (c: Candor, name: string, reached: boolean) => {
    try {
      c.goal(name, { reached })
    } catch (e) {
      warnOnce('goal:' + name, e)
    }
  }
  const attributes = watchAttributes({
    open: (id, at) => open(id, at),
    get whyLabel() {
      return words.get()?.why ?? ''
    },
    intent: () => intent(),
    declare: (el, id, option) =>
      void ready.then(
        (c) => declare(c, el, id, option),
        () => {},
      ),
    // The answer comes with the panel's code (the click is intent); the panel itself opens only on "Change".
    why: (el, id) =>
      void ready.then(
        (c) => loadPanel().then((p) => p.explainInPlace(c, el, id, { lang, open: (at) => open(at) }), failed(el)),
        () => open(id, el),
      ),
    report: (m) => console.error(m),
    goal: (name, reached) => (candor ? goal(candor, name, reached) : goalsBefore.push([name, reached])),
    note: (m, usual) => {
      const strings = words.get()
      if (!strings) return
      const labels = candor?.catalog.signals.flatMap((s) => s.options ?? [])
      const what = m.upValues.map((v) => labels?.find((o) => o.value == v)?.label ?? v).join(', ')
      const changes = [m.up && phrase(strings, 'movedUp', { n: m.up, what }, lang), m.down && phrase(strings, 'movedDown', { n: m.down }, lang)]
        .filter(Boolean)
        .join(', ')
      return usual ? { text: strings.usualOrder, label: strings.showMine } : { text: changes, label: fill(strings.showUsual, { changes }) }
    },
    changed: () => shown && host.sync(),
  })
  // Candor's buttons waited for the page's words: now they can say them.
  if (!words.get()) void words.ready.then(attributes.relabel)
  // A returning visitor's page is tailored at once from the synchronous snapshot, found through
  // the site this catalog named last time; IndexedDB has the last word as soon as it answers.
  const source = catalogKey(data.catalog || 'inline:' + location.pathname)
  let site: string | null = null
  try {
    site = localStorage.getItem(source)
  } catch {}
  // Opened from a shared link: this view shows the page as everyone sees it, and the address bar gets a plain link back.
  const shared = isSharedArrival(location.hash)
  if (shared)
    try {
      history.replaceState(history.state, '', location.href.slice(0, location.href.indexOf('#')))
    } catch {}
  // This view's draw for holdouts, made before the catalog is in: a holdout view shows the baseline from the first frame.
  const draw = drawView()
  const share = site ? snapshotHoldout(site) : 0
  const held = isHeldOut(draw, share)
  if (share) loadMeasuring().catch(() => {})
  // Known site, no copy: nothing was in use when IndexedDB last changed, so the baseline is right.
  const early = site && !shared ? (held ? {} : (readSnapshot(site) ?? {})) : undefined
  if (early) attributes.apply((id) => early[id])
  // The shared page needs no storage: the baseline is right at once.
  else if (shared) attributes.apply()
  // IndexedDB opens while the catalog loads, instead of after.
  if (site) preopen(site)
  const ready = (async () => {
    let input: unknown
    if (data.catalog) {
      const res = await fetch(new URL(data.catalog, location.href), { credentials: 'same-origin' })
      if (!res.ok) throw new Error(`Candor: the catalog ${data.catalog} could not be loaded (HTTP ${res.status})`)
      input = await res.json()
    } else {
      // The inline catalog may come after this script: wait for the document to be parsed.
      if (!document.getElementById('candor-catalog') && document.readyState == 'loading')
        await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }))
      const el = document.getElementById('candor-catalog')
      if (!el)
        throw new Error('Candor: no catalog: add data-catalog="/candor.json" to the script tag, or a <script type="application/json" id="candor-catalog">')
      input = JSON.parse(el.textContent || '')
    }
    // It keeps the snapshot read above current (the core's default); writes load with the panel.
    const candor = startCandor(
      // Lenient: a site owner's typo in one signal leaves that signal out, not the whole panel.
      { catalog: input as never, shared, draw, lenient: true },
      () => loadPanel().then((p) => p.edit),
      () => loadMeasuring().then((m) => m.createView),
    )
    try {
      if (site != candor.catalog.site) localStorage.setItem(source, candor.catalog.site)
    } catch {}
    return candor.ready
  })()

  const mount = loadOnce(() =>
    ready.then((c) =>
      c
        .load()
        .then(loadPanel)
        .then((p) => p.mountCandor(c, { lang, launcher: false, previewBar: false, host: host.element(), pageChanges })),
    ),
  )
  const intent = () => void mount().catch(() => {})
  // Whatever the page did to the DOM meanwhile (a router replaced <body>), the host is put back first.
  const open = (signalId?: string, at?: Element | null) =>
    void mount()
      .then((m) => (host.element(), m.open(signalId)))
      .catch(failed(at))

  // Without a snapshot, gated elements wait for IndexedDB, but not for long.
  const timer = early || shared ? 0 : setTimeout(() => attributes.apply(), BASELINE_AFTER_MS)
  ready.then(
    (c) => {
      clearTimeout(timer)
      candor = c
      for (const [name, reached] of goalsBefore.splice(0)) goal(c, name, reached)
      // While the page shows what everyone sees (a shared link's arrival, the panel's preview), a bar says so, with
      // the way back. Its code comes with the panel's: a rare view, already loaded when the panel previews.
      const bar = loadOnce(() => loadPanel().then((p) => withBody(() => p.previewBar(c, lang, shared))))
      const previewing = () => void (c.previewing && bar().catch(() => {}))
      previewing()
      c.subscribe(previewing)
      const def = (id: string) => c.catalog.signals.find((s) => s.id == id)
      const instance: Instance = {
        pressed: (id, option) => {
          const e = c.explain(id)
          return e.source == 'declared' && e.state != 'expired' && holdsOption(e.value, option)
        },
        problem: (kind, id, option) => {
          const d = def(id)
          if (!d) return `"${id}" is not declared in the catalog of "${c.catalog.site}"`
          return kind == 'rank' ? whyNotRank(d) : whyNotToggle(d, option)
        },
      }
      const apply = () =>
        attributes.apply((id, el) => {
          try {
            return c.get(id, { reason: el.getAttribute('data-candor-reason') || undefined, element: el })
          } catch (e) {
            warnOnce(id, e)
          }
        }, instance)
      apply()
      // Notes made from the snapshot, before the catalog was in, named values: now they name them as the catalog does.
      attributes.relabel()
      c.subscribe(apply)
      // A page with its own opener (data-candor-open) needs no floating button, unless it asks: data-launcher="always".
      // Later changes (a router's new <body>, an opener rendered later) come through the attributes' observer.
      void words.ready.then(() => withBody(() => ((shown = true), host.sync())))
    },
    (e) => {
      clearTimeout(timer)
      attributes.apply()
      console.error(e?.problems ? `${e.message}\nThe page shows its baseline content until the catalog is fixed.` : e)
    },
  )
  // A declaration in context: the toggle and its notice come with the panel's code (the click is intent).
  const declare = (c: Candor, el: Element, id: string, option?: string) =>
    void loadPanel().then((p) => p.declareInContext(c, el, id, option, { lang, open: (at) => open(at) }), failed(el))
  const warned = new Set<string>()
  const warnOnce = (id: string, e: unknown) => {
    if (!warned.has(id))
      warned.add(id), console.error(`Candor: a data-candor attribute names ${id.startsWith('goal:') ? 'a goal' : `"${id}"`}: ${(e as Error).message}`)
  }

  // The panel inline, on a settings page: its being there is the intent.
  if (!customElements.get('candor-preferences'))
    customElements.define(
      'candor-preferences',
      class extends HTMLElement {
        stop?: () => void
        connectedCallback() {
          ready.then(
            (c) =>
              c
                .load()
                .then(loadPanel)
                .then((p) => {
                  if (this.isConnected && !this.stop) this.stop = p.renderInline(this, c, { lang })
                }, failed(this)),
            () => {},
          )
        }
        disconnectedCallback() {
          this.stop?.()
          this.stop = undefined
        }
      },
    )

  // Handled here, so an invalid catalog never shows up as an unhandled rejection; awaiting it still throws.
  ready.catch(() => {})
  return (w.Candor = { ready, open, share: () => sharedLink(location.href), version: __VERSION__ })
}

try {
  boot()
} catch (e) {
  // Whatever happens, the host page goes on, with everything it hid shown again.
  uncloak?.()
  console.error('Candor could not start:', e)
}
