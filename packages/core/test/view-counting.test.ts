import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Candor, CandorOptions, CandorReport, Catalog } from '../src/index'
import { reportedKey } from '../src/measure/report'
import { weekStart } from '../src/measure/week'
import { catalog as base, clock, freshIdb, memoryStorage } from './fixtures'
import { device, page } from './device'

// One page view's measurement, told apart case by case: which draw decides its arm, when it is counted (once, and
// only when something is in use as it begins), how its report is counted as the page goes away (localStorage, or
// memory for a page-only instance), what the next view adds from there, and which page events end or start a view.
// Each test loads Candor afresh, as a page does: the measuring part is loaded with the page.

const measured: Catalog = { ...base, measure: { holdout: 0.5, goals: ['read'] } }
const SITE = base.site
const load = () => import('../src/index')

beforeEach(() => {
  freshIdb()
  vi.resetModules()
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** A page's document and window in Node: its events, its localStorage, and the reports it hears. */
const browser = (o: { document?: false } = {}) => {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  const win = new EventTarget()
  if (o.document !== false) vi.stubGlobal('document', doc)
  const added: string[] = []
  vi.stubGlobal('addEventListener', (type: string, fn: EventListener) => (added.push(type), win.addEventListener(type, fn)))
  vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win))
  const kept = new Map<string, string>()
  vi.stubGlobal('localStorage', memoryStorage(kept))
  const reports: CandorReport[] = []
  doc.addEventListener('candor:report', (e) => reports.push((e as CustomEvent).detail))
  const visibility = (state: DocumentVisibilityState) => ((doc.visibilityState = state), doc.dispatchEvent(new Event('visibilitychange')))
  return {
    reports,
    added,
    /** The reports counted as pages went away, by week start, not yet added by a next view. */
    staged: () => JSON.parse(kept.get(reportedKey(SITE)) ?? '{}') as Record<string, unknown>,
    stage: (counts: Record<string, unknown>) => kept.set(reportedKey(SITE), JSON.stringify(counts)),
    hide: () => visibility('hidden'),
    show: () => visibility('visible'),
    leave: () => win.dispatchEvent(new Event('pagehide')),
    back: (persisted: boolean) => win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted })),
  }
}

/** Stores a preference, so the next page has something in use as it begins. */
const chosen = async (now: () => number) => {
  const { createCandor } = await load()
  const c = createCandor({ catalog: base, gpc: false, now })
  await c.ready
  await c.set('topics', ['science'])
  c.destroy()
}

/** A page of the measured catalog, ready, before its first read. */
const visit = async (o: Partial<CandorOptions> = {}) => {
  const { createCandor } = await load()
  const c = createCandor({ catalog: measured, gpc: false, ...o })
  await c.ready
  return c
}

/** The views counted on this device over the last weeks, both arms. */
const views = (c: Candor) => {
  const g = c.measurement.goals.find((x) => x.goal == 'read')!
  return g.tailored.views + g.holdout.views
}
const reached = (c: Candor) => c.measurement.goals.find((x) => x.goal == 'read')!.tailored.reached

/** Makes the browser's random draws return `r`. */
const randomIs = (r: number) =>
  vi.spyOn(crypto, 'getRandomValues').mockImplementation((a: ArrayBufferView) => (((a as Uint32Array)[0] = Math.floor(r * 2 ** 32)), a))

describe('the draw a page passes', () => {
  // [case, draw passed, the browser's own draw, the arm]
  const table: Array<[string, unknown, number, string]> = [
    ['0, the lowest draw there is: held out', 0, 0.99, 'holdout'],
    ['just below 1: tailored', 0.9999, 0, 'tailored'],
    ['1 is out of range: the browser draws', 1, 0, 'holdout'],
    ['a negative number: the browser draws', -0.5, 0.99, 'tailored'],
    ['a number as text: the browser draws', '0.1', 0.99, 'tailored'],
    ['NaN: the browser draws', Number.NaN, 0, 'holdout'],
  ]
  it.each(table)('%s', async (_, draw, random, arm) => {
    const ck = clock()
    await chosen(ck.now)
    browser()
    randomIs(random)
    const c = await visit({ now: ck.now, draw: draw as number })
    c.get('topics')
    expect(c.arm).toBe(arm)
    c.destroy()
  })
})

describe('when a view is counted', () => {
  it('once, however often the page reads', async () => {
    const ck = clock()
    await chosen(ck.now)
    browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    c.get('topics')
    c.get('compact')
    expect(views(c)).toBe(1)
    c.destroy()
  })

  it('not when the level is off by its first read: nothing to compare', async () => {
    const ck = clock()
    await chosen(ck.now)
    browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    await c.setLevel('off')
    c.get('topics')
    expect(c.arm).toBe('untailored')
    expect(views(c)).toBe(0)
    c.destroy()
  })

  it('not when nothing was in use as it began, even after the visitor chooses something and the page reads it', async () => {
    const ck = clock()
    browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    await vi.waitFor(() => expect(c.measurement.holdout).toBe(0.5))
    await c.set('topics', ['science'])
    c.get('topics')
    expect(views(c)).toBe(0)
    // The next view began with something in use: it is counted.
    c.endView()
    c.get('topics')
    expect(views(c)).toBe(1)
    c.destroy()
  })

  it('a goal named as not reached is not counted as reached, until it is', async () => {
    const ck = clock()
    await chosen(ck.now)
    browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    c.goal('read', { reached: false })
    expect(reached(c)).toBe(0)
    c.goal('read')
    expect(reached(c)).toBe(1)
    c.destroy()
  })
})

