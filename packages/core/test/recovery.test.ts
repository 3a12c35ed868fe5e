import { describe, expect, it } from 'vitest'
import { createCandor } from '../src/index'
import { catalog, clock, DAY } from './fixtures'
import { device, ex, page } from './device'

// What the durable part does when storage fails, step by step on a device whose IndexedDB fails on command:
// how often a write is tried, when memory takes over, and what a recovery saves when storage answers again.
// Each step is awaited (`recover` is what the page calls when it gets a later chance), so nothing here waits on a timer.

const LOST = ex('UnknownError', 'Connection to Indexed Database server lost. Refresh the page to try again')
const BACKING = ex('UnknownError', 'Internal error opening backing store for indexedDB.open.')
const HUNG = ex('TimeoutError', 'IndexedDB did not answer in 2000 ms')
const PRIVATE = ex('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.')

/** The history's entries as `action:id`, for comparing what was recorded. */
const actions = (h: unknown) => (h as Array<{ action: string; id?: string }>).map((e) => e.action + (e.id ? ':' + e.id : ''))

describe('a write that meets a storage fault', () => {
  it('failing once: tried again on storage and saved; the page stays on IndexedDB', async () => {
    const dev = device()
    const p = await page(dev)
    let left = 1
    dev.hook = (c) => {
      if (c.kind == 'change' && left-- > 0) throw BACKING
    }
    await p.writer.set('topics', ['science'])
    expect(dev.writes()).toBe(2)
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    expect((await dev.stored())['s:topics']).toMatchObject({ value: ['science'] })
  })

  it('failing on every try: storage is tried twice, then memory keeps the change and the page is told why', async () => {
    const dev = device()
    const p = await page(dev)
    dev.fault = LOST
    await p.writer.set('topics', ['science'])
    expect(dev.writes()).toBe(2)
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'failed' })
    expect(p.state().records.get('topics')?.value).toEqual(['science'])
    expect(await dev.stored()).toEqual({})
  })

  it('hanging (a timeout): memory takes over at once, without waiting for a second timeout', async () => {
    const dev = device()
    const p = await page(dev)
    dev.fault = HUNG
    await p.writer.set('topics', ['science'])
    expect(dev.writes()).toBe(1)
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'timeout' })
    expect(p.state().records.get('topics')?.value).toEqual(['science'])
  })

  it('failing in memory too (a value nothing can clone): given up after 3 tries in all, and the caller gets the error', async () => {
    const dev = device()
    const p = await page(dev)
    let tries = 0
    const write = p.durable.persist(['s:topics'], () => (tries++, { put: [['s:topics', () => 'not cloneable']] }))
    await expect(write).rejects.toMatchObject({ name: 'DataCloneError' })
    expect(tries).toBe(3)
    expect(dev.writes()).toBe(2)
    expect(await dev.stored()).toEqual({})
  })

  it('a late failure of a connection a recovery already replaced does not send the page back to memory', async () => {
    const dev = device()
    const p = await page(dev)
    // The first write hangs on the first connection; it times out only after the page went to memory and back.
    let release!: () => void
    const hung = new Promise<void>((r) => (release = r))
    let first = true
    dev.hook = async (c) => {
      if (c.kind == 'change' && first) {
        first = false
        await hung
        throw HUNG
      }
    }
    const late = p.writer.set('topics', ['science'])
    dev.fault = LOST
    await p.writer.set('compact', true)
    expect(p.state().storage.kind).toBe('memory')
    dev.fault = undefined
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    release()
    await late
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    const stored = await dev.stored()
    expect(stored['s:topics']).toMatchObject({ value: ['science'] })
    expect(stored['s:compact']).toMatchObject({ value: true })
  })

  it('other tabs are told of a change saved to storage, not of one kept in memory', async () => {
    const dev = device()
    const p = await page(dev)
    await p.writer.set('topics', ['science'])
    expect(p.posts()).toBe(1)
    dev.fault = LOST
    await p.writer.set('compact', true)
    expect(p.state().storage.kind).toBe('memory')
    expect(p.posts()).toBe(1)
  })

  it('with no channel to other tabs, a change is still saved', async () => {
    const dev = device()
    const p = await page(dev, { tabs: false })
    await p.writer.set('topics', ['science'])
    expect((await dev.stored())['s:topics']).toMatchObject({ value: ['science'] })
  })
})

