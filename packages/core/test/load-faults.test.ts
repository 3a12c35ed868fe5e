import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCandor, fingerprint } from '../src/index'
import { load, reconnect } from '../src/load'
import type { Problem } from '../src/types'
import { catalog, clock, DAY } from './fixtures'
import { device, ex, page } from './device'

// Reading what is stored, and the way back from memory mode: how often a read is made, what memory mode starts
// from, what a re-read keeps, the values that faded while the visitor was away, and reopening storage.

const LOST = ex('UnknownError', 'Connection to Indexed Database server lost. Refresh the page to try again')
const FULL = ex('QuotaExceededError', 'The quota has been exceeded.')
const fp = (i: number) => fingerprint(catalog.signals[i]!)
const actions = (h: unknown) => (h as Array<{ action: string; id?: string }>).map((e) => e.action + (e.id ? ':' + e.id : ''))
/** A week's counts as stored, with `views` tailored views. */
const week = (views: number) => ({ tailored: { views, goals: {} }, holdout: { views: 0, goals: {} }, reports: 0 })

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('reading what is stored', () => {
  it('a read that works is made once', async () => {
    const dev = device({ 's:compact': { v: 1, value: true, setAt: 1, fp: fp(2) } })
    const p = await page(dev)
    expect(dev.calls.filter((c) => c.kind == 'all')).toHaveLength(1)
    expect(p.state().records.get('compact')?.value).toBe(true)
  })

  it('a re-read keeps the catalog’s warnings, and drops a damaged record’s problem once the record is fixed', async () => {
    const warnings: Problem[] = [
      { code: 'unknown-field', message: 'signals[0].lifetme: unknown field, did you mean "lifetime"? (ignored)' },
      { code: 'left-out', message: 'signals[3]: left out (no purpose)' },
    ]
    const dev = device({ 's:compact': { v: 1, value: 'not a boolean', setAt: 1, fp: fp(2) } })
    const p = await page(dev, { problems: warnings })
    expect(p.state().problems.map((x) => x.code)).toEqual(['corrupt-record', 'unknown-field', 'left-out'])
    // Another tab stores a good value over the damaged one; this page reads again.
    await dev.write({ 's:compact': { v: 1, value: true, setAt: 2, fp: fp(2) } })
    await load(p.ctx, false)
    expect(p.state().records.get('compact')?.value).toBe(true)
    expect(p.state().problems).toEqual(warnings)
  })
})

describe('values that faded while the visitor was away', () => {
  // Each test loads Candor afresh, as a new visit does: the deletion belongs to a page's first read.
  let device: typeof import('./device').device
  let page: typeof import('./device').page
  let load: typeof import('../src/load').load
  beforeEach(async () => {
    vi.resetModules()
    ;({ device, page } = await import('./device'))
    ;({ load } = await import('../src/load'))
  })
  const ck = clock()
  const now = ck.now()
  const faded = { v: 1, value: ['science'], setAt: now - 200 * DAY, expiresAt: now - 20 * DAY, fp: fp(0) }
  const earlier = { at: now - 200 * DAY, action: 'set', id: 'topics', value: ['science'] }
  const lasting = { v: 1, value: true, setAt: now - 200 * DAY, fp: fp(2) }
  const seed = { 's:topics': faded, 's:compact': lasting, history: [earlier] }

  it('are deleted from storage on the first read, with an "expired" entry added to the history, and other tabs are told', async () => {
    const dev = device(seed)
    const p = await page(dev, { now: ck.now })
    // Shown as expired for this view; the deletion follows the read.
    await vi.waitFor(async () => expect((await dev.stored())['s:topics']).toBeUndefined())
    const stored = await dev.stored()
    expect(stored['s:compact']).toEqual(lasting)
    expect(stored.history).toEqual([earlier, { at: now, action: 'expired', id: 'topics' }])
    expect(p.state().history).toEqual(stored.history)
    await vi.waitFor(() => expect(p.posts()).toBe(1))
  })

  it('one renewed in another tab between the read and the deletion is kept', async () => {
    const dev = device(seed)
    const renewed = { ...faded, expiresAt: now + 100 * DAY }
    // The deletion's transaction finds the record renewed.
    dev.hook = async (c) => {
      if (c.kind == 'change') await dev.write({ 's:topics': renewed })
    }
    await page(dev, { now: ck.now })
    await vi.waitFor(() => expect(dev.writes()).toBe(1))
    await vi.waitFor(async () => expect(actions((await dev.stored()).history)).toEqual(['set:topics', 'expired:topics']))
    expect((await dev.stored())['s:topics']).toEqual(renewed)
  })

  it('with no channel to other tabs, are deleted all the same', async () => {
    const dev = device(seed)
    await page(dev, { now: ck.now, tabs: false })
    await vi.waitFor(async () => expect((await dev.stored())['s:topics']).toBeUndefined())
  })

  it('on a later read (another tab’s change) are left to the next visit', async () => {
    const dev = device()
    const p = await page(dev, { now: ck.now })
    await dev.write(seed)
    await load(p.ctx, false)
    expect(p.state().records.get('topics')).toEqual(faded)
    expect(dev.writes()).toBe(0)
  })
})

