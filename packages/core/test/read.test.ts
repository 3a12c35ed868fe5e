import { effect, computed } from '@preact/signals-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CandorError, createCandor } from '../src/index'
import { catalog, clock, freshIdb, memoryStorage, open, tick } from './fixtures'

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

  it('without the signal, or where navigator can’t be read, the browser sends no GPC', () => {
    vi.stubGlobal('navigator', { userAgent: 'a browser without GPC' })
    try {
      expect(createCandor({ catalog, storage: 'memory' }).level).toBe('all')
      vi.stubGlobal('navigator', { globalPrivacyControl: 'yes' })
      expect(createCandor({ catalog, storage: 'memory' }).gpc).toBe(false)
    } finally {
      vi.unstubAllGlobals()
    }
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator')
    Object.defineProperty(globalThis, 'navigator', {
      configurable: true,
      get() {
        throw new Error('not in this frame')
      },
    })
    try {
      expect(createCandor({ catalog, storage: 'memory' }).gpc).toBe(false)
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had)
      else delete (globalThis as { navigator?: unknown }).navigator
    }
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

describe('the instance as the page sees it', () => {
  it('hands out a frozen catalog: a page can’t change what Candor asks or shows', () => {
    const c = createCandor({ catalog: { ...catalog, measure: { holdout: 0.1, goals: ['read'] } }, storage: 'memory' })
    expect(Object.isFrozen(c.catalog)).toBe(true)
    expect(Object.isFrozen(c.catalog.signals)).toBe(true)
    expect(Object.isFrozen(c.catalog.signals[0])).toBe(true)
    expect(Object.isFrozen(c.catalog.signals[0]!.options)).toBe(true)
    expect(Object.isFrozen(c.catalog.signals[0]!.options![0])).toBe(true)
    expect(Object.isFrozen(c.catalog.measure!.goals)).toBe(true)
  })

  it('says a memory-only instance is the site’s choice, and leaves the copy another page keeps alone', () => {
    const items = new Map([['candor:daily-planet:snapshot', '{"v":1,"values":{"compact":true}}']])
    vi.stubGlobal('localStorage', memoryStorage(items))
    try {
      const c = createCandor({ catalog, storage: 'memory', snapshot: true })
      expect(c.storage).toEqual({ kind: 'memory', reason: 'page-only', detail: 'the site asked for storage: "memory"' })
      expect(items.get('candor:daily-planet:snapshot')).toBe('{"v":1,"values":{"compact":true}}')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('warns of unknown catalog fields and errs on left-out parts, one per line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      createCandor({ catalog: { ...catalog, colour: 1, shade: 2 } as never, storage: 'memory' })
      expect(warn.mock.calls[0]![0]).toMatch(/^Candor: the catalog of "daily-planet" has fields this version doesn't know:\n {2}colour: .*\n {2}shade: /)
      createCandor({ catalog: { site: 'daily-planet', signals: [{ id: 'x' }, { id: 'y' }] } as never, storage: 'memory', lenient: true })
      expect(error.mock.calls[0]![0]).toMatch(/^Candor: parts of the catalog of "daily-planet" were left out, the rest is used:\n {2}signals\[0\]\..*\n {2}/)
    } finally {
      warn.mockRestore()
      error.mockRestore()
    }
  })

  it('infer says what is wrong in its problems, and cuts the basis to 300 characters', () => {
    const c = createCandor({ catalog, storage: 'memory' })
    expect(() => c.infer('region', 'mars', { basis: 'x' })).toThrow(expect.objectContaining({ problems: ['region: must be one of "eu", "us"'] }))
    c.infer('region', 'eu', { basis: 'b'.repeat(400) })
    expect(c.explain('region').basis).toHaveLength(300)
  })

  it('tells subscribers of a preview only when it changes, and a subscriber’s error is reported, not thrown into Candor', async () => {
    const c = createCandor({ catalog, storage: 'memory' })
    let told = 0
    c.subscribe(() => told++)
    c.preview(false)
    expect(told).toBe(0)
    c.preview(true)
    c.preview(true)
    expect(told).toBe(1)
    const reportError = vi.fn()
    vi.stubGlobal('reportError', reportError)
    try {
      c.subscribe(() => {
        throw new Error('bug in the page')
      })
      await c.set('compact', true)
      expect(c.get('compact')).toBeUndefined()
      c.preview(false)
      expect(c.get('compact')).toBe(true)
      expect(reportError).toHaveBeenCalledWith(expect.objectContaining({ message: 'bug in the page' }))
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
