// A page's editing part over a device whose storage can be made to fail call by call: what the durable
// part (writes, retries, memory mode, recovery) does is then checked step by step, each step awaited, with
// no timers. The device keeps what is "in IndexedDB" as a map; every connection to it sees the same map.
import type { Context } from '../src/context'
import { createDurable } from '../src/durable'
import { fingerprint } from '../src/index'
import { load } from '../src/load'
import { memoryBackend, type Backend } from '../src/storage'
import { createStore } from '../src/store'
import type { Catalog, Problem } from '../src/types'
import { createWriter } from '../src/writes'
import { catalog, clock } from './fixtures'

/** One call a connection gets: `all` (a read) or `change` (a write), numbered from 1 across the device. */
export interface Call {
  kind: 'all' | 'change'
  n: number
  keys?: string[]
}

/**
 * A device's IndexedDB. While `fault` is set every call fails with it; `hook`, when set, runs at the start of
 * each call and may wait or throw. `opens` counts the connections made, `calls` every call made on any of them.
 */
export const device = (seed: Record<string, unknown> = {}) => {
  const disk = memoryBackend(Object.entries(seed))
  const d = {
    fault: undefined as unknown,
    hook: undefined as ((c: Call) => unknown) | undefined,
    opens: 0,
    calls: [] as Call[],
    connect: (): Backend => {
      d.opens++
      const enter = async (c: Omit<Call, 'n'>) => {
        const call = { ...c, n: d.calls.length + 1 }
        d.calls.push(call)
        await d.hook?.(call)
        if (d.fault) throw d.fault
      }
      return {
        all: async () => (await enter({ kind: 'all' }), disk.all()),
        change: async (keys, fn) => (await enter({ kind: 'change', keys }), disk.change(keys, fn)),
      }
    },
    /** What is stored now, as an object. */
    stored: async () => Object.fromEntries(await disk.all()) as Record<string, unknown>,
    /** Writes as another tab (or another version of Candor) would, straight to storage. */
    write: (entries: Record<string, unknown>) => disk.change(Object.keys(entries), () => ({ put: Object.entries(entries) })),
    writes: () => d.calls.filter((c) => c.kind == 'change').length,
  }
  return d
}
export type Device = ReturnType<typeof device>

/** A DOMException as a browser gives it. */
export const ex = (name: string, message = name) => new DOMException(message, name)

/**
 * A page of the fixtures' site on `dev`, its stored choices read: its writer (what the visitor does), its durable
 * part (`recover` is what a later chance calls) and its state. `tabs: false` leaves the channel to other tabs out;
 * `problems` are those the page starts with (the catalog's warnings); `catalog` replaces the fixtures' one.
 */
export const page = async (dev: Device, o: { now?: () => number; tabs?: false; problems?: Problem[]; catalog?: Catalog } = {}) => {
  const cat = o.catalog ?? catalog
  let posts = 0
  const store = createStore({
    records: new Map(),
    inferred: new Map(),
    storedLevel: undefined,
    previewing: false,
    history: [],
    problems: o.problems ?? [],
    storage: { kind: 'indexeddb' },
    clock: 0,
    measure: { v: 1, weeks: {} },
    view: undefined,
  })
  const ctx = {
    catalog: cat,
    site: cat.site,
    defs: new Map(cat.signals.map((s) => [s.id, s])),
    fps: new Map(cat.signals.map((s) => [s.id, fingerprint(s)])),
    now: o.now ?? clock().now,
    gpc: false,
    memoryOnly: false,
    store,
    connect: dev.connect,
    backend: dev.connect(),
    edits: 0,
    destroyed: false,
    tabs: o.tabs === false ? undefined : { post: () => void posts++, close: () => {} },
  } as unknown as Context
  const durable = createDurable(ctx)
  const writer = createWriter(ctx, durable)
  await load(ctx, true)
  return {
    ctx,
    writer,
    durable,
    /** What the page shows now. */
    state: () => store.state,
    /** How many times other tabs were told that storage changed. */
    posts: () => posts,
  }
}
