// candor.js: Candor from one classic <script> in <head>. It hides gated elements before the first
// frame, reads the catalog, creates the instance, tailors the page by data-candor-* attributes,
// defines <candor-preferences>, and loads the panel (candor-panel.js, next to this file) at idle
// time or on first open. It never throws into the page.
import { createCandor, preopen, readSnapshot, type Candor } from '@candor/core'
import * as signalsCore from '@preact/signals-core'
import type { Mounted } from '@candor/widget'
import { cloak, watchAttributes } from './attributes'
import { SIGNALS } from './signals-bridge'

declare const __VERSION__: string

/** What `window.Candor` holds. */
export interface CandorGlobal {
  /** Resolves with the `@candor/core` instance; rejects (handled) when the catalog is invalid. */
  ready: Promise<Candor>
  /** Opens the panel, at a signal when given. */
  open(signalId?: string): void
  version: string
}

/** If storage hasn't answered by then, the page shows its baseline (and tailors when it answers). */
export const BASELINE_AFTER_MS = 1000

const WHY: Record<string, string> = { en: 'Why am I seeing this?', de: 'Warum sehe ich das?', fr: 'Pourquoi je vois ceci ?' }

let uncloak: (() => void) | undefined

const boot = (): CandorGlobal | undefined => {
  const w = window as unknown as { Candor?: CandorGlobal }
  // A second copy of the script on the page keeps the first one's instance.
  if (w.Candor) return
  const script = document.currentScript as HTMLScriptElement | null
  const data = script?.dataset ?? {}
  const base = script?.src || location.href
  const lang = data.lang || document.documentElement.lang || navigator.language || 'en'
  ;(globalThis as Record<symbol, unknown>)[SIGNALS] = signalsCore

  uncloak = cloak()
  let panel: Promise<typeof import('./panel')> | undefined
  const loadPanel = () => (panel ||= import(/* @vite-ignore */ new URL('candor-panel.js', base).href))
  let mounted: Promise<Mounted> | undefined
  const mount = (c: Candor) =>
    (mounted ||= loadPanel().then(
      (p) => p.mountCandor(c, { lang, launcher: data.launcher != 'none' }),
      (e) => {
        // The panel's file didn't load (offline, blocked): the page goes on, the next open tries again.
        panel = mounted = undefined
        console.error('Candor: the preference panel could not be loaded:', e)
        throw e
      },
    ))

  const attributes = watchAttributes((id) => open(id), WHY[lang.slice(0, 2).toLowerCase()] ?? WHY.en!)
  // A returning visitor's page is tailored at once from the synchronous snapshot, found through
  // the site this catalog named last time; IndexedDB has the last word as soon as it answers.
  const source = 'candor:catalog:' + (data.catalog || 'inline:' + location.pathname)
  let site: string | null = null
  try {
    site = localStorage.getItem(source)
  } catch {}
  // Known site, no copy: nothing was in use when IndexedDB last changed, so the baseline is right.
  const early = site ? (readSnapshot(site) ?? {}) : undefined
  if (early) attributes.apply((id) => early[id])
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
      if (!el) throw new Error('Candor: no catalog: add data-catalog="/candor.json" to the script tag, or a <script type="application/json" id="candor-catalog">')
      input = JSON.parse(el.textContent || '')
    }
    // It keeps the snapshot read above current (the core's default).
    const candor = createCandor({ catalog: input as never })
    try {
      if (site != candor.catalog.site) localStorage.setItem(source, candor.catalog.site)
    } catch {}
    return candor.ready
  })()

  // Without a snapshot, gated elements wait for IndexedDB, but not for long.
  const timer = early ? 0 : setTimeout(() => attributes.apply(), BASELINE_AFTER_MS)
  ready.then(
    (c) => {
      clearTimeout(timer)
      const apply = () =>
        attributes.apply((id, el) => {
          try {
            return c.get(id, { reason: el.getAttribute('data-candor-reason') || undefined, element: el })
          } catch (e) {
            warnOnce(id, e)
          }
        })
      apply()
      c.subscribe(apply)
      if (data.launcher != 'none') {
        const idle = (window as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 300))
        idle(() => void mount(c).catch(() => {}))
      }
    },
    (e) => {
      clearTimeout(timer)
      attributes.apply()
      console.error(e?.problems ? `${e.message}\nThe page shows its baseline content until the catalog is fixed.` : e)
    },
  )
  const warned = new Set<string>()
  const warnOnce = (id: string, e: unknown) => {
    if (!warned.has(id)) warned.add(id), console.error(`Candor: a data-candor attribute names "${id}": ${(e as Error).message}`)
  }

  const open = (signalId?: string) => void ready.then((c) => mount(c)).then((m) => m.open(signalId), () => {})

  if (!customElements.get('candor-preferences'))
    customElements.define(
      'candor-preferences',
      class extends HTMLElement {
        stop?: () => void
        connectedCallback() {
          Promise.all([ready, loadPanel()]).then(
            ([c, p]) => {
              if (this.isConnected && !this.stop) this.stop = p.renderInline(this, c, { lang })
            },
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
  return (w.Candor = { ready, open, version: __VERSION__ })
}

try {
  boot()
} catch (e) {
  // Whatever happens, the host page goes on, with everything it hid shown again.
  uncloak?.()
  console.error('Candor could not start:', e)
}
