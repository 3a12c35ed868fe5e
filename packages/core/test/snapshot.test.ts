import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fingerprint, readSnapshot, snapshotHoldout } from '../src/index'
import type { Candor, CandorOptions } from '../src/index'
import { DAY, catalog, clock, freshIdb, open as openCandor, seed, until } from './fixtures'

// Instances of earlier tests still listen to the site's channel: close them, or they write here too.
const live: Candor[] = []
const open = async (o: Partial<CandorOptions> = {}) => {
  const c = await openCandor(o)
  live.push(c)
  return c
}

/** localStorage as a browser has it (Node 20 has none). */
const storage = () => {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    get length() {
      return m.size
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    keys: () => [...m.keys()],
  }
}

let ls: ReturnType<typeof storage>
beforeEach(() => {
  freshIdb()
  ls = storage()
  vi.stubGlobal('localStorage', ls)
})
afterEach(() => {
  live.splice(0).forEach((c) => c.destroy())
  vi.unstubAllGlobals()
})

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('erasing erases (issue 23)', () => {
  it("clear() leaves nothing of the site's in localStorage: its snapshot, its reports' count, and candor.js's note of which site a catalog named", async () => {
    ls.setItem('candor:catalog:/candor.json', 'daily-planet')
    ls.setItem('candor:catalog:inline:/other', 'another-site')
    ls.setItem('candor:daily-planet:reported', '{"1764547200000":2}')
    ls.setItem('site-own-key', 'kept')
    const c = await open({ snapshot: true })
    await c.set('topics', ['sports'])
    await settle()
    expect(ls.keys()).toContain('candor:daily-planet:snapshot')
    await c.clear()
    await settle()
    expect(ls.keys().sort()).toEqual(['candor:catalog:inline:/other', 'site-own-key'])
  })
})

