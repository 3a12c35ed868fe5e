import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isHeldOut } from '../src/measure/arm'
import { addGoal, addView, sumWeeks } from '../src/measure/counting'
import { parseTally } from '../src/measure/tally'
import { CandorError, createCandor, estimate, keepProbability, validateCatalog, type CandorReport, type Catalog } from '../src/index'
import { difference, wilson } from '../src/measure/interval'
import { verdict } from '../src/measure/verdict'
import { isoWeek, lastWeeks } from '../src/measure/week'
import { randomize } from '../src/measure/response'
import { catalog as base, clock, DAY, freshIdb, open, raw, memoryStorage, seed, tick } from './fixtures'

beforeEach(freshIdb)
afterEach(() => vi.unstubAllGlobals())

/** A seeded generator (mulberry32): the same seed gives the same numbers, so a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const measured = (measure: Catalog['measure']): Catalog => ({ ...base, measure })

/** A page view that tailors: ready, then its first read (which decides whether the view is measured). */
const visit = async (o: Parameters<typeof open>[0]) => {
  const c = await open(o)
  c.get('topics', { reason: 'Orders the front page' })
  return c
}

/** A stand-in for the page's document, so views can end and reports be heard in Node. */
const page = () => {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' })
  const win = new EventTarget()
  const g = globalThis as unknown as Record<string, unknown>
  g.document = doc
  g.addEventListener = win.addEventListener.bind(win)
  g.removeEventListener = win.removeEventListener.bind(win)
  const kept = new Map<string, string>()
  vi.stubGlobal('localStorage', memoryStorage(kept))
  const reports: CandorReport[] = []
  doc.addEventListener('candor:report', (e) => reports.push((e as CustomEvent).detail))
  return {
    reports,
    kept,
    hide: () => ((doc.visibilityState = 'hidden'), doc.dispatchEvent(new Event('visibilitychange'))),
    leave: () => win.dispatchEvent(new Event('pagehide')),
  }
}

describe('the draw', () => {
  it('holds out the share of views the catalog asks for (10,000 seeded draws)', () => {
    for (const share of [0.05, 0.1, 0.5]) {
      const r = seeded(7)
      let held = 0
      for (let i = 0; i < 10_000; i++) held += +isHeldOut(r(), share)
      expect(held / 10_000).toBeGreaterThan(share - 0.015)
      expect(held / 10_000).toBeLessThan(share + 0.015)
    }
  })

  it('a holdout view shows the page as a visitor with nothing declared sees it, and says so', async () => {
    await (await open()).set('topics', ['science'])
    const held = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.1 })
    expect(held.arm).toBe('holdout')
    expect(held.get('topics')).toBeUndefined()
    expect(held.explain('topics')).toMatchObject({ paused: 'holdout', value: ['science'] })
    const tailored = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.9 })
    expect(tailored.arm).toBe('tailored')
    expect(tailored.get('topics')).toEqual(['science'])
  })

  it('untailored: nothing in use, level off, the preview, a shared arrival; no measurement without a holdout share', async () => {
    const c = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.1 })
    expect(c.arm).toBe('untailored')
    await c.set('topics', ['science'])
    // Decided at its first read, with nothing to compare: it stays unmeasured, and shows what the visitor declared.
    expect(c.arm).toBe('tailored')
    expect(c.get('topics')).toEqual(['science'])
    const held = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.1 })
    expect(held.arm).toBe('holdout')
    held.preview(true)
    expect(held.arm).toBe('untailored')
    held.preview(false)
    await held.setLevel('off')
    expect(held.arm).toBe('untailored')
    await held.setLevel('all')
    expect((await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.1, shared: true })).arm).toBe('untailored')
    expect((await open({ draw: 0.1 })).arm).toBe('tailored')
    expect((await visit({ catalog: measured({ holdout: 0 }), draw: 0 })).arm).toBe('tailored')
  })

  it('turning holdouts off is for good: stored, exported, imported, erased by clear()', async () => {
    const c = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.1 })
    await c.set('topics', ['science'])
    const held = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.1 })
    expect(held.arm).toBe('holdout')
    await held.setHoldouts(false)
    expect(held.arm).toBe('tailored')
    expect(held.get('topics')).toEqual(['science'])
    const later = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0 })
    expect(later.arm).toBe('tailored')
    expect(later.measurement.holdouts).toBe(false)
    const file = later.export()
    expect(file.measure?.holdouts).toBe(false)
    await later.clear()
    expect(later.measurement.holdouts).toBe(true)
    expect((await raw('daily-planet')).measure).toBeUndefined()
    await later.import(file)
    expect(later.measurement.holdouts).toBe(false)
    await expect(later.setHoldouts('no' as never)).rejects.toThrow(/setHoldouts\("no"\): pass true or false/)
  })
})

