// The measuring rules at their edges: found by mutation testing (pnpm test:mutation), each test pins
// what a person would notice — a view held out or not, a report taken or ignored, an interval's width.
import { beforeEach, describe, expect, it } from 'vitest'
import { armOf, checkGoal, isHeldOut } from '../src/measure/arm'
import { addGoal, addView } from '../src/measure/counting'
import { sendsReports } from '../src/measure/report'
import { keepProbability, randomize } from '../src/measure/response'
import { MAX_GOALS, parseTally } from '../src/measure/tally'
import { verdict } from '../src/measure/verdict'
import { isoWeek } from '../src/measure/week'
import { CandorError, estimate, type Catalog } from '../src/index'
import { Z95 } from '../src/measure/interval'
import { catalog as base, freshIdb, open, seed } from './fixtures'

beforeEach(freshIdb)

const report = (arm: 'tailored' | 'holdout', read: boolean, epsilon = 1) => ({
  format: 'candor/report',
  version: 1,
  arm,
  week: '2026-W49',
  epsilon,
  goals: { read },
})

describe('the draw and the arm', () => {
  it('a view is held out only below the share', () => {
    expect(isHeldOut(0.05, 0.05)).toBe(false)
    expect(isHeldOut(0.0499, 0.05)).toBe(true)
  })
  it('armOf: off, the preview or nothing in use is untailored; else held out or tailored', () => {
    const yes = () => true
    expect(armOf('off', false, true, yes)).toBe('untailored')
    expect(armOf('declared', false, false, yes)).toBe('tailored')
    expect(armOf('all', false, true, yes)).toBe('holdout')
    expect(armOf('all', true, true, yes)).toBe('untailored')
    expect(armOf('all', false, true, () => false)).toBe('untailored')
  })
  it('a bad goal name is an invalid-value error', () => {
    expect(() => checkGoal('a b')).toThrow(expect.objectContaining({ code: 'invalid-value' }))
    expect(() => checkGoal('a b')).toThrow(CandorError)
  })
})

describe('reports: when, and how true', () => {
  it('sendsReports: never at level off; as chosen; by default unless GPC', () => {
    expect(sendsReports('off', true, false)).toBe(false)
    expect(sendsReports('all', undefined, false)).toBe(true)
    expect(sendsReports('declared', undefined, true)).toBe(false)
    expect(sendsReports('declared', true, true)).toBe(true)
    expect(sendsReports('all', false, false)).toBe(false)
  })
  it('randomize: below p the truth, from p on the flip', () => {
    const p = keepProbability(1)
    expect(randomize(true, 1, p - 1e-9)).toBe(true)
    expect(randomize(true, 1, p)).toBe(false)
    expect(randomize(false, 1, 0.999)).toBe(true)
  })
})

describe('estimate(): what it takes, and its intervals exactly', () => {
  it('ignores what is not a report, field by field; ε from 0.1 to 10 is taken', () => {
    const ok = report('tailored', true)
    const bad = [
      { ...ok, format: 'candor/preferences' },
      { ...ok, version: 2 },
      { ...ok, arm: 'untailored' },
      { ...ok, epsilon: '1' },
      { ...ok, epsilon: 0.09 },
      { ...ok, epsilon: 10.01 },
      { ...ok, goals: { read: 'yes' } },
      { ...ok, goals: { read: true, other: 1 } },
      { ...ok, goals: [true] },
    ]
    const e = estimate([...bad, { ...ok, epsilon: 0.1 }, { ...ok, epsilon: 10 }, { ...ok, goals: {} }])
    expect(e.ignored).toBe(bad.length)
    expect(e.reports).toEqual({ tailored: 3, holdout: 0 })
  })

  it('one arm: the debiased rate, and its 95% interval from λ(1 − λ) / (n(2p − 1)²)', () => {
    const p = keepProbability(1)
    const rs = Array.from({ length: 100 }, (_, i) => report('tailored', i < 40))
    const got = estimate(rs).goals.read!.tailored
    const rate = (0.4 - (1 - p)) / (2 * p - 1)
    const half = (Z95 * Math.sqrt((0.4 * 0.6) / 100)) / (2 * p - 1)
    expect(got.reports).toBe(100)
    expect(got.rate).toBeCloseTo(rate, 12)
    expect(got.low).toBeCloseTo(rate - half, 12)
    expect(got.high).toBeCloseTo(rate + half, 12)
  })

  it('the difference: tailored − holdout, its half-width from both variances; none to compare: [−1, 1]', () => {
    const p = keepProbability(1)
    const rs = [...Array.from({ length: 100 }, (_, i) => report('tailored', i < 40)), ...Array.from({ length: 50 }, (_, i) => report('holdout', i < 30))]
    const g = estimate(rs).goals.read!
    const rt = (0.4 - (1 - p)) / (2 * p - 1)
    const rh = (0.6 - (1 - p)) / (2 * p - 1)
    const half = (Z95 * Math.sqrt((0.4 * 0.6) / 100 + (0.6 * 0.4) / 50)) / (2 * p - 1)
    expect(g.difference.value).toBeCloseTo(rt - rh, 12)
    expect(g.difference.low).toBeCloseTo(rt - rh - half, 12)
    expect(g.difference.high).toBeCloseTo(rt - rh + half, 12)
    expect(estimate([report('tailored', true)]).goals.read!.difference).toEqual({ value: 0, low: -1, high: 1 })
  })
})