describe('the synchronous snapshot', () => {
  it('holds the declared values in use, follows every change, and is gone when nothing is in use', async () => {
    const c = await open({ snapshot: true })
    expect(readSnapshot('daily-planet')).toBeUndefined()
    await c.set('topics', ['sports'])
    await c.set('compact', true)
    await settle()
    expect(readSnapshot('daily-planet')).toEqual({ topics: ['sports'], compact: true })
    await c.turnOff('compact')
    await settle()
    expect(readSnapshot('daily-planet')).toEqual({ topics: ['sports'] })
    await c.setLevel('off')
    await settle()
    expect(readSnapshot('daily-planet')).toBeUndefined()
    expect(ls.keys()).toEqual([])
  })

  it('never holds inferred values, one-off values, or a preview', async () => {
    const c = await open({ snapshot: true })
    c.infer('region', 'eu', { basis: 'IP' })
    await c.set('topics', ['science'], { oneOff: true })
    await c.set('compact', true)
    c.preview(true)
    await settle()
    expect(readSnapshot('daily-planet')).toEqual({ compact: true })
  })

  it('clear() removes it, even on an instance that does not keep one', async () => {
    const a = await open({ snapshot: true })
    await a.set('compact', true)
    await settle()
    const b = await open()
    await b.clear()
    expect(readSnapshot('daily-planet')).toBeUndefined()
  })

  it('another tab\u2019s change updates it', async () => {
    const a = await open({ snapshot: true })
    const b = await open()
    await b.set('compact', true)
    await vi.waitFor(() => expect(readSnapshot('daily-planet')).toEqual({ compact: true }))
    void a
  })

  it('is ignored once its first value has faded, and when damaged', async () => {
    const t = clock()
    const c = await open({ snapshot: true, now: t.now })
    await c.set('topics', ['sports'])
    await settle()
    expect(readSnapshot('daily-planet', t.t)).toEqual({ topics: ['sports'] })
    expect(readSnapshot('daily-planet', t.t + 181 * DAY)).toBeUndefined()
    ls.setItem('candor:daily-planet:snapshot', '{"v":1,"values":{"topics":{"__proto__":1}}}')
    expect(readSnapshot('daily-planet')).toEqual({})
    ls.setItem('candor:daily-planet:snapshot', 'not json')
    expect(readSnapshot('daily-planet')).toBeUndefined()
  })

  it('is not written when storage is memory only', async () => {
    const c = await open({ snapshot: true, storage: 'memory' })
    await c.set('compact', true)
    await settle()
    expect(readSnapshot('daily-planet')).toBeUndefined()
  })

  it('is ignored from the moment its first value fades, not a millisecond later', async () => {
    const t = clock()
    const c = await open({ snapshot: true, now: t.now })
    await c.set('topics', ['sports'])
    await c.set('compact', true)
    await settle()
    const fades = t.t + 180 * DAY
    expect(readSnapshot('daily-planet', fades - 1)).toEqual({ topics: ['sports'], compact: true })
    expect(readSnapshot('daily-planet', fades)).toBeUndefined()
  })

  it('keeps only values a page can use, and refuses another format', () => {
    ls.setItem('candor:daily-planet:snapshot', JSON.stringify({ v: 1, values: { topics: ['sports', 3], compact: true, region: 'eu', n: 4 } }))
    expect(readSnapshot('daily-planet')).toEqual({ compact: true, region: 'eu' })
    ls.setItem('candor:daily-planet:snapshot', JSON.stringify({ v: 2, values: { compact: true } }))
    expect(readSnapshot('daily-planet')).toBeUndefined()
    ls.setItem('candor:daily-planet:snapshot', JSON.stringify({ v: 1, values: [true] }))
    expect(readSnapshot('daily-planet')).toBeUndefined()
  })

  it('carries the share of views held out, so the page can hold a view out before its catalog is in; none once the visitor said no', async () => {
    const c = await open({ snapshot: true, catalog: { ...catalog, measure: { holdout: 0.1 } } })
    await c.set('compact', true)
    await settle()
    expect(snapshotHoldout('daily-planet')).toBe(0.1)
    await c.setHoldouts(false)
    await settle()
    expect(snapshotHoldout('daily-planet')).toBe(0)
    expect(readSnapshot('daily-planet')).toEqual({ compact: true })
  })

  it('reads a share only from 0 to one half: a damaged one holds no view out', () => {
    const share = (h: unknown) => {
      ls.setItem('candor:daily-planet:snapshot', JSON.stringify({ v: 1, values: { compact: true }, h }))
      return snapshotHoldout('daily-planet')
    }
    expect(share(0.5)).toBe(0.5)
    expect(share(0.05)).toBe(0.05)
    expect(share(0.6)).toBe(0)
    expect(share(-0.1)).toBe(0)
    expect(share('0.1')).toBe(0)
    ls.setItem('candor:daily-planet:snapshot', 'not json')
    expect(snapshotHoldout('daily-planet')).toBe(0)
    ls.removeItem('candor:daily-planet:snapshot')
    expect(snapshotHoldout('daily-planet')).toBe(0)
  })

  it('is not rewritten when what it is made of did not change (a preview, an inferred value)', async () => {
    const c = await open({ snapshot: true })
    await c.set('compact', true)
    await settle()
    const writes = vi.spyOn(ls, 'setItem')
    c.preview(true)
    c.infer('region', 'eu', { basis: 'IP' })
    await c.set('compact', true)
    await settle()
    expect(writes).not.toHaveBeenCalled()
  })

  it('drops a value that fades while the page is open, so the next page still tailors at once from the rest', async () => {
    const fp = (id: string) => fingerprint(catalog.signals.find((s) => s.id == id)!)
    await seed('daily-planet', {
      's:topics': { v: 1, value: ['sports'], setAt: Date.now(), expiresAt: Date.now() + 1500, fp: fp('topics') },
      's:compact': { v: 1, value: true, setAt: Date.now(), fp: fp('compact') },
    })
    await open({ snapshot: true })
    expect(readSnapshot('daily-planet')).toEqual({ topics: ['sports'], compact: true })
    await until(() => JSON.stringify(readSnapshot('daily-planet')) == '{"compact":true}', 4000)
  })
})