describe('counting on the device', () => {
  it('counts views per ISO week and arm, and each goal once per view, kept in IndexedDB', async () => {
    const t = clock(Date.UTC(2026, 11, 1, 12))
    const c0 = await visit({ catalog: measured({ holdout: 0.5, goals: ['read'] }), now: t.now })
    await c0.set('topics', ['science'])
    for (const draw of [0.1, 0.9, 0.9]) {
      const c = await visit({ catalog: measured({ holdout: 0.5, goals: ['read'] }), now: t.now, draw })
      c.goal('read')
      c.goal('read')
      c.goal('buy')
      c.destroy()
    }
    await tick()
    const stored = (await raw('daily-planet')).measure as { weeks: Record<string, unknown> }
    expect(stored.weeks).toEqual({
      '2026-W49': { tailored: { views: 2, goals: { read: 2, buy: 2 } }, holdout: { views: 1, goals: { read: 1, buy: 1 } }, reports: 0 },
    })
    const c = await visit({ catalog: measured({ holdout: 0.5, goals: ['read'] }), now: t.now, draw: 0.9 })
    expect(c.export().measure?.weeks['2026-W49']?.tailored.views).toBe(3)
    // Only counts: no time finer than the week, no URL, no goal order.
    expect(JSON.stringify(stored)).not.toMatch(/http|\/|T\d\d:/)
  })

  it('a goal reached before the stored choices are in counts for the view', async () => {
    await (await open()).set('topics', ['science'])
    const c = (await import('../src/index')).createCandor({ catalog: measured({ holdout: 0.5 }), gpc: false, draw: 0.9 })
    c.goal('read')
    await c.ready
    c.get('topics')
    expect(c.measurement.goals).toMatchObject([{ goal: 'read', tailored: { views: 1, reached: 1 } }])
  })

  it('rolls over by week and keeps 12 weeks', () => {
    const t0 = Date.UTC(2026, 11, 1)
    let tally = addView({}, t0, 'tailored', ['read'])
    tally = addGoal(tally, t0, 'tailored', 'buy')
    tally = addView(tally, t0 + 7 * DAY, 'holdout')
    expect(Object.keys(tally)).toEqual(['2026-W49', '2026-W50'])
    expect(sumWeeks(tally, t0 + 7 * DAY, 4)).toEqual({ tailored: { views: 1, goals: { read: 1, buy: 1 } }, holdout: { views: 1, goals: {} } })
    expect(sumWeeks(tally, t0 + 35 * DAY, 4).tailored.views).toBe(0)
    tally = addView(tally, t0 + 12 * 7 * DAY, 'holdout')
    expect(Object.keys(tally)).toEqual(['2026-W50', '2027-W08'])
  })

  it('ISO weeks: the year of the week is the year of its Thursday', () => {
    expect(isoWeek(Date.UTC(2026, 11, 1))).toBe('2026-W49')
    expect(isoWeek(Date.UTC(2021, 0, 3))).toBe('2020-W53')
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01')
    expect(isoWeek(Date.UTC(2026, 0, 1))).toBe('2026-W01')
    expect(lastWeeks(Date.UTC(2026, 0, 5), 2)).toEqual(['2026-W02', '2026-W01'])
  })

  it('S30: a damaged stored tally loses the damaged week only', () => {
    const good = { tailored: { views: 3, goals: { read: 1 } }, holdout: { views: 1, goals: {} }, reports: 2 }
    expect(
      parseTally({ '2026-W49': good, '2026-W48': { tailored: { views: -1, goals: {} }, holdout: good.holdout, reports: 0 }, nonsense: good, '2026-W47': 'x' }),
    ).toEqual({ '2026-W49': good })
    expect(parseTally({ '2026-W49': { ...good, tailored: { views: 3, goals: { 'a b': 1, read: 1.5, ok: 2 } } } })['2026-W49']?.tailored.goals).toEqual({
      ok: 2,
    })
  })

  it('S30: a measure row a newer Candor wrote is kept as it is: counts skip it, a choice is refused', async () => {
    await (await open()).set('topics', ['science'])
    const newer = { v: 2, weeks: { '2026-W49': 'a shape we do not know' } }
    await seed('daily-planet', { measure: newer })
    const c = await visit({ catalog: measured({ holdout: 0.5 }), draw: 0.9 })
    c.goal('read')
    await tick()
    expect((await raw('daily-planet')).measure).toEqual(newer)
    await expect(c.setHoldouts(false)).rejects.toThrow(/newer version of Candor/)
    expect(c.problems.map((p) => p.code)).toContain('newer-data')
  })
})