describe('the verdict at its edges', () => {
  it('ten views in each arm are enough to say; nine in either are too few', () => {
    expect(verdict({ views: 10, reached: 10 }, { views: 10, reached: 0 })).toBe('helps')
    expect(verdict({ views: 9, reached: 9 }, { views: 100, reached: 0 })).toBe('too-few')
    expect(verdict({ views: 100, reached: 100 }, { views: 9, reached: 0 })).toBe('too-few')
    expect(verdict({ views: 10, reached: 0 }, { views: 10, reached: 10 })).toBe('worse')
  })
  it('"no difference we can see" only when the whole interval lies within ±0.1', () => {
    // Holds 0 but reaches past +0.1, or past −0.1: too few to tell.
    expect(verdict({ views: 200, reached: 70 }, { views: 200, reached: 60 })).toBe('too-few')
    expect(verdict({ views: 200, reached: 60 }, { views: 200, reached: 70 })).toBe('too-few')
    expect(verdict({ views: 5000, reached: 1500 }, { views: 5000, reached: 1500 })).toBe('no-difference')
  })
})

describe('the counts at their edges', () => {
  it('at most 50 goals a week; one already counted still counts', () => {
    let t = {}
    for (let i = 0; i < MAX_GOALS + 5; i++) t = addGoal(t, 0, 'tailored', 'g' + i)
    t = addGoal(t, 0, 'tailored', 'g0')
    const goals = Object.values(t as Record<string, { tailored: { goals: Record<string, number> } }>)[0]!.tailored.goals
    expect(Object.keys(goals)).toHaveLength(MAX_GOALS)
    expect(goals.g0).toBe(2)
  })
  it('weeks are kept oldest first, as they were counted', () => {
    const W = 7 * 864e5
    let t = addView({}, 0, 'tailored')
    t = addView(t, W, 'tailored')
    t = addView(t, 2 * W, 'holdout')
    t = addView(t, 3 * W, 'holdout')
    expect(Object.keys(t)).toEqual(['1970-W01', '1970-W02', '1970-W03', '1970-W04'])
  })
  it('a stored tally reads at most 24 weeks and 50 goals, and only real week names', () => {
    const arm = (goals: Record<string, number> = {}) => ({ views: 1, goals })
    const week = { tailored: arm(), holdout: arm(), reports: 0 }
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`2026-W${String(i + 10).padStart(2, '0')}`, week]))
    expect(Object.keys(parseTally(many))).toHaveLength(24)
    const goals = Object.fromEntries(Array.from({ length: 60 }, (_, i) => ['g' + i, 1]))
    expect(Object.keys(parseTally({ '2026-W49': { ...week, tailored: arm(goals) } })['2026-W49']!.tailored.goals)).toHaveLength(50)
    expect(parseTally({ 'x2026-W49': week, '2026-W49x': week })).toEqual({})
  })
})

describe('"Does tailoring help you?" from stored counts', () => {
  it('defaults ε to 1, says the catalog’s share, and never claims more reaches than views', async () => {
    await (await open()).set('topics', ['science'])
    await seed('daily-planet', {
      measure: { v: 1, weeks: { [isoWeek(Date.now())]: { tailored: { views: 2, goals: { read: 5 } }, holdout: { views: 0, goals: {} }, reports: 0 } } },
    })
    const c = await open({ catalog: { ...base, measure: { holdout: 0.3 } } as Catalog, draw: 0.9 })
    c.get('topics')
    const m = c.measurement
    expect(m).toMatchObject({ holdout: 0.3, epsilon: 1, truthful: keepProbability(1) })
    expect(m.goals[0]!.tailored).toMatchObject({ views: 3, reached: 3 })
  })
})

describe('a week as a time', () => {
  it('weekStart: the Monday 00:00 UTC of the week, on any day of it', async () => {
    const { weekStart } = await import('../src/measure/week')
    const monday = Date.UTC(2026, 10, 30)
    for (const day of [0, 2, 6]) expect(weekStart(monday + day * 864e5 + 13 * 3600e3)).toBe(monday)
  })
  it('estimate() ignores a report with one goal that isn’t true or false', () => {
    expect(estimate([{ ...report('tailored', true), goals: { read: true, other: 1 } }]).ignored).toBe(1)
  })
})
