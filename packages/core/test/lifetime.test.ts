import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCandor, parseLifetime, type Catalog, type ListedSignal } from '../src/index'
import { DAY, catalog, clock, freshIdb, open, raw, seed } from './fixtures'

beforeEach(freshIdb)

describe('parseLifetime', () => {
  it('reads hours, days and weeks and refuses the rest', () => {
    expect(parseLifetime('12h')).toBe(12 * 36e5)
    expect(parseLifetime('90d')).toBe(90 * DAY)
    expect(parseLifetime('2w')).toBe(14 * DAY)
    for (const bad of ['0d', '90', 'd', '1.5d', '3 months', '-1d', '90D', '90days', '2w1d']) expect(parseLifetime(bad), bad).toBeUndefined()
    // Called from plain JavaScript: only text is a lifetime, not something that turns into one.
    expect(parseLifetime(['90d'] as unknown as string)).toBeUndefined()
  })
})

describe('lifetimes', () => {
  it('never returns an expired value, and says it expired', async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('topics', ['sports'])
    t.advance(181 * DAY)
    expect(c.get('topics')).toBeUndefined()
    expect(c.explain('topics').state).toBe('expired')
  })

  it('removes expired values from storage at startup, noting it in the history', async () => {
    const t = clock()
    await (await open({ now: t.now })).set('topics', ['sports'])
    t.advance(181 * DAY)
    const next = await open({ now: t.now })
    expect(next.get('topics')).toBeUndefined()
    expect(next.explain('topics').state).toBe('expired')
    expect((await raw('daily-planet'))['s:topics']).toBeUndefined()
    expect(next.history.at(-1)).toMatchObject({ action: 'expired', id: 'topics' })
    // Keep, one click: the visitor brings it back for another lifetime.
    await next.renew('topics')
    expect(next.get('topics')).toEqual(['sports'])
    expect((await open({ now: t.now })).get('topics')).toEqual(['sports'])
  })

  it('expiringSoon lists what lapses within the given days, soonest first', async () => {
    const t = clock()
    const cat: Catalog = {
      site: 'daily-planet',
      signals: [...catalog.signals, { id: 'mood', type: 'boolean', label: 'Light stories', purpose: 'Adds lighter stories', lifetime: '30d' }],
    }
    const c = createCandor({ catalog: cat, now: t.now, gpc: false })
    await c.ready
    await c.set('topics', ['sports'])
    await c.set('mood', true)
    await c.set('compact', true)
    t.advance(170 * DAY)
    expect(c.expiringSoon(14).map((e) => e.signal.id)).toEqual(['topics'])
    t.advance(-150 * DAY)
    expect(c.expiringSoon(14).map((e) => e.signal.id)).toEqual(['mood'])
    t.advance(-20 * DAY)
    expect(c.expiringSoon(200).map((e) => e.signal.id)).toEqual(['mood', 'topics'])
    // What lapses exactly at the end of the window is in it; what already lapsed isn't "soon".
    expect(c.expiringSoon(30).map((e) => e.signal.id)).toEqual(['mood'])
    t.advance(30 * DAY)
    expect(c.expiringSoon(200).map((e) => e.signal.id)).toEqual(['topics'])
  })

  it('wakes effects when a value fades while the page is open', async () => {
    const c = await open()
    await seed('daily-planet', {})
    const soon = Date.now() + 40
    const { fingerprint } = await import('../src/index')
    await seed('daily-planet', { 's:topics': { v: 1, value: ['sports'], setAt: Date.now(), expiresAt: soon, fp: fingerprint(catalog.signals[0]!) } })
    const d = await open()
    expect(d.get('topics')).toEqual(['sports'])
    const states: string[] = []
    const stop = d.subscribe(() => states.push(d.explain('topics').state))
    await new Promise((r) => setTimeout(r, 120))
    stop()
    expect(states).toContain('expired')
    void c
  })
})

