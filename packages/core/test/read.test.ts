import { effect, computed } from '@preact/signals-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CandorError, createCandor } from '../src/index'
import { catalog, clock, freshIdb, open, tick } from './fixtures'

beforeEach(freshIdb)

describe('get', () => {
  it('returns undefined for an unset signal and the declared value once set', async () => {
    const c = await open()
    expect(c.get('topics')).toBeUndefined()
    await c.set('topics', ['sports'])
    expect(c.get('topics')).toEqual(['sports'])
  })

  it('throws a clear error for an id the catalog does not declare', async () => {
    const c = await open()
    expect(() => c.get('income')).toThrow(CandorError)
    expect(() => c.get('income')).toThrow(/"income" is not declared in the catalog of "daily-planet"/)
  })

  it('hands out copies: mutating a returned list changes nothing stored', async () => {
    const c = await open()
    await c.set('topics', ['sports'])
    ;(c.get('topics') as string[]).push('science')
    expect(c.get('topics')).toEqual(['sports'])
  })

  it('is reactive inside effects and computeds, without writing signals from a computed', async () => {
    const c = await open()
    const seen: unknown[] = []
    const compact = computed(() => c.get('compact', { reason: 'Chooses the layout' }))
    const stop = effect(() => void seen.push(compact.value))
    await c.set('compact', true)
    await c.turnOff('compact')
    stop()
    expect(seen).toEqual([undefined, true, undefined])
  })
})

describe('usage ledger', () => {
  it('records which signals were read, how often and why', async () => {
    const c = await open()
    c.get('topics', { reason: 'Orders the front page' })
    c.get('topics', { reason: 'Orders the front page' })
    c.get('topics', { reason: 'Picks the newsletter' })
    c.get('compact')
    await tick()
    expect(c.usage.topics).toMatchObject({ count: 3, reasons: ['Orders the front page', 'Picks the newsletter'] })
    expect(c.usage.compact?.count).toBe(1)
    expect(c.usage.region).toBeUndefined()
    expect(c.explain('topics').reads).toBe(3)
  })

  it('does not count explain() as a read', async () => {
    const c = await open()
    c.explain('topics')
    await tick()
    expect(c.usage).toEqual({})
  })

  it('counts reads even when nothing may be used', async () => {
    const c = await open()
    await c.setLevel('off')
    expect(c.get('topics', { reason: 'x' })).toBeUndefined()
    expect(c.explain('topics').reads).toBe(1)
  })
})

describe('explain', () => {
  it('says where a declared value came from and when it fades', async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('topics', ['science'])
    expect(c.explain('topics')).toMatchObject({
      value: ['science'],
      source: 'declared',
      state: 'active',
      setAt: t.t,
      expiresAt: t.t + 180 * 864e5,
      reads: 0,
    })
    expect(c.explain('topics').signal.purpose).toBe('Puts stories on these topics first on the front page')
  })

  it('shows the value even when it is not in use', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.turnOff('compact')
    expect(c.explain('compact')).toMatchObject({ value: true, state: 'off' })
    expect(c.get('compact')).toBeUndefined()
  })

  it('reports unset for a signal nobody set', async () => {
    const c = await open()
    expect(c.explain('compact')).toMatchObject({ value: undefined, state: 'unset', source: 'declared' })
  })
})

