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