describe('intervals and the verdict', () => {
  it('Wilson: known values, and sane at the edges', () => {
    const w = wilson(30, 100)
    expect(w.low).toBeCloseTo(0.2189, 3)
    expect(w.high).toBeCloseTo(0.3958, 3)
    expect(wilson(0, 10).low).toBe(0)
    expect(wilson(10, 10).high).toBeCloseTo(1, 12)
    expect(wilson(0, 0)).toEqual({ value: 0, low: 0, high: 1 })
    const d = difference(wilson(56, 70), wilson(48, 80))
    // Newcombe (1998), example (a): 0.2 with interval 0.0524 to 0.3339.
    expect(d.low).toBeCloseTo(0.0524, 3)
    expect(d.high).toBeCloseTo(0.3339, 3)
  })

  it.each([
    [{ views: 200, reached: 90 }, { views: 200, reached: 40 }, 'helps'],
    [{ views: 200, reached: 40 }, { views: 200, reached: 90 }, 'worse'],
    [{ views: 2000, reached: 600 }, { views: 2000, reached: 610 }, 'no-difference'],
    [{ views: 30, reached: 10 }, { views: 30, reached: 9 }, 'too-few'],
    [{ views: 500, reached: 100 }, { views: 9, reached: 9 }, 'too-few'],
  ] as const)('verdict(%o, %o) is %s', (t, h, v) => expect(verdict(t, h)).toBe(v))
})

describe('randomized response and estimate()', () => {
  it('keeps the truth with probability e^ε / (1 + e^ε)', () => {
    expect(keepProbability(1)).toBeCloseTo(Math.E / (1 + Math.E), 10)
    expect(keepProbability(10)).toBeGreaterThan(0.9999)
    const r = seeded(3)
    let kept = 0
    for (let i = 0; i < 20_000; i++) kept += +(randomize(true, 1, r()) === true)
    expect(kept / 20_000).toBeCloseTo(keepProbability(1), 1)
  })

  /** `n` views, half held out, reaching the goal at the true rates, reported with ε. */
  const simulate = (seed: number, n = 20_000, rates = { tailored: 0.3, holdout: 0.25 }, epsilon = 1): CandorReport[] => {
    const r = seeded(seed)
    return Array.from({ length: n }, (_, i) => {
      const arm = i % 2 ? 'holdout' : 'tailored'
      return { format: 'candor/report', version: 1, arm, week: '2026-W49', epsilon, goals: { read: randomize(r() < rates[arm], epsilon, r()) } }
    })
  }

  it('over 100 seeds: each true rate lies in its 95% interval for at least 90, the difference excludes 0 for at least 80', () => {
    let tailoredIn = 0
    let holdoutIn = 0
    let found = 0
    for (let seed = 1; seed <= 100; seed++) {
      const e = estimate(simulate(seed)).goals.read!
      tailoredIn += +(e.tailored.low <= 0.3 && 0.3 <= e.tailored.high)
      holdoutIn += +(e.holdout.low <= 0.25 && 0.25 <= e.holdout.high)
      found += +(e.difference.low > 0)
    }
    console.info(`simulation: tailored covered ${tailoredIn}/100, holdout ${holdoutIn}/100, difference found ${found}/100`)
    expect(tailoredIn).toBeGreaterThanOrEqual(90)
    expect(holdoutIn).toBeGreaterThanOrEqual(90)
    expect(found).toBeGreaterThanOrEqual(80)
    // 2,000,000 reports: well under a second, but mutation testing instruments every line of estimate().
  }, 120_000)

  it('S29: debiases (λ − (1 − p)) / (2p − 1), and counts what is not a report as ignored', () => {
    const p = keepProbability(1)
    const reports = [true, true, false, false, false].map((read) => ({
      format: 'candor/report',
      version: 1,
      arm: 'tailored',
      week: '2026-W49',
      epsilon: 1,
      goals: { read },
    }))
    const e = estimate([...reports, null, { format: 'candor/report', version: 1, arm: 'x', epsilon: 1, goals: {} }, { ...reports[0], epsilon: 0 }, 'text'])
    expect(e.ignored).toBe(4)
    expect(e.reports).toEqual({ tailored: 5, holdout: 0 })
    expect(e.goals.read!.tailored.rate).toBeCloseTo((0.4 - (1 - p)) / (2 * p - 1), 10)
    expect(e.goals.read!.holdout).toEqual({ reports: 0, rate: 0, low: 0, high: 1 })
  })
})

