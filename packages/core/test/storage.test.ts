import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBObjectStore, forceCloseDatabase } from 'fake-indexeddb'
import { fingerprint } from '../src/index'
import { catalog, freshIdb, open, raw, seed } from './fixtures'

beforeEach(freshIdb)
afterEach(() => vi.unstubAllGlobals())

const fpTopics = fingerprint(catalog.signals[0]!)

/** An IndexedDB whose open() fails the given way. */
const brokenOpen = (fail: (req: Record<string, unknown>) => void) => ({
  open: () => {
    const req: Record<string, unknown> = {}
    setTimeout(() => fail(req))
    return req
  },
})
const openError = (name: string, message: string) =>
  brokenOpen((req) => {
    req.error = new DOMException(message, name)
    ;(req.onerror as () => void)?.()
  })

describe('when IndexedDB fails, ready resolves and the instance works in memory', () => {
  const cases: Array<[string, () => void, string]> = [
    ['missing', () => vi.stubGlobal('indexedDB', undefined), 'unavailable'],
    [
      'throwing on access (Firefox third-party iframe)',
      () =>
        Object.defineProperty(globalThis, 'indexedDB', {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        }),
      'blocked',
    ],
    [
      'open throws (old Safari private mode)',
      () =>
        vi.stubGlobal('indexedDB', {
          open: () => {
            throw new DOMException('', 'InvalidAccessError')
          },
        }),
      'failed',
    ],
    ['open returns null (Tor Browser)', () => vi.stubGlobal('indexedDB', { open: () => null }), 'failed'],
    [
      'Firefox private mode ≤114',
      () => vi.stubGlobal('indexedDB', openError('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.')),
      'blocked',
    ],
    [
      'site data blocked in Chrome',
      () => vi.stubGlobal('indexedDB', openError('UnknownError', 'The user denied permission to access the database.')),
      'blocked',
    ],
    [
      'corrupt backing store, every time',
      () => vi.stubGlobal('indexedDB', openError('UnknownError', 'Internal error opening backing store for indexedDB.open.')),
      'failed',
    ],
  ]
  for (const [name, breakIt, reason] of cases)
    it(name, async () => {
      breakIt()
      const unhandled = vi.fn()
      process.on('unhandledRejection', unhandled)
      try {
        const c = await open({ timeout: 200 })
        expect(c.storage).toMatchObject({ kind: 'memory', reason })
        await c.set('topics', ['sports'])
        expect(c.get('topics')).toEqual(['sports'])
        await c.setLevel('declared')
        expect(c.history).toHaveLength(2)
        expect(c.export().values.topics?.value).toEqual(['sports'])
        expect(c.problems.some((p) => p.code == 'storage')).toBe(true)
        await new Promise((r) => setTimeout(r, 10))
        expect(unhandled).not.toHaveBeenCalled()
      } finally {
        process.off('unhandledRejection', unhandled)
        delete (globalThis as { indexedDB?: unknown }).indexedDB
        freshIdb()
      }
    })

  it('an open that never finishes (Safari 14) gives up after the timeout', async () => {
    vi.stubGlobal('indexedDB', { open: () => ({}) })
    const started = Date.now()
    const c = await open({ timeout: 100 })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(c.storage).toMatchObject({ kind: 'memory', reason: 'timeout' })
  })

  it('a backing store that fails once, then opens, is retried and used', async () => {
    const real = globalThis.indexedDB
    let failures = 1
    vi.stubGlobal('indexedDB', {
      open: (name: string) => {
        if (failures-- > 0) return openError('UnknownError', 'Internal error opening backing store for indexedDB.open.').open()
        return real.open(name)
      },
    })
    const c = await open()
    expect(c.storage).toEqual({ kind: 'indexeddb' })
    await c.set('compact', true)
    vi.unstubAllGlobals()
    globalThis.indexedDB = real
    expect((await raw('daily-planet'))['s:compact']).toMatchObject({ value: true })
  })
})

