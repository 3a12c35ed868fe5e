import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import type { Candor, Catalog } from '../../packages/core/src/types'
import { readFileSync } from 'node:fs'

/** What the harness page (pages/core.html) puts on `window`. */
declare global {
  interface Window {
    CandorCore: { createCandor(options: { catalog: Catalog }): Candor }
    harnessReady?: boolean
    harnessError?: string
    /** The instance a test created, for later `page.evaluate` calls. */
    candor: Candor
    /** Reports an error seen in the page to the test (exposed by the `guard` fixture). */
    __candorReportError?: (message: string) => void
  }
}

/** The catalog of the docs' example site (e2e/pages/catalog.json, which pages and the WebKit journey load too). */
export function makeCatalog(site = 'daily-planet'): Catalog {
  return { ...(JSON.parse(readFileSync(new URL('../pages/catalog.json', import.meta.url), 'utf8')) as Catalog), site }
}

export const catalog = makeCatalog()

/** Loads the harness page and waits for `window.CandorCore`. */
export async function openHarness(page: Page): Promise<void> {
  await page.goto('/core.html')
  await waitForHarness(page)
}

/** Waits for the harness after a navigation or reload; fails clearly when /core.js didn't load. */
export async function waitForHarness(page: Page): Promise<void> {
  await page.waitForFunction(() => window.harnessReady === true || typeof window.harnessError === 'string')
  const error = await page.evaluate(() => window.harnessError)
  expect(error, 'the harness could not load /core.js').toBeUndefined()
}

/**
 * Creates an instance as `window.candor` and waits for `ready` (failing clearly if it never resolves
 * or rejects, both of which the API rules out).
 */
export async function createCandor(page: Page, cat: Catalog = catalog, readyTimeoutMs = 15_000) {
  const outcome = await page.evaluate(
    async ({ cat, readyTimeoutMs }) => {
      const started = performance.now()
      const candor = window.CandorCore.createCandor({ catalog: cat })
      window.candor = candor
      const result = await Promise.race([
        candor.ready.then(
          (value) => ({ status: value === candor ? 'resolved' : 'resolved-with-something-else' }),
          (error) => ({ status: 'rejected', error: String(error?.stack ?? error) }),
        ),
        new Promise<{ status: string }>((done) => setTimeout(() => done({ status: 'pending' }), readyTimeoutMs)),
      ])
      return { ...result, ms: Math.round(performance.now() - started) }
    },
    { cat, readyTimeoutMs },
  )
  expect(outcome, `candor.ready after ${readyTimeoutMs} ms`).toMatchObject({ status: 'resolved' })
  return outcome as { status: 'resolved'; ms: number }
}

/** A serialisable view of `window.candor`, as a visitor would see it. `get` is counted as a read. */
export async function snapshot(page: Page) {
  return page.evaluate(() => {
    const c = window.candor
    return {
      storage: c.storage,
      level: c.level,
      problems: [...c.problems],
      history: c.history.map((entry) => ({ ...entry })),
      get: { topics: c.get('topics'), region: c.get('region'), compact: c.get('compact') },
      stored: {
        topics: c.explain('topics').value,
        region: c.explain('region').value,
        compact: c.explain('compact').value,
      },
    }
  })
}

interface Guard {
  /** Uncaught errors and unhandled rejections seen in any page of the context. */
  errors: string[]
  /** Every request any page of the context made. */
  requests: string[]
}

/**
 * Candor's draw of a page view's arm (its first `crypto.getRandomValues` of one 32-bit number): pinned so a
 * journey on a measuring site is tailored every time (`'never'`, the default) or held out (`'always'`); `'random'` leaves it be.
 */
export type Holdouts = 'never' | 'always' | 'random'

/** Pins each page view's arm draw in `context` (see `Holdouts`); every other random number stays random. */
export const pinDraw = async (context: BrowserContext, holdouts: Holdouts) => {
  if (holdouts != 'random')
    await context.addInitScript((mode) => {
      const real = Crypto.prototype.getRandomValues
      let first = true
      Crypto.prototype.getRandomValues = function <T extends ArrayBufferView | null>(this: Crypto, a: T): T {
        const out = real.call(this, a as never) as T
        if (first && a instanceof Uint32Array && a.length == 1) {
          first = false
          a[0] = mode == 'never' ? 0xffffffff : 0
        }
        return out
      }
    }, holdouts)
}