describe('a report as the page goes away', () => {
  it('leaving (pagehide): counted at once in localStorage, for the next view to add', async () => {
    const ck = clock()
    await chosen(ck.now)
    const b = browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    b.leave()
    expect(b.reports).toHaveLength(1)
    expect(b.staged()).toEqual({ [weekStart(ck.now())]: 1 })
    expect(c.measurement.reportsThisWeek).toBe(0)
    c.destroy()
    // The next page adds it to the counts, and localStorage is emptied.
    const next = await visit({ now: ck.now, draw: 0.9 })
    expect(next.measurement.reportsThisWeek).toBe(1)
    expect(b.staged()).toEqual({})
    next.destroy()
  })

  it('hidden (visibilitychange): ends the view with its report; becoming visible does not', async () => {
    const ck = clock()
    await chosen(ck.now)
    const b = browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    b.show()
    expect(b.reports).toHaveLength(0)
    expect(b.staged()).toEqual({})
    b.hide()
    expect(b.reports).toHaveLength(1)
    expect(b.staged()).toEqual({ [weekStart(ck.now())]: 1 })
    c.destroy()
  })

  it('back from the back/forward cache (pageshow, persisted): a new view, counted and reported again; a plain pageshow is the same view', async () => {
    const ck = clock()
    await chosen(ck.now)
    const b = browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    b.leave()
    b.back(false)
    c.get('topics')
    expect(views(c)).toBe(1)
    b.back(true)
    c.get('topics')
    expect(views(c)).toBe(2)
    b.leave()
    expect(b.reports).toHaveLength(2)
    expect(b.staged()).toEqual({ [weekStart(ck.now())]: 2 })
    c.destroy()
  })

  it('a page-only instance (storage: "memory") counts its report in memory and leaves localStorage to the stored one', async () => {
    const ck = clock()
    const b = browser()
    const staged = { [weekStart(ck.now())]: 4 }
    b.stage(staged)
    const c = await visit({ now: ck.now, draw: 0.9, storage: 'memory' })
    await vi.waitFor(() => expect(c.measurement.holdout).toBe(0.5))
    await c.set('topics', ['science'])
    c.endView()
    c.get('topics')
    expect(views(c)).toBe(1)
    b.leave()
    expect(b.reports).toHaveLength(1)
    expect(c.measurement.reportsThisWeek).toBe(1)
    expect(b.staged()).toEqual(staged)
    c.destroy()
  })
})

describe('what the next view adds from localStorage', () => {
  // [case, the count staged for this week, the reports it adds]
  const table: Array<[string, unknown, number]> = [
    ['a count of 3', 3, 3],
    ['the largest count taken, 999999', 999_999, 999_999],
    ['zero adds nothing', 0, 0],
    ['a negative count is ignored', -2, 0],
    ['a million or more is ignored (not a count of reports)', 1e6, 0],
    ['a fraction is ignored', 2.5, 0],
    ['a number as text is ignored', '4', 0],
  ]
  it.each(table)('%s', async (_, n, added) => {
    const ck = clock()
    const b = browser()
    b.stage({ [weekStart(ck.now())]: n })
    const c = await visit({ now: ck.now })
    expect(c.measurement.reportsThisWeek).toBe(added)
    expect(b.staged()).toEqual({})
    c.destroy()
  })
})

describe('page events after destroy()', () => {
  const events: Array<[string, (b: ReturnType<typeof browser>) => void]> = [
    ['pagehide', (b) => b.leave()],
    ['visibilitychange to hidden', (b) => b.hide()],
    ['pageshow from the back/forward cache', (b) => b.back(true)],
  ]
  it.each(events)('%s: no report, nothing counted', async (_, event) => {
    const ck = clock()
    await chosen(ck.now)
    const b = browser()
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    c.destroy()
    event(b)
    expect(b.reports).toEqual([])
    expect(b.staged()).toEqual({})
  })
})

describe('a page without a document (a worker)', () => {
  it('measures and reports all the same, counting the report in storage', async () => {
    const ck = clock()
    await chosen(ck.now)
    browser({ document: false })
    const c = await visit({ now: ck.now, draw: 0.9 })
    c.get('topics')
    expect(views(c)).toBe(1)
    c.endView()
    expect(c.measurement.reportsThisWeek).toBe(1)
    c.destroy()
  })
})

describe('a view made directly (createView)', () => {
  it('for a catalog that holds nothing out: never counted, listens to no page event, throws nothing', async () => {
    const b = browser()
    const { createView } = await import('../src/measure/view')
    const p = await page(device())
    const v = createView(
      p.ctx,
      () => 'all',
      () => true,
      { draw: 0 },
    )
    v.start()
    v.read()
    v.goal('read')
    v.next()
    v.stop()
    expect(v.arm()).toBe('tailored')
    expect(p.state().measure.weeks).toEqual({})
    expect(b.added).toEqual([])
  })

  it('a read before the stored choices are in (start) decides nothing', async () => {
    browser()
    const { createView } = await import('../src/measure/view')
    const p = await page(device(), { catalog: measured })
    const v = createView(
      p.ctx,
      () => 'all',
      () => true,
      { draw: 0.9 },
    )
    v.read()
    expect(p.state().view).toBeUndefined()
    v.start()
    v.read()
    expect(p.state().view).toMatchObject({ arm: 'tailored' })
    v.stop()
  })
})
