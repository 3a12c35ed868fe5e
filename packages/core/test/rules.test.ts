import { describe, expect, it } from 'vitest'
import type { SignalRecord } from '../src/record'
import { declaredInUse, effectiveLevel, isFaded, nextFade, stateOf } from '../src/rules'
import type { Level, SignalState } from '../src/types'

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
