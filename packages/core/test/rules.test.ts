import { describe, expect, it } from 'vitest'
import type { SignalRecord } from '../src/record'
import { declaredInUse, effectiveLevel, expiryOf, explainSignal, isFaded, newRecord, nextFade, stateOf, toggled, whyNotRank, whyNotToggle } from '../src/rules'
import type { Level, SignalDefinition, SignalState } from '../src/types'

const T = 1_000_000
const rec = (over: Partial<SignalRecord> = {}): SignalRecord => ({ v: 1, value: true, setAt: 0, fp: 'fp', ...over })
const inf = { value: 'eu', basis: 'your IP address' }

describe('stateOf: (record, inferred, level, time) → state', () => {
  const table: Array<[string, SignalRecord | undefined, typeof inf | undefined, Level, SignalState]> = [
    ['nothing stored', undefined, undefined, 'all', 'unset'],
    ['a declared value', rec(), undefined, 'declared', 'active'],
    ['a declared value at level all', rec(), undefined, 'all', 'active'],
    ['a declared value at level off (or a preview)', rec(), undefined, 'off', 'forbidden-by-level'],
    ['a value whose lifetime ended', rec({ expiresAt: T }), undefined, 'all', 'expired'],
    ['a value that fades later', rec({ expiresAt: T + 1 }), undefined, 'all', 'active'],
    ['a value turned off', rec({ off: true }), undefined, 'all', 'off'],
    ['faded wins over off', rec({ off: true, expiresAt: T - 1 }), undefined, 'all', 'expired'],
    ['the site changed what it means', rec({ fp: 'old' }), undefined, 'all', 'needs-review'],
    ['off wins over review', rec({ fp: 'old', off: true }), undefined, 'all', 'off'],
    ['a one-off value', rec({ oneOff: true }), undefined, 'all', 'one-off'],
    ['an inferred value at level all', undefined, inf, 'all', 'active'],
    ['an inferred value at level declared (GPC default)', undefined, inf, 'declared', 'forbidden-by-level'],
    ['an inferred value the visitor turned off', { v: 1, setAt: 0, fp: 'fp', off: true }, inf, 'all', 'off'],
    ['a declared value beats an inferred one', rec({ value: 'us' }), inf, 'declared', 'active'],
    ['turned off with nothing declared', { v: 1, setAt: 0, fp: 'fp', off: true }, undefined, 'all', 'off'],
  ]
  it.each(table)('%s', (_, r, i, level, state) => expect(stateOf(r, i, 'fp', level, T)).toBe(state))
})

describe('the other rules', () => {
  it('declaredInUse is stateOf at the stored level, never an inferred value', () => {
    expect(declaredInUse(rec(), 'fp', undefined, T)).toBe(true)
    expect(declaredInUse(rec(), 'fp', 'declared', T)).toBe(true)
    expect(declaredInUse(rec(), 'fp', 'off', T)).toBe(false)
    expect(declaredInUse(rec({ oneOff: true }), 'fp', 'all', T)).toBe(false)
    expect(declaredInUse(rec({ expiresAt: T }), 'fp', 'all', T)).toBe(false)
    expect(declaredInUse(rec({ fp: 'old' }), 'fp', 'all', T)).toBe(false)
    expect(declaredInUse(undefined, 'fp', 'all', T)).toBe(false)
  })
  it('the level: the visitor chooses; GPC lowers only the default', () => {
    expect(effectiveLevel(undefined, false)).toBe('all')
    expect(effectiveLevel(undefined, true)).toBe('declared')
    expect(effectiveLevel('all', true)).toBe('all')
  })
  it('fades: at the instant of expiresAt, and the next one after now', () => {
    expect(isFaded(rec({ expiresAt: T }), T)).toBe(true)
    expect(isFaded(rec({ expiresAt: T + 1 }), T)).toBe(false)
    expect(isFaded(rec(), T)).toBe(false)
    expect(nextFade([rec({ expiresAt: T + 5 }), rec({ expiresAt: T - 5 }), rec({ expiresAt: T + 2 }), rec()], T)).toBe(T + 2)
    expect(nextFade([rec()], T)).toBeUndefined()
  })
})

// Found by mutation testing (pnpm test:mutation): what each rule says and does at its edges.
describe('the rules at their edges', () => {
  const topics: SignalDefinition = {
    id: 'topics',
    type: 'multi',
    label: 'Topics',
    purpose: 'P',
    lifetime: '2d',
    options: [
      { value: 'sports', label: 'Sports' },
      { value: 'science', label: 'Science' },
    ],
  }
  const compact: SignalDefinition = { id: 'compact', type: 'boolean', label: 'Compact', purpose: 'P' }

  it('whyNotRank: a boolean has nothing to order by; a list does', () => {
    expect(whyNotRank(compact)).toBe('"compact" is on or off, so it has no values to order children by: name a choice or multi signal')
    expect(whyNotRank(topics)).toBeUndefined()
  })

  it('whyNotToggle names the fix: an option to name, the options there are, or none for a boolean', () => {
    expect(whyNotToggle(topics)).toBe('name one of "topics"\'s options, e.g. "topics:sports"')
    expect(whyNotToggle(topics, 'art')).toBe('"art" is not one of "topics"\'s options (sports, science)')
    expect(whyNotToggle(topics, 'science')).toBeUndefined()
    expect(whyNotToggle(compact, 'x')).toBe('"compact" is on or off, so it takes no option: write "compact"')
    expect(whyNotToggle(compact)).toBeUndefined()
  })

  it('toggled: a multi option from nothing, a non-list value counts as nothing', () => {
    expect(toggled(topics, undefined, 'science')).toEqual(['science'])
    expect(toggled(topics, 'sports' as never, 'science')).toEqual(['science'])
  })

  it('newRecord: a value fades by the lifetime; no value, no fading; a signal without a lifetime lasts', () => {
    expect(newRecord(topics, 'fp', ['sports'], 1000)).toEqual({ v: 1, setAt: 1000, fp: 'fp', value: ['sports'], expiresAt: 1000 + 2 * 864e5 })
    expect(newRecord(topics, 'fp', undefined, 1000)).toEqual({ v: 1, setAt: 1000, fp: 'fp' })
    expect(Object.keys(newRecord(compact, 'fp', true, 1000)).sort()).toEqual(['fp', 'setAt', 'v', 'value'])
    expect(Object.keys(newRecord(topics, 'fp', undefined, 1000)).sort()).toEqual(['fp', 'setAt', 'v'])
    expect(expiryOf(undefined, 1000)).toBeUndefined()
  })

  it('nextFade: the soonest fade after now, never one at or before it', () => {
    const r = (expiresAt?: number): SignalRecord => ({ v: 1, setAt: 0, fp: 'x', value: true, ...(expiresAt === undefined ? {} : { expiresAt }) })
    expect(nextFade([r(50), r(30), r(40)], 10)).toBe(30)
    expect(nextFade([r(10), r(20)], 10)).toBe(20)
    expect(nextFade([r(), r(5)], 10)).toBeUndefined()
    expect(nextFade([r(), r(40), r(30)], 10)).toBe(30)
  })

  it('explainSignal: no fading date for a value that lasts', () => {
    const e = explainSignal(compact, { v: 1, setAt: 5, fp: 'x', value: true }, undefined, 'x', 'all', 10, 0)
    expect('expiresAt' in e).toBe(false)
    expect(e).toMatchObject({ setAt: 5, value: true, state: 'active' })
  })
})