describe('memory mode starts from what the page holds', () => {
  it('a measuring choice made in memory keeps the counts stored before', async () => {
    const ck = clock()
    const dev = device({ measure: { v: 1, weeks: { '2026-W18': week(7) } } })
    const p = await page(dev, { now: ck.now })
    dev.fault = LOST
    await p.writer.setReports(false)
    dev.fault = undefined
    await p.durable.recover()
    expect((await dev.stored()).measure).toEqual({ v: 1, weeks: { '2026-W18': week(7) }, reports: false })
  })

  it('a file imported in memory adds to the page’s history, keeping what was there', async () => {
    const ck = clock()
    const dev = device()
    const p = await page(dev, { now: ck.now })
    await p.writer.set('compact', true)
    dev.fault = LOST
    const other = createCandor({ catalog, gpc: false, storage: 'memory', now: ck.now })
    await other.set('topics', ['sports'])
    await p.writer.import(other.export())
    expect(p.state().storage.kind).toBe('memory')
    expect(actions(p.state().history)).toEqual(['set:compact', 'import'])
  })
})

describe('leaving memory mode (reconnect)', () => {
  it('the page is told storage works again; the catalog’s warnings stay', async () => {
    const warnings: Problem[] = [{ code: 'unknown-field', message: 'note: unknown field (ignored)' }]
    const dev = device()
    const p = await page(dev, { problems: warnings })
    dev.fault = LOST
    await p.writer.set('topics', ['science'])
    expect(p.state().problems.map((x) => x.code)).toEqual(['unknown-field', 'storage'])
    dev.fault = undefined
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    expect(p.state().problems).toEqual(warnings)
  })

  it('a file without a level imported in memory: the level chosen before stays, stored and shown', async () => {
    const ck = clock()
    const dev = device()
    const p = await page(dev, { now: ck.now })
    await p.writer.setLevel('declared')
    ck.advance(1000)
    dev.fault = LOST
    const other = createCandor({ catalog, gpc: false, storage: 'memory', now: ck.now })
    await other.set('topics', ['sports'])
    await p.writer.import(other.export())
    dev.fault = undefined
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored.meta).toEqual({ v: 1, level: 'declared' })
    expect(stored['s:topics']).toMatchObject({ value: ['sports'] })
    expect(p.state().storedLevel).toBe('declared')
  })

  it('a value that faded while the page was in memory is left in storage at the read-back, for the next visit to drop', async () => {
    const ck = clock()
    const dev = device()
    const p = await page(dev, { now: ck.now })
    await p.writer.set('topics', ['science'])
    const expiresAt = (p.state().records.get('topics')?.expiresAt ?? 0) as number
    dev.fault = LOST
    await p.writer.set('compact', true)
    ck.advance(expiresAt - ck.now() + 1)
    dev.fault = undefined
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    // Whatever the read-back started has finished a task later.
    await new Promise((r) => setTimeout(r, 0))
    const stored = await dev.stored()
    expect(stored['s:topics']).toMatchObject({ value: ['science'] })
    expect(actions(stored.history)).toEqual(['set:topics', 'set:compact'])
  })

  it('with nothing to write first (the reading part alone): storage is used again once it answers', async () => {
    const dev = device()
    const p = await page(dev)
    dev.fault = LOST
    await p.writer.set('topics', ['science'])
    dev.fault = undefined
    await dev.write({ 's:compact': { v: 1, value: true, setAt: 1, fp: fp(2) } })
    expect(await reconnect(p.ctx)).toBe(true)
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    expect(p.state().records.get('compact')?.value).toBe(true)
  })

  it('a disk still full for writes, though reads work: the page stays in memory and keeps its changes for a later chance', async () => {
    const dev = device()
    const p = await page(dev)
    dev.fault = FULL
    await p.writer.set('topics', ['science'])
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'quota' })
    dev.fault = undefined
    dev.hook = (c) => {
      if (c.kind == 'change') throw FULL
    }
    await p.durable.recover()
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'quota' })
    expect(p.state().records.get('topics')?.value).toEqual(['science'])
    dev.hook = undefined
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    expect((await dev.stored())['s:topics']).toMatchObject({ value: ['science'] })
  })

  it('a read-back that fails: the page stays in memory, told once, and its next change is kept there', async () => {
    const dev = device()
    const p = await page(dev)
    dev.fault = LOST
    await p.writer.set('topics', ['science'])
    dev.fault = undefined
    dev.hook = (c) => {
      if (c.kind == 'all') throw LOST
    }
    await p.durable.recover()
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'failed' })
    expect(p.state().problems.filter((x) => x.code == 'storage')).toHaveLength(1)
    const writes = dev.writes()
    await p.writer.set('compact', true)
    expect(dev.writes()).toBe(writes)
    expect(p.state().records.get('compact')?.value).toBe(true)
  })

  it('with no channel to other tabs, storage is used again all the same', async () => {
    const dev = device()
    const p = await page(dev, { tabs: false })
    dev.fault = LOST
    await p.writer.set('topics', ['science'])
    dev.fault = undefined
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
  })
})