describe('reports: one per measured view, noisy, and only what is documented', () => {
  const setUp = async (o: { epsilon?: number; gpc?: boolean; draw?: number } = {}) => {
    freshIdb()
    const p = page()
    await (await open()).set('topics', ['science'])
    const c = await visit({ catalog: measured({ holdout: 0.5, epsilon: o.epsilon ?? 10, goals: ['read', 'share'] }), draw: o.draw ?? 0.9, gpc: o.gpc ?? false })
    return { p, c }
  }

  it('a goal reached at ε = 10 is reported true; the detail holds exactly the documented keys; once per view', async () => {
    const { p, c } = await setUp()
    c.goal('read')
    p.hide()
    p.leave()
    expect(p.reports).toHaveLength(1)
    expect(Object.keys(p.reports[0]!).sort()).toEqual(['arm', 'epsilon', 'format', 'goals', 'version', 'week'])
    expect(p.reports[0]).toEqual({
      format: 'candor/report',
      version: 1,
      arm: 'tailored',
      week: isoWeek(Date.now()),
      epsilon: 10,
      goals: { read: true, share: false },
    })
    expect(JSON.stringify(p.reports)).not.toMatch(/science|topics|Topics|http/)
    // Counted as the page went away (synchronously, in localStorage), and added to the counts by the next view.
    expect(c.measurement.reportsThisWeek).toBe(0)
    expect(p.kept.get('candor:daily-planet:reported')).toMatch(/^\{"\d+":1\}$/)
    const next = await visit({ catalog: measured({ holdout: 0.5, epsilon: 10 }), draw: 0.9 })
    expect(next.measurement.reportsThisWeek).toBe(1)
    expect(p.kept.has('candor:daily-planet:reported')).toBe(false)
    await next.clear()
    next.endView()
    expect(next.measurement.reportsThisWeek).toBe(0)
  })

  it('endView() ends the view with its report and starts the next, drawn anew', async () => {
    const { p, c } = await setUp({ draw: 0.1 })
    expect(c.arm).toBe('holdout')
    c.goal('share')
    c.endView()
    expect(p.reports.map((r) => [r.arm, r.goals.share])).toEqual([['holdout', true]])
    // The next view is decided by its first read, like a page's.
    c.endView()
    expect(p.reports).toHaveLength(1)
    c.get('topics')
    c.endView()
    expect(p.reports).toHaveLength(2)
    expect(p.reports[1]!.goals).toEqual({ read: false, share: false })
    expect(c.export().measure!.weeks[isoWeek(Date.now())]!.reports).toBe(2)
    expect(c.export().measure!.weeks[isoWeek(Date.now())]!.holdout.views + c.export().measure!.weeks[isoWeek(Date.now())]!.tailored.views).toBe(2)
  })

  it('no report at level off, none under GPC unless the visitor turns reports on, none unmeasured', async () => {
    const off = await setUp()
    await off.c.setLevel('off')
    off.p.leave()
    expect(off.p.reports).toHaveLength(0)

    const gpc = await setUp({ gpc: true })
    expect(gpc.c.measurement.reports).toBe(false)
    gpc.p.leave()
    expect(gpc.p.reports).toHaveLength(0)
    const again = await setUp({ gpc: true })
    await again.c.setReports(true)
    expect(again.c.measurement.reports).toBe(true)
    again.p.leave()
    expect(again.p.reports).toHaveLength(1)

    const p = page()
    const empty = await visit({ catalog: measured({ holdout: 0.5 }), storage: 'memory' })
    expect(empty.arm).toBe('untailored')
    empty.goal('read')
    p.leave()
    expect(p.reports).toHaveLength(0)
  })

  it('S28: 10,000 goal calls in one view give one report of at most 20 goals, and bad names a clear error', async () => {
    const { p, c } = await setUp()
    for (let i = 0; i < 10_000; i++) c.goal(i % 2 ? 'read' : `g${i % 100}`)
    p.leave()
    expect(p.reports).toHaveLength(1)
    expect(Object.keys(p.reports[0]!.goals).length).toBeLessThanOrEqual(20)
    expect(() => c.goal('no spaces')).toThrow(CandorError)
    expect(() => c.goal(7 as never)).toThrow(/goal\(7\): a goal's name is 1 to 64 letters/)
  })
})

describe('the catalog’s measure field', () => {
  it.each([
    [{ holdout: 2 }, 'measure.holdout: must be a share of views from 0 to 0.5'],
    [{ holdout: -1 }, 'measure.holdout'],
    [{ holdout: '0.5' }, 'measure.holdout'],
    [{ holdout: Number.NaN }, 'measure.holdout'],
    [{ epsilon: 0 }, 'measure.epsilon: must be a number from 0.1'],
    [{ epsilon: Number.POSITIVE_INFINITY }, 'measure.epsilon'],
    [{ goals: ['a b'] }, 'measure.goals[0]'],
    [{ goals: 'read' }, 'measure.goals: must be a list'],
    [{ goals: [{ name: 'read' }] }, 'measure.goals[0].label: required'],
    [{ goals: ['read', { name: 'a b', label: 'A b' }] }, 'measure.goals[1].name: must be 1 to 64 letters'],
    [{ goals: [{ name: 'read', label: '' }] }, 'measure.goals[0].label: must be text'],
    [{ goals: [7] }, 'measure.goals[0]: must be 1 to 64'],
    ['half', 'measure: must be an object'],
  ])('S27: %o is refused with %s', (measure, path) => {
    expect(() => validateCatalog({ ...base, measure })).toThrow(path)
  })

  it('good values are kept; an unknown field is reported with a suggestion', () => {
    expect(validateCatalog({ ...base, measure: { holdout: 0.05, epsilon: 2, goals: ['read'] } }).measure).toEqual({
      holdout: 0.05,
      epsilon: 2,
      goals: ['read'],
    })
    // A goal with a label: kept as given.
    const labelled = { ...base, measure: { goals: [{ name: 'read', label: 'Opened a story' }, 'share'] } }
    expect(validateCatalog(labelled).measure).toEqual(labelled.measure)
    const c = createCandor({
      catalog: { ...base, measure: { holdout: 0.1, epsilonn: 2, goals: [{ name: 'read', label: 'R', colour: 'red' }] } } as unknown as Catalog,
      storage: 'memory',
    })
    expect(c.problems.map((p) => p.message)).toEqual([
      'measure.epsilonn: unknown field, did you mean "epsilon"? (ignored)',
      'measure.goals[0].colour: unknown field (ignored; known: name, label)',
    ])
    expect(c.catalog.measure?.goals).toEqual([{ name: 'read', label: 'R' }])
    c.destroy()
  })
})