describe('a recovery: leaving memory mode when storage answers again', () => {
  /** A page that went to memory (`fault`) and made `changes` there; the fault has passed when this returns. */
  const inMemory = async (fault: unknown, changes: (w: Awaited<ReturnType<typeof page>>['writer']) => Promise<void>, seed = {}) => {
    const ck = clock()
    const dev = device(seed)
    const p = await page(dev, { now: ck.now })
    dev.fault = fault
    await changes(p.writer)
    expect(p.state().storage.kind).toBe('memory')
    dev.fault = undefined
    return { dev, p, ck }
  }

  it('an erase made in memory erases, once storage answers, the choices and counts on measuring too, as one made on storage does', async () => {
    const measure = {
      v: 1,
      reports: false,
      holdouts: false,
      weeks: { '2026-W49': { tailored: { views: 3, goals: {} }, holdout: { views: 1, goals: {} }, reports: 0 } },
    }
    const { dev, p } = await inMemory(LOST, (w) => w.clear(), {
      's:topics': { v: 1, value: ['sports'], setAt: 1, fp: 'x' },
      meta: { v: 1, level: 'off' },
      measure,
    })
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored.measure).toBeUndefined()
    expect(stored['s:topics']).toBeUndefined()
    expect(stored.meta).toBeUndefined()
  })

  it('saves what the visitor changed in memory, and says storage is used again', async () => {
    const { dev, p } = await inMemory(LOST, (w) => w.set('topics', ['science']))
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    expect(p.state().problems).toEqual([])
    const stored = await dev.stored()
    expect(stored['s:topics']).toMatchObject({ value: ['science'] })
    expect(actions(stored.history)).toEqual(['set:topics'])
  })

  it('blocked storage (private mode) never passes: a later chance opens nothing and the page stays in memory', async () => {
    const { dev, p } = await inMemory(PRIVATE, (w) => w.set('topics', ['science']))
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'blocked' })
    const opens = dev.opens
    await p.durable.recover()
    expect(dev.opens).toBe(opens)
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'blocked' })
    expect(await dev.stored()).toEqual({})
  })

  it('two chances at once (a message and the page shown again) make one attempt', async () => {
    const { dev, p } = await inMemory(LOST, (w) => w.set('topics', ['science']))
    const opens = dev.opens
    await Promise.all([p.durable.recover(), p.durable.recover()])
    expect(dev.opens).toBe(opens + 1)
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
  })

  it('one that fails leaves the page in memory, keeps what it held, and the next chance saves it', async () => {
    const { dev, p } = await inMemory(LOST, (w) => w.set('topics', ['science']))
    dev.fault = LOST
    await p.durable.recover()
    expect(p.state().storage).toMatchObject({ kind: 'memory', reason: 'failed' })
    expect(p.state().problems.filter((x) => x.code == 'storage')).toHaveLength(1)
    dev.fault = undefined
    await p.durable.recover()
    expect(p.state().storage).toEqual({ kind: 'indexeddb' })
    expect((await dev.stored())['s:topics']).toMatchObject({ value: ['science'] })
  })

  it('a second fault after a recovery: held in memory again, and saved by the next recovery, with the history once', async () => {
    const { dev, p, ck } = await inMemory(LOST, (w) => w.set('topics', ['science']))
    await p.durable.recover()
    ck.advance(1000)
    dev.fault = LOST
    await p.writer.set('compact', true)
    expect(p.state().storage.kind).toBe('memory')
    dev.fault = undefined
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored['s:compact']).toMatchObject({ value: true })
    expect(stored['s:topics']).toMatchObject({ value: ['science'] })
    expect(actions(stored.history)).toEqual(['set:topics', 'set:compact'])
  })

  it('a key a newer Candor stored meanwhile is left as it is, the rest is saved, and the page is told which key was not saved', async () => {
    const { dev, p } = await inMemory(LOST, async (w) => {
      await w.set('topics', ['science'])
      await w.set('compact', true)
    })
    const newer = { v: 2, value: 'from a newer version' }
    await dev.write({ 's:compact': newer })
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored['s:compact']).toEqual(newer)
    expect(stored['s:topics']).toMatchObject({ value: ['science'] })
    // Reading it back says it is not used; the recovery says the change made meanwhile was not saved over it.
    const notSaved = p.state().problems.filter((x) => x.code == 'newer-data' && /not saved/.test(x.message))
    expect(notSaved).toEqual([{ code: 'newer-data', key: 's:compact', message: expect.stringMatching(/^"s:compact" was stored by a newer version of Candor/) }])
  })

  it('a measuring choice made in memory is saved, and adds nothing to the history', async () => {
    const { dev, p } = await inMemory(LOST, (w) => w.setReports(false), { history: [{ at: 1, action: 'set', id: 'compact', value: true }] })
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored.measure).toMatchObject({ reports: false })
    expect(stored.history).toEqual([{ at: 1, action: 'set', id: 'compact', value: true }])
  })

  it('a history stored in a shape this version does not know is left as it is', async () => {
    const unknown = { format: 'some later history', entries: 3 }
    const { dev, p } = await inMemory(LOST, (w) => w.set('topics', ['science']), { history: unknown })
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored.history).toEqual(unknown)
    expect(stored['s:topics']).toMatchObject({ value: ['science'] })
  })

  it('an erase made while storage worked is not replayed by a later recovery: choices imported after it stay', async () => {
    const ck = clock()
    const dev = device()
    const p = await page(dev, { now: ck.now })
    await p.writer.set('compact', true)
    ck.advance(1000)
    await p.writer.clear()
    ck.advance(1000)
    // A file exported on another device a day earlier: its history is older than the erase.
    const other = createCandor({ catalog, gpc: false, storage: 'memory', now: () => ck.now() - DAY })
    await other.set('topics', ['sports'])
    await other.setLevel('declared')
    await p.writer.import(other.export())
    ck.advance(1000)
    dev.fault = LOST
    await p.writer.set('compact', false)
    dev.fault = undefined
    await p.durable.recover()
    const stored = await dev.stored()
    expect(stored['s:topics']).toMatchObject({ value: ['sports'] })
    expect(stored.meta).toMatchObject({ level: 'declared' })
    expect(stored['s:compact']).toMatchObject({ value: false })
  })
})
