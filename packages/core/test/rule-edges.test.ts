// The edges of the pure rules that the mutation run of issue 26 found untold apart: which fade comes next, which weeks a
// stored tally keeps, what a goal's name may be, and which label a moved value is said by.
//
// Each test loads the rules afresh (`fresh`): their module-level definitions (a regex, an arrow assigned to a constant)
// then run inside that test, so a mutation tool that scores per test (Stryker's `perTest`) runs their mutants against it.
// Imported at the top, they ran once, before any test, and were scored only against whichever test loaded them first.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SignalRecord } from '../src/record'
import { WEEKS_KEPT } from '../src/measure/tally'

beforeEach(() => {
  vi.resetModules()
})
const fresh = async () => ({
  ...(await import('../src/measure/arm')),
  ...(await import('../src/measure/estimate')),
  ...(await import('../src/measure/response')),
  ...(await import('../src/measure/results')),
  ...(await import('../src/record')),
  ...(await import('../src/measure/counting')),
  ...(await import('../src/measure/tally')),
  ...(await import('../src/measure/week')),
  ...(await import('../src/rank')),
  ...(await import('../src/rules')),
})

const fading = (...at: number[]) => at.map((expiresAt) => ({ expiresAt }) as SignalRecord)

describe('nextFade', () => {
  it('is the earliest fade after now, whatever order the records come in', async () => {
    const { nextFade } = await fresh()
    expect(nextFade(fading(200, 300), 150)).toBe(200)
    expect(nextFade(fading(300, 200), 150)).toBe(200)
  })
  it('leaves out what faded already, at now included', async () => {
    const { nextFade } = await fresh()
    expect(nextFade(fading(100, 150, 400), 150)).toBe(400)
    expect(nextFade(fading(100), 150)).toBeUndefined()
  })
})

describe('a stored tally', () => {
  it('keeps a week by its ISO key alone: nothing before or after it', async () => {
    const { emptyWeek, parseTally } = await fresh()
    const w = emptyWeek()
    expect(Object.keys(parseTally({ '2026-W01': w, 'x2026-W02': w, '2026-W03x': w, '226-W04': w, '2026-Wa5': w }))).toEqual(['2026-W01'])
  })
  it(`a view added to a tally of the last ${WEEKS_KEPT} weeks keeps all of them`, async () => {
    const { addView, emptyWeek, lastWeeks } = await fresh()
    const t = Date.UTC(2026, 4, 4, 9)
    const full = Object.fromEntries(lastWeeks(t, WEEKS_KEPT).map((k) => [k, emptyWeek()]))
    expect(Object.keys(addView(full, t, 'tailored')).sort()).toEqual(lastWeeks(t, WEEKS_KEPT).sort())
  })
})

describe("a goal's name", () => {
  it('is the whole string: nothing around a good name passes', async () => {
    const { checkGoal } = await fresh()
    expect(() => checkGoal('read')).not.toThrow()
    expect(() => checkGoal('a read')).toThrow(/goal\("a read"\)/)
    expect(() => checkGoal('read!')).toThrow(/goal\("read!"\)/)
  })
})

describe('rankItems', () => {
  it('says each value that moved up by its own option’s label', async () => {
    const { rankItems } = await fresh()
    const signals = [
      {
        options: [
          { value: 'sports', label: 'Sports' },
          { value: 'science', label: 'Science' },
        ],
      },
    ]
    const items = ['a', 'b']
    const r = rankItems(items, { rank: 'topics', about: (x) => (x == 'b' ? 'science' : 'sports') }, () => ['science'], signals)
    expect(r.items).toEqual(['b', 'a'])
    expect(r.labels).toEqual(['Science'])
  })
})

describe('what a control and a ranked container may name', () => {
  it('a declared value holds its option (a boolean: when on); a boolean orders nothing', async () => {
    const { holdsOption, whyNotRank } = await fresh()
    expect(holdsOption(['science'], 'science')).toBe(true)
    expect(holdsOption(['science'], 'sports')).toBe(false)
    expect(holdsOption(true)).toBe(true)
    expect(whyNotRank({ id: 'compact', type: 'boolean', label: 'Compact', purpose: 'p' })).toMatch(/"compact" is on or off/)
  })
  it('a declared value is in use at any stored level but "off"', async () => {
    const { declaredInUse } = await fresh()
    const r = { v: 1, setAt: 1, fp: 'f', value: ['science'] } as SignalRecord
    expect(declaredInUse(r, 'f', undefined, 2)).toBe(true)
    expect(declaredInUse(r, 'f', 'declared', 2)).toBe(true)
    expect(declaredInUse(r, 'f', 'off', 2)).toBe(false)
  })
})

describe('randomized response and what a site estimates from it', () => {
  const report = (goal: boolean) => ({ format: 'candor/report', version: 1, arm: 'tailored', week: '2026-W49', epsilon: 1, goals: { read: goal } })
  it('tells the truth with probability e^ε / (1 + e^ε); ε from 0.1 to 10', async () => {
    const { isEpsilon, keepProbability, randomize } = await fresh()
    expect(keepProbability(1)).toBeCloseTo(0.731, 3)
    expect(randomize(true, 1, 0.5)).toBe(true)
    expect(randomize(true, 1, 0.9)).toBe(false)
    expect([isEpsilon(1), isEpsilon(0), isEpsilon('1')]).toEqual([true, false, false])
  })
  it('counts only reports in the documented format, and keeps every rate within [0, 1]', async () => {
    const { estimate } = await fresh()
    const e = estimate([report(true), report(true), { ...report(true), format: 'other' }, 'junk'])
    expect([e.reports.tailored, e.ignored]).toEqual([2, 2])
    const { rate, low, high } = e.goals.read!.tailored
    expect(rate).toBe(1)
    expect(low).toBeGreaterThanOrEqual(0)
    expect(high).toBe(1)
  })
})

describe('what this browser measured', () => {
  it('on a catalog that holds nothing out: no holdout, the default ε, the goals its counts name', async () => {
    const { parseMeasureRow, results } = await fresh()
    const measure = parseMeasureRow({ v: 1, weeks: {} })
    const ctx = { store: { state: { measure, storedLevel: undefined } }, catalog: { site: 's', signals: [] }, gpc: false, now: () => 0 }
    const m = results(ctx as never)
    expect([m.holdout, m.epsilon, m.goals]).toEqual([0, 1, []])
  })
})