export const test = base.extend<{ guard: Guard; holdouts: Holdouts }>({
  holdouts: ['never', { option: true }],
  // For every test: no uncaught error, no unhandled rejection, no request beyond the test server.
  guard: [
    async ({ context, baseURL, holdouts }, use) => {
      const guard: Guard = { errors: [], requests: [] }
      await pinDraw(context, holdouts)
      const origin = new URL(baseURL!).origin
      // Nothing may leave the machine: requests elsewhere are recorded (below) and aborted.
      await context.route(
        (url) => url.origin !== origin,
        (route) => route.abort('blockedbyclient'),
      )
      await context.exposeFunction('__candorReportError', (message: string) => {
        guard.errors.push(message)
      })
      await context.addInitScript(() => {
        const report = (message: string) => {
          // The binding may be missing in a page that is closing; the pageerror listener still sees errors.
          void window.__candorReportError?.(message)
        }
        addEventListener('unhandledrejection', (event) => {
          const reason = event.reason as { stack?: string } | undefined
          report(`unhandledrejection: ${String(reason?.stack ?? reason)}`)
        })
      })
      const watch = (page: Page) => {
        page.on('pageerror', (error) => guard.errors.push(`pageerror: ${error.stack ?? error.message}`))
        page.on('websocket', (ws) => guard.requests.push(ws.url()))
      }
      context.pages().forEach(watch)
      context.on('page', watch)
      context.on('request', (request) => guard.requests.push(request.url()))

      await use(guard)

      const foreign = guard.requests.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false
        return new URL(url).origin !== origin
      })
      expect(foreign, 'requests beyond the test server').toEqual([])
      // Privacy by construction: Candor sets no cookie, in any journey.
      expect(await context.cookies(), 'cookies set in the journey').toEqual([])
      // Unique: the in-page listener and pageerror may both see the same rejection.
      expect([...new Set(guard.errors)], 'uncaught errors / unhandled rejections in the page').toEqual([])
    },
    { auto: true },
  ],
})

/**
 * A page script (for `addInitScript`), F13: while `window.__lost` is set, every open and transaction fails with
 * the error Safari reports for a lost connection; `window.setVisibility(state)` fakes the page being hidden or shown.
 */
export function loseIndexedDBConnection() {
  const w = window as unknown as { __lost: boolean; setVisibility(s: DocumentVisibilityState): void }
  w.__lost = false
  const lost = () => new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError')
  const transaction = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (...a: Parameters<typeof transaction>) {
    if (w.__lost) throw lost()
    return transaction.apply(this, a)
  }
  const open = IDBFactory.prototype.open
  IDBFactory.prototype.open = function (...a: Parameters<typeof open>) {
    if (w.__lost) throw lost()
    return open.apply(this, a)
  }
  let state: DocumentVisibilityState = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  w.setVisibility = (s) => {
    state = s
    document.dispatchEvent(new Event('visibilitychange'))
  }
}

/**
 * A page script (for `addInitScript`): `indexedDB.open` returns a request that never fires success, error,
 * blocked or upgradeneeded, as Safari 14's hung open did.
 */
export function hangIndexedDBOpen() {
  IDBFactory.prototype.open = function open() {
    const request = new EventTarget() as unknown as Record<string, unknown>
    Object.assign(request, {
      readyState: 'pending',
      error: null,
      source: null,
      transaction: null,
      onsuccess: null,
      onerror: null,
      onblocked: null,
      onupgradeneeded: null,
    })
    Object.defineProperty(request, 'result', {
      get() {
        throw new DOMException('The request has not finished.', 'InvalidStateError')
      },
    })
    return request as unknown as IDBOpenDBRequest
  }
}

/**
 * Serves the demo's catalog (`/candor.json`) edited, as a site owner would change the file: `edit` gets the
 * catalog as served and returns what to serve instead.
 */
export const editCatalog = (target: Pick<BrowserContext, 'route'>, edit: (catalog: Catalog) => unknown) =>
  target.route('**/candor.json', async (route) => {
    const res = await route.fetch()
    await route.fulfill({ response: res, json: edit(await res.json()) })
  })

export { expect }

/** Waits until IndexedDB holds `key` for `site`, as a reload would read it: a page shows a change before its transaction ends. */
export const untilStored = (page: Page, site: string, key: string) =>
  expect
    .poll(() =>
      page.evaluate(
        ({ db, key }) =>
          new Promise<boolean>((ok) => {
            const open = indexedDB.open(db)
            open.onsuccess = () => {
              const get = open.result.transaction('prefs').objectStore('prefs').get(key)
              get.onsuccess = () => (ok(get.result !== undefined), open.result.close())
            }
          }),
        { db: 'candor:' + site, key },
      ),
    )
    .toBe(true)
