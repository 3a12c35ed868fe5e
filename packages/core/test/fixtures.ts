import { IDBFactory } from 'fake-indexeddb'
import { expect } from 'vitest'
import { createCandor, type Catalog, type CandorOptions } from '../src/index'

export const catalog: Catalog = {
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first on the front page',
      options: [
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
      ],
      lifetime: '180d',
    },
    {
      id: 'region',
      type: 'choice',
      source: 'inferred',
      label: 'Your region',
      purpose: 'Shows prices and events near you',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen' },
  ],
}

/** A fresh, empty IndexedDB for each test. */
export const freshIdb = () => {
  globalThis.indexedDB = new IDBFactory()
}

/** A controllable clock. */
export const clock = (start = Date.UTC(2026, 4, 3, 9)) => {
  const c = { t: start, now: () => c.t, advance: (ms: number) => (c.t += ms) }
  return c
}

export const DAY = 864e5

export const open = async (o: Partial<CandorOptions> = {}) => {
  const c = createCandor({ catalog, gpc: false, ...o })
  await c.ready
  return c
}

/** Writes raw values into the site's database, as another script or an older/newer Candor would. */
export const seed = async (site: string, entries: Record<string, unknown>) => {
  const { createStore, setMany } = await import('idb-keyval')
  await setMany(Object.entries(entries), createStore('candor:' + site, 'prefs'))
}

export const raw = async (site: string) => {
  const { createStore, entries } = await import('idb-keyval')
  return Object.fromEntries(await entries(createStore('candor:' + site, 'prefs'))) as Record<string, unknown>
}

export const tick = () => new Promise((r) => setTimeout(r, 0))

/** Runs `fn` and fails if it left any unhandled rejection behind. */
export const noUnhandled = async (fn: () => Promise<void>) => {
  const seen: unknown[] = []
  const on = (e: unknown) => seen.push(e)
  process.on('unhandledRejection', on)
  try {
    await fn()
    await new Promise((r) => setTimeout(r, 10))
  } finally {
    process.off('unhandledRejection', on)
  }
  expect(seen).toEqual([])
}

/** Waits for `check` to hold, polling every 5 ms; fails after `ms`, naming what it waited for. */
export const until = async (check: () => boolean, ms = 1000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + check)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** localStorage as a browser has it (Node 20 has none), over `items`. */
export const memoryStorage = (items = new Map<string, string>()) => ({
  getItem: (k: string) => items.get(k) ?? null,
  setItem: (k: string, v: string) => void items.set(k, String(v)),
  removeItem: (k: string) => void items.delete(k),
  key: (i: number) => [...items.keys()][i] ?? null,
  get length() {
    return items.size
  },
})
