// candor.js: Candor from one classic <script> in <head>. What runs on every page view only reads:
// it hides gated elements before the first frame, reads the snapshot and the catalog, opens IndexedDB,
// tailors the page by data-candor-* attributes and shows the launcher. Everything that writes or renders
// (candor-panel.js and its chunks, next to this file) loads when the visitor shows intent: a pointer over
// or focus on the launcher or an opener, a touch, Candor.open(), a write, or a <candor-preferences> on
// the page. It never throws into the page.
import { loadOnce } from '@candor/core/internal'
import { preopen, startCandor, type Candor } from '@candor/core/startup'
import { baseOf, dirOf, pageLang, sharedLink, startupEn } from '@candor/widget/internal'
import { cloak, watchAttributes, type Attributes } from './attributes.js'
import { readCatalog } from './catalog-source.js'
import { showFailure } from './failure.js'
import { firstView } from './first-view.js'
import { keepHost, type Host } from './host.js'
import { defineInlinePanel } from './inline-panel.js'
import { instanceOf, readerOf } from './page-instance.js'
import { panelLoader } from './panel-loader.js'
import { noteWords, pageWords } from './words.js'

declare const __VERSION__: string
/** The member of `window.Candor` the files candor.js loads later find its functions in: named for the build (shared.mjs). */
declare const __SHARED_KEY__: string

/** What `window.Candor` holds. */
export interface CandorGlobal {
  /** Resolves with the `@candor/core` instance; rejects (handled) when the catalog is invalid. */
  ready: Promise<Candor>
  /** Opens the panel, at a signal when given. */
  open(signalId?: string): void
  /** The page's address as everyone sees it, for a friend: sharer-tracking parameters removed, `#candor=shared` added. */
  share(): string
  version: string
  // And, Candor's own, not for pages: under a name of its build (`_` and 8 characters), what the files candor.js loads
  // later take from it instead of fetching it again.
}

/** If storage hasn't answered by then, the page shows its baseline (and tailors when it answers). */
export const BASELINE_AFTER_MS = 1000

let uncloak: (() => void) | undefined

/** Functions of candor.js the files it loads later use too: build.mjs fills it (see shared.mjs). */
export const shared: unknown[] = []

/** Says a page's mistake on the console, looked up at each call: a monitoring tool that wraps console.error later sees it. */
const toConsole = (m: string) => console.error(m)

const noop = () => {}

/** Runs `f` once the body exists (candor.js runs in <head>). */
const withBody = (f: () => void) => (document.body ? f() : document.addEventListener('DOMContentLoaded', f, { once: true }))

type Panel = typeof import('./panel.js')

/** What the page has once the instance is ready, for `tailor`. */
interface Ready {
  attributes: Attributes
  host: Host
  words: ReturnType<typeof pageWords>
  loadPanel: () => Promise<Panel>
  lang: string
  shared: boolean
  /** The launcher follows the page from now on. */
  show(): void
  /** The declaring control the visitor used last, the panel's code it loaded, and when: the page's changes keep it in place for a while. */
  used(): [Element, Panel, number] | undefined
}

/** Tailors the page by `c` from now on: the attributes, the preview bar, the launcher. */
const tailor = (c: Candor, p: Ready) => {
  // While the page shows what everyone sees (a shared link's arrival, the panel's preview), a bar says so, with
  // the way back. Its code comes with the panel's: a rare view, already loaded when the panel previews.
  const bar = loadOnce(() => p.loadPanel().then((m) => withBody(() => m.previewBar(c, p.lang, p.shared))))
  const previewing = () => void (c.previewing && bar().catch(noop))
  const instance = instanceOf(c)
  const read = readerOf(c, toConsole)
  const apply = () => {
    const [el, m, at] = p.used() ?? []
    m ? m.keepInPlace(el!, at!, (glide) => p.attributes.apply(read, instance, glide)) : p.attributes.apply(read, instance)
  }
  previewing()
  apply()
  // Notes made from the snapshot, before the catalog was in, named values: now they name them as the catalog does.
  p.attributes.relabel()
  c.subscribe(previewing)
  c.subscribe(apply)
  // A page with its own opener (data-candor-open) needs no floating button, unless it asks: data-launcher="always".
  // Later changes (a router's new <body>, an opener rendered later) come through the attributes' observer.
  void p.words.ready.then(() => withBody(p.show))
}

