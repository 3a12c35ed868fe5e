import { IDBDatabase as FakeDatabase, IDBObjectStore as FakeStore, forceCloseDatabase } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { catalog, freshIdb, raw } from './fixtures'

// The one place that touches IndexedDB, told apart fault by fault: the words a fault is reported in, the timer
// that bounds each call, connections opened early and lost, and a database of our name that isn't ours.
// Each test loads Candor afresh, as a page does: the connections opened early (`preopen`) are module state,
// and a new page starts with none.

const DB = 'candor:' + catalog.site
const load = () => import('../src/index')
const loadStorage = () => import('../src/storage')

beforeEach(() => {
  freshIdb()
  vi.resetModules()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** Counts the opens of the current (fake) indexedDB, by database name. */
const countOpens = () => {
  const real = globalThis.indexedDB
  const opened: string[] = []
  vi.stubGlobal('indexedDB', {
    open: (name: string) => (opened.push(name), real.open(name)),
    deleteDatabase: (name: string) => real.deleteDatabase(name),
  })
  return opened
}

const deleteDb = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name)
    r.onsuccess = () => resolve()
    r.onerror = () => reject(r.error)
  })

describe('what a page is told when storage fails', () => {
  it('an open that never answers: memory mode, saying IndexedDB did not answer in the time allowed', async () => {
    vi.stubGlobal('indexedDB', { open: () => ({}) })
    const { createCandor } = await load()
    const c = createCandor({ catalog, gpc: false, timeout: 50 })
    await c.ready
    expect(c.storage).toEqual({ kind: 'memory', reason: 'timeout', detail: 'TimeoutError: IndexedDB did not answer in 50 ms' })
    c.destroy()
  })

  it('a transaction aborted without an error (the page going away): memory mode, saying the transaction was aborted', async () => {
    const { createCandor } = await load()
    const c = createCandor({ catalog, gpc: false })
    await c.ready
    const put = FakeStore.prototype.put
    vi.spyOn(FakeStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...a: unknown[]) {
      const r = (put as (...a: unknown[]) => IDBRequest).apply(this, a)
      r.addEventListener('success', () => (r.transaction as unknown as { _abort(name: null): void })._abort(null))
      return r
    })
    await c.set('compact', true)
    expect(c.storage).toEqual({ kind: 'memory', reason: 'failed', detail: 'AbortError: The transaction was aborted' })
    expect(c.get('compact')).toBe(true)
    c.destroy()
  })

  it('a database of our name that isn’t Candor’s (no "prefs" store): memory mode, saying it is left alone', async () => {
    await new Promise<void>((resolve) => {
      const r = indexedDB.open(DB, 3)
      r.onupgradeneeded = () => r.result.createObjectStore('theirs')
      r.onsuccess = () => (r.result.close(), resolve())
    })
    const { createCandor } = await load()
    const c = createCandor({ catalog, gpc: false })
    await c.ready
    expect(c.storage).toMatchObject({ kind: 'memory', reason: 'failed' })
    expect((c.storage as { detail: string }).detail).toBe(`NotFoundError: "${DB}" has no "prefs" store: not Candor's database, so it is left alone`)
    c.destroy()
  })
})

describe('each call is bounded by a timer', () => {
  it('a call that answers leaves no timer running (nothing keeps a server process alive for the timeout)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { idbBackend } = await loadStorage()
    const b = idbBackend(DB, 2000)
    await b.change(['s:compact'], () => ({ put: [['s:compact', 1]] }))
    expect(await b.all()).toEqual([['s:compact', 1]])
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('connections', () => {
  it('preopen twice opens once, and the instance uses that connection', async () => {
    const opened = countOpens()
    const { createCandor, preopen } = await load()
    preopen(catalog.site)
    preopen(catalog.site)
    expect(opened).toEqual([DB])
    const c = createCandor({ catalog, gpc: false })
    await c.ready
    await c.set('compact', true)
    expect(c.storage).toEqual({ kind: 'indexeddb' })
    expect(opened).toEqual([DB])
    expect((await raw(catalog.site))['s:compact']).toMatchObject({ value: true })
    c.destroy()
  })

  it('a database deleted (another tab erased everything) between preopen and the instance: the instance opens anew and saves', async () => {
    const opened = countOpens()
    const { createCandor, preopen } = await load()
    preopen(catalog.site)
    await deleteDb(DB)
    const c = createCandor({ catalog, gpc: false })
    await c.ready
    await c.set('compact', true)
    expect(c.storage).toEqual({ kind: 'indexeddb' })
    expect(opened).toEqual([DB, DB])
    expect((await raw(catalog.site))['s:compact']).toMatchObject({ value: true })
    c.destroy()
  })

  it('a call that fails closes its connection instead of leaving it open for the page’s lifetime, and the next call opens anew', async () => {
    const opened = countOpens()
    const { idbBackend } = await loadStorage()
    const b = idbBackend(DB, 2000)
    await b.all()
    const close = vi.spyOn(FakeDatabase.prototype, 'close')
    vi.spyOn(FakeDatabase.prototype, 'transaction').mockImplementationOnce(() => {
      throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError')
    })
    await expect(b.all()).rejects.toMatchObject({ name: 'UnknownError' })
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1))
    expect(await b.all()).toEqual([])
    expect(opened).toEqual([DB, DB])
  })

  it('a backend told of nothing (no `lost`): a connection closed under it is reopened by the next call', async () => {
    const connections: IDBDatabase[] = []
    const real = globalThis.indexedDB
    vi.stubGlobal('indexedDB', {
      open: (name: string) => {
        const req = real.open(name)
        req.addEventListener('success', () => connections.push(req.result))
        return req
      },
    })
    const { idbBackend } = await loadStorage()
    const b = idbBackend(DB, 2000)
    await b.all()
    forceCloseDatabase(connections[0] as never)
    await b.change(['s:compact'], () => ({ put: [['s:compact', 1]] }))
    expect(connections).toHaveLength(2)
    expect(await b.all()).toEqual([['s:compact', 1]])
  })
})

describe('a page-only instance (storage: "memory")', () => {
  it('an erase, then a signal turned off: the erased value does not come back', async () => {
    const { createCandor } = await load()
    const c = createCandor({ catalog, gpc: false, storage: 'memory' })
    await c.set('topics', ['science'])
    await c.clear()
    await c.turnOff('topics')
    expect(c.export().values.topics?.value).toBeUndefined()
    expect(c.explain('topics').value).toBeUndefined()
  })
})