describe('levels', () => {
  it('defaults to all, and to declared when the browser sends Global Privacy Control', async () => {
    expect((await open()).level).toBe('all')
    const g = await open({ gpc: true })
    expect(g.level).toBe('declared')
    expect(g.gpc).toBe(true)
  })

  it('reads navigator.globalPrivacyControl when not told', async () => {
    vi.stubGlobal('navigator', { globalPrivacyControl: true })
    try {
      const c = createCandor({ catalog })
      expect(c.gpc).toBe(true)
      expect(c.level).toBe('declared')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('off makes every read undefined: the page everyone sees', async () => {
    const c = await open()
    await c.set('topics', ['sports'])
    await c.set('compact', true)
    c.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
    await c.setLevel('off')
    expect([c.get('topics'), c.get('compact'), c.get('region')]).toEqual([undefined, undefined, undefined])
    expect(c.explain('topics').state).toBe('forbidden-by-level')
    await c.setLevel('all')
    expect(c.get('topics')).toEqual(['sports'])
  })

  it('declared uses what the visitor set but not what the site inferred', async () => {
    const c = await open()
    await c.set('compact', true)
    c.infer('region', 'eu', { basis: 'IP address' })
    await c.setLevel('declared')
    expect(c.get('compact')).toBe(true)
    expect(c.get('region')).toBeUndefined()
    expect(c.explain('region').state).toBe('forbidden-by-level')
  })

  it('a GPC visitor who chooses all gets all', async () => {
    const c = await open({ gpc: true })
    await c.setLevel('all')
    expect(c.level).toBe('all')
  })

  it('refuses an unknown level', async () => {
    const c = await open()
    await expect(c.setLevel('some' as never)).rejects.toThrow(/must be "off", "declared" or "all"/)
    expect(c.level).toBe('all')
  })

  it('preview shows the baseline for this view only and stores nothing', async () => {
    const c = await open()
    await c.set('compact', true)
    c.preview(true)
    expect(c.previewing).toBe(true)
    expect(c.get('compact')).toBeUndefined()
    expect(c.level).toBe('all')
    const again = await open()
    expect(again.get('compact')).toBe(true)
    c.preview(false)
    expect(c.get('compact')).toBe(true)
  })
})

describe('inferred signals', () => {
  it('are usable at once, labelled with their basis, and never stored', async () => {
    const c = await open()
    c.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
    expect(c.get('region')).toBe('eu')
    expect(c.explain('region')).toMatchObject({ source: 'inferred', basis: 'your IP address suggests Europe', state: 'active' })
    const next = await open()
    expect(next.get('region')).toBeUndefined()
  })

  it('only for signals declared source: inferred, with a valid value and a basis', async () => {
    const c = await open()
    expect(() => c.infer('compact', true, { basis: 'x' })).toThrow(/add source: "inferred"/)
    expect(() => c.infer('region', 'mars', { basis: 'x' })).toThrow(/must be one of "eu", "us"/)
    expect(() => c.infer('region', 'eu', { basis: '' })).toThrow(/a basis is required/)
    expect(() => c.infer('nope', 'eu', { basis: 'x' })).toThrow(/not declared/)
  })

  it('confirm makes it declared and stored', async () => {
    const c = await open()
    c.infer('region', 'eu', { basis: 'IP' })
    await c.confirm('region')
    expect(c.explain('region')).toMatchObject({ source: 'declared', value: 'eu', state: 'active' })
    const next = await open()
    expect(next.get('region')).toBe('eu')
  })

  it('correcting with set replaces the guess; declared beats inferred', async () => {
    const c = await open()
    c.infer('region', 'eu', { basis: 'IP' })
    await c.set('region', 'us')
    c.infer('region', 'eu', { basis: 'IP' })
    expect(c.get('region')).toBe('us')
    expect(c.explain('region').source).toBe('declared')
  })

  it('turning it off is stored, so it stays off on the next visit', async () => {
    const c = await open()
    c.infer('region', 'eu', { basis: 'IP' })
    await c.turnOff('region')
    expect(c.get('region')).toBeUndefined()
    const next = await open()
    next.infer('region', 'eu', { basis: 'IP' })
    expect(next.get('region')).toBeUndefined()
    expect(next.explain('region')).toMatchObject({ state: 'off', value: 'eu', source: 'inferred' })
    await next.turnOn('region')
    expect(next.get('region')).toBe('eu')
  })

  it('confirm without an inferred value is a clear error', async () => {
    const c = await open()
    await expect(c.confirm('region')).rejects.toThrow(/no inferred value on this page to confirm/)
  })
})