const boot = (): CandorGlobal | undefined => {
  const w = window as unknown as { Candor?: CandorGlobal }
  // A second copy of the script on the page keeps the first one's instance.
  if (w.Candor) return
  const script = document.currentScript as HTMLScriptElement | null
  const data = script?.dataset ?? {}
  const base = script?.src || location.href
  const lang = pageLang(data.lang)
  const words = pageWords(baseOf(lang), base)
  const say = () => words.get() ?? startupEn
  uncloak = cloak()
  const loadPanel = panelLoader(base)
  // The measuring part, on a site whose catalog measures: asked for at once when the snapshot says so.
  const loadMeasuring = loadOnce((): Promise<typeof import('./measuring.js')> => import(/* @vite-ignore */ new URL('candor-measuring.js', base).href))
  // The words of the catalog's problems and the page's mistakes, only when it has some: a site without never loads them.
  const loadWords = loadOnce((): Promise<typeof import('./catalog-words.js')> => import(/* @vite-ignore */ new URL('candor-catalog-words.js', base).href))
  // The panel didn't load (offline, blocked; said on the console once) or the catalog is invalid: where the
  // visitor acted, a few words instead of a click that does nothing. The next click tries again.
  const failed = (at?: Element | null) => () => showFailure(say().failed, at)
  // The modal panel, in the <candor-widget> that holds the launcher, kept in the page as it changes.
  const host = keepHost(data.launcher, {
    get label() {
      return say().launcher
    },
    lang,
    dir: dirOf(lang),
    onIntent: () => intent(),
    onOpen: () => open(),
  })
  let shown = false
  /** The declaring control the visitor used, the panel's code, and when: for a few seconds (the write, its Undo) the page keeps it in place. */
  let used: [Element, Panel, number] | undefined
  let candor: Candor | undefined
  const warned = new Set<string>()
  const attributes = watchAttributes({
    open: (id, at) => open(id, at),
    get whyLabel() {
      return words.get()?.why ?? ''
    },
    intent: () => intent(),
    declare: (el, id, option) => void ready.then((c) => declare(c, el, id, option), noop),
    // The answer comes with the panel's code (the click is intent); the panel itself opens only on "Change".
    why: (el, id) =>
      void ready.then(
        (c) => loadPanel().then((p) => p.explainInPlace(c, el, id, { lang, open: (at) => open(at) }), failed(el)),
        () => open(id, el),
      ),
    // A mistake named by its rule is said once its words are in (or by its rule's name, should they not load).
    report: (at, m) =>
      typeof m == 'string'
        ? toConsole(at + m)
        : void loadWords().then(
            (w) => toConsole(at + w.said(m)),
            () => toConsole(at + m[0]),
          ),
    // Counted through `ready`, in the order seen: those before it once it is, later ones a microtask on (a visitor's click
    // still counts before the page's own handlers, as microtasks run between listeners).
    goal: (name, reached) =>
      void ready.then((c) => {
        try {
          c.goal(name, { reached })
        } catch (e) {
          // Said once per goal, however often the page shows or reaches it.
          if (!warned.has(name)) warned.add(name), toConsole(`Candor: data-candor-goal: ${(e as Error).message}`)
        }
      }, noop),
    note: (m, usual, held) => {
      const said = words.get()
      return (
        said &&
        noteWords(
          said,
          lang,
          m,
          usual,
          candor?.catalog.signals.flatMap((s) => s.options ?? []),
          held,
        )
      )
    },
    changed: () => shown && host.sync(),
  })
  // Candor's buttons waited for the page's words: now they can say them.
  if (!words.get()) void words.ready.then(attributes.relabel)
  const view = firstView(data.catalog)
  if (view.share) loadMeasuring().catch(noop)
  // IndexedDB opens while the catalog loads, instead of after.
  if (view.site) preopen(view.site)
  // Without a catalog (none named, or its file refused), the page says why, in the words of the file of words.
  const catalog = readCatalog(data.catalog).catch((e) =>
    Array.isArray(e)
      ? loadWords().then(
          (w) => Promise.reject(w.noCatalog(e as [string])),
          () => Promise.reject(new Error('Candor: ' + e)),
        )
      : Promise.reject(e),
  )
  const ready = catalog.then((input) => {
    let c: Candor
    try {
      // Lenient: a site owner's typo in one signal leaves that signal out, not the whole panel. It keeps the snapshot
      // read above current (the core's default); writes load with the panel.
      c = startCandor(
        { catalog: input as never, shared: view.shared, draw: view.draw, lenient: true },
        () => loadPanel().then((p) => p.edit),
        () => loadMeasuring().then((m) => m.createView),
        loadWords,
      )
    } catch (e) {
      // A catalog that can't be used: refused in words (by path and rule when they can't load).
      return loadWords().then(
        (w) => w.refusedCatalog(input, e),
        () => Promise.reject(e),
      )
    }
    view.remember(c.catalog.site)
    return c.ready
  })
  // Tailored from the snapshot at once; here, once `ready` is there for the attributes' hooks.
  if (view.early) attributes.apply((id) => view.early![id], view.held && { held: (id) => view.held![id] })
  // The shared page needs no storage: the baseline is right at once.
  else if (view.shared) attributes.apply()
  const mount = loadOnce(() =>
    ready.then((c) =>
      c
        .load()
        .then(loadPanel)
        .then((p) => p.mountCandor(c, { lang, launcher: false, previewBar: false, host: host.element(), pageChanges: p.pageChanges, transfer: view.transfer })),
    ),
  )
  const intent = () => void mount().catch(noop)
  // Whatever the page did to the DOM meanwhile (a router replaced <body>), the host is put back first.
  const open = (signalId?: string, at?: Element | null) =>
    void mount()
      .then((m) => (host.element(), m.open(signalId)))
      .catch(failed(at))
  // Without a snapshot, gated elements wait for IndexedDB, but not for long.
  const timer = view.early || view.shared ? 0 : setTimeout(() => attributes.apply(), BASELINE_AFTER_MS)
  ready.then(
    (c) => {
      clearTimeout(timer)
      candor = c
      tailor(c, {
        attributes,
        host,
        words,
        loadPanel,
        lang,
        shared: view.shared,
        show: () => ((shown = true), host.sync()),
        used: () => used,
      })
    },
    (e) => {
      clearTimeout(timer)
      attributes.apply()
      console.error(`${e}`)
    },
  )
  // A link from the visitor's other device (out of the address bar already): the panel loads, to ask whether to use it.
  if (view.transfer) intent()
  // A declaration in context: the toggle and its notice come with the panel's code (the click is intent).
  const declare = (c: Candor, el: Element, id: string, option?: string) =>
    void loadPanel().then((p) => ((used = [el, p, Date.now()]), p.declareInContext(c, el, id, option, { lang, open: (at) => open(at) })), failed(el))
  // The panel inline, on a settings page: its being there is the intent.
  defineInlinePanel((el) =>
    ready.then(
      (c) =>
        c
          .load()
          .then(loadPanel)
          .then((p) => (host: HTMLElement) => p.renderInline(host, c, { lang }), failed(el)),
      noop,
    ),
  )
  // Handled here, so an invalid catalog never shows up as an unhandled rejection; awaiting it still throws.
  ready.catch(noop)
  return (w.Candor = { ready, open, share: () => sharedLink(location.href), version: __VERSION__, [__SHARED_KEY__]: shared })
}

try {
  boot()
} catch (e) {
  // Whatever happens, the host page goes on, with everything it hid shown again.
  uncloak?.()
  console.error('Candor could not start:', e)
}