describe('the wake when a value fades', () => {
  afterEach(() => void vi.useRealTimers())
  const withLifetime = (lifetime: string): Catalog => ({
    site: 'daily-planet',
    signals: [{ id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen', lifetime }],
  })
  /** An instance with `compact` set now, and the states its subscribers were told of. */
  const watched = async (lifetime: string) => {
    vi.useFakeTimers({ now: Date.UTC(2026, 4, 3, 9) })
    const c = createCandor({ catalog: withLifetime(lifetime), storage: 'memory', gpc: false, now: () => Date.now() })
    await c.set('compact', true)
    const told: string[] = []
    c.subscribe(() => told.push(c.explain('compact').state))
    return { c, told }
  }

  it('comes once, right after the value fades, and not before', async () => {
    const { c, told } = await watched('12h')
    vi.advanceTimersByTime(12 * 36e5)
    expect(told).toEqual([])
    vi.advanceTimersByTime(1)
    expect(told).toEqual(['expired'])
    expect(c.get('compact')).toBeUndefined()
    vi.advanceTimersByTime(DAY)
    expect(told).toEqual(['expired'])
  })

  it('waits beyond what one timer can (about 24.8 days) without firing early', async () => {
    const { c, told } = await watched('5w')
    vi.advanceTimersByTime(60_000)
    expect(told).toEqual([])
    vi.advanceTimersByTime(35 * DAY - 60_000 + 1)
    expect(c.get('compact')).toBeUndefined()
    expect(told.at(-1)).toBe('expired')
    expect(told.filter((s) => s == 'expired')).toHaveLength(1)
    expect(told.length).toBeLessThanOrEqual(2)
  })

  it('stops with the instance', async () => {
    const { c, told } = await watched('12h')
    c.destroy()
    vi.advanceTimersByTime(DAY)
    expect(told).toEqual([])
  })
})

describe('material changes', () => {
  const changed = (purpose: string, label = 'Topics you follow'): Catalog => ({
    site: 'daily-planet',
    signals: catalog.signals.map((s) => (s.id == 'topics' ? { ...s, purpose, label } : s)),
  })

  it('keeps the value but stops using it when the site changes what a signal means', async () => {
    await (await open()).set('topics', ['sports'])
    const c = createCandor({ catalog: changed('Shares your topics with partners'), gpc: false })
    await c.ready
    expect(c.get('topics')).toBeUndefined()
    expect(c.explain('topics')).toMatchObject({ state: 'needs-review', value: ['sports'] })
    expect(c.needsReview).toEqual(['topics'])
    await c.renew('topics')
    expect(c.get('topics')).toEqual(['sports'])
    expect(c.needsReview).toEqual([])
  })

  it('does not ask again when only the label is reworded', async () => {
    await (await open()).set('topics', ['sports'])
    const c = createCandor({
      catalog: { ...catalog, signals: catalog.signals.map((s) => (s.id == 'topics' ? { ...s, label: 'Your topics' } : s)) },
      gpc: false,
    })
    await c.ready
    expect(c.get('topics')).toEqual(['sports'])
  })

  it('refuses to keep a value that no longer fits the new options', async () => {
    await (await open()).set('topics', ['science'])
    const cat: Catalog = {
      site: 'daily-planet',
      signals: catalog.signals.map((s) => (s.id == 'topics' ? { ...(s as ListedSignal), options: [{ value: 'sports', label: 'Sports' }] } : s)),
    }
    const c = createCandor({ catalog: cat, gpc: false })
    await c.ready
    expect(c.explain('topics').state).toBe('needs-review')
    await expect(c.renew('topics')).rejects.toThrow(/no longer fits .*set a new one or forget it/)
    await c.set('topics', ['sports'])
    expect(c.get('topics')).toEqual(['sports'])
  })

  it('keeps values of removed signals out of use, lists them as orphans, and can forget them', async () => {
    await (await open()).set('compact', true)
    const c = createCandor({ catalog: { site: 'daily-planet', signals: catalog.signals.filter((s) => s.id != 'compact') }, gpc: false })
    await c.ready
    expect(() => c.get('compact')).toThrow(/not declared/)
    expect(c.orphans).toEqual([{ id: 'compact', value: true, setAt: expect.any(Number) }])
    expect(c.export().orphans).toHaveProperty('compact')
    await c.forgetOrphan('compact')
    expect(c.orphans).toEqual([])
    expect((await raw('daily-planet'))['s:compact']).toBeUndefined()
    await expect(c.forgetOrphan('topics')).rejects.toThrow(/use forget/)
  })
})