describe('faults while the page is open', () => {
  it('a connection closed under us (clear site data, sleep) is reopened and the write still lands', async () => {
    const real = globalThis.indexedDB
    const connections: IDBDatabase[] = []
    vi.stubGlobal('indexedDB', {
      open: (name: string) => {
        const req = real.open(name)
        req.addEventListener('success', () => connections.push(req.result))
        return req
      },
    })
    const c = await open()
    await c.set('compact', true)
    expect(connections).toHaveLength(1)
    forceCloseDatabase(connections[0] as never)
    await c.set('topics', ['science'])
    expect(connections).toHaveLength(2)
    expect(c.storage.kind).toBe('indexeddb')
    vi.unstubAllGlobals()
    globalThis.indexedDB = real
    expect((await raw('daily-planet'))['s:topics']).toMatchObject({ value: ['science'] })
  })

  it('a write that keeps failing (quota) keeps the value for this page and says why', async () => {
    const c = await open()
    await c.set('compact', true)
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    try {
      await c.set('topics', ['sports'])
      expect(c.storage).toMatchObject({ kind: 'memory', reason: 'quota' })
      expect(c.get('topics')).toEqual(['sports'])
      expect(c.get('compact')).toBe(true)
    } finally {
      IDBObjectStore.prototype.put = put
      vi.restoreAllMocks()
    }
    // Nothing already stored was lost.
    expect((await raw('daily-planet'))['s:compact']).toMatchObject({ value: true })
  })
})

describe('what is found in storage', () => {
  it('skips and reports a corrupt record; every other record loads', async () => {
    await seed('daily-planet', {
      's:topics': { v: 1, value: ['sports', 'not-an-option'], setAt: 1, fp: fpTopics },
      's:compact': 'garbage',
      's:region': { v: 1, value: 'eu', setAt: 1, fp: fingerprint(catalog.signals[1]!) },
      history: [{ at: 1, action: 'set', id: 'region', value: 'eu' }, 'junk', { at: 'x' }],
      meta: { v: 1, level: 'declared' },
    })
    const c = await open()
    expect(c.get('region')).toBe('eu')
    expect(c.level).toBe('declared')
    expect(c.get('topics')).toBeUndefined()
    expect(c.problems.map((p) => [p.code, p.key])).toEqual([
      ['corrupt-record', 's:compact'],
      ['corrupt-record', 's:topics'],
    ])
    expect(c.history).toEqual([{ at: 1, action: 'set', id: 'region', value: 'eu' }])
    // The damaged records are left as they are, not deleted.
    expect((await raw('daily-planet'))['s:compact']).toBe('garbage')
  })

  it('never overwrites data written by a newer version of Candor', async () => {
    const newer = { v: 2, value: { shape: 'from the future' }, setAt: 1 }
    await seed('daily-planet', { 's:topics': newer, meta: { v: 2, level: 'all', more: true } })
    const c = await open()
    expect(c.problems.map((p) => p.code)).toEqual(['newer-data', 'newer-data'])
    await expect(c.set('topics', ['sports'])).rejects.toMatchObject({ code: 'newer-data' })
    await expect(c.setLevel('off')).rejects.toMatchObject({ code: 'newer-data' })
    const stored = await raw('daily-planet')
    expect(stored['s:topics']).toEqual(newer)
    expect(stored.meta).toEqual({ v: 2, level: 'all', more: true })
    // Other signals still work.
    await c.set('compact', true)
    expect((await open()).get('compact')).toBe(true)
  })

  it('keeps each site in its own database', async () => {
    const a = await open()
    await a.set('compact', true)
    const b = await open({ catalog: { ...catalog, site: 'other-site' } })
    expect(b.get('compact')).toBeUndefined()
  })

  it('clear() erases everything Candor stored for the site', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.setLevel('off')
    await c.clear()
    expect(await raw('daily-planet')).toEqual({})
    expect(c.history).toEqual([])
    expect(c.level).toBe('all')
    expect(c.get('compact')).toBeUndefined()
  })
})

describe('preopen', () => {
  it('opens the database before the instance exists, and the instance uses that connection', async () => {
    const { preopen } = await import('../src/index')
    await seed(catalog.site, {
      's:compact': { v: 1, value: true, setAt: Date.UTC(2026, 0, 1), fp: fingerprint(catalog.signals.find((s) => s.id == 'compact')!) },
    })
    const opens: string[] = []
    const real = indexedDB.open.bind(indexedDB)
    vi.stubGlobal('indexedDB', Object.assign(Object.create(indexedDB), { open: (n: string) => (opens.push(n), real(n)) }))
    preopen(catalog.site)
    expect(opens).toEqual(['candor:' + catalog.site])
    const c = await open()
    expect(c.get('compact')).toBe(true)
    expect(opens).toHaveLength(1)
  })

  it('never throws, and an early open that fails is reported by the instance, not as an unhandled rejection', async () => {
    const { preopen } = await import('../src/index')
    vi.stubGlobal('indexedDB', openError('UnknownError', 'The user denied permission to access the database.'))
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      expect(() => preopen(catalog.site)).not.toThrow()
      const c = await open({ timeout: 200 })
      expect(c.storage).toMatchObject({ kind: 'memory', reason: 'blocked' })
      await new Promise((r) => setTimeout(r, 20))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})
