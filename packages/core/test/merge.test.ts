import { describe, expect, it } from 'vitest'
import { mergeRecovery, type Held } from '../src/durable'
import { HISTORY_MAX } from '../src/history'
import type { HistoryEntry } from '../src/types'

// Recovery after a storage fault, case by case: the visitor changed things in memory while IndexedDB failed;
// another tab may have written meanwhile. What must be written back is the visitor's last choice, per signal.
const rec = (value: unknown, v = 1) => ({ v, value, setAt: 1 })
const set = (id: string, at: number, value: unknown = ['x']): HistoryEntry => ({ at, action: 'set', id, value: value as never })
const level = (at: number): HistoryEntry => ({ at, action: 'level', value: 'basic' })
const held = (keys: Array<[string, number]>, entries: HistoryEntry[] = [], clearedAt?: number): Held => ({ keys: new Map(keys), entries, clearedAt })
const mine = rec(['mine'])
const theirs = rec(['theirs'])
/** What the merge writes for `key`: `undefined` = deleted, 'kept' = not written (what is stored stays). */
const outcome = (w: ReturnType<typeof mergeRecovery>, key: string) => {
  const p = w.put.find(([k]) => k == key)
  return p ? p[1] : 'kept'
}

describe('mergeRecovery: whose choice is written back', () => {
  // [case, what another tab stored, its history, when the visitor changed it in memory, what is written]
  const table: Array<[string, unknown, HistoryEntry[], number, unknown]> = [
    ['nobody else wrote: the visitor’s choice is saved', undefined, [], 100, mine],
    ['another tab chose earlier: the visitor’s later choice wins', theirs, [set('topics', 50)], 100, mine],
    ['another tab chose later: its choice stays', theirs, [set('topics', 150)], 100, 'kept'],
    ['another tab chose in the same millisecond: the visitor’s choice wins (ties go to memory)', theirs, [set('topics', 100)], 100, mine],
    ['another tab changed another signal later: this one is still the visitor’s', theirs, [set('region', 150)], 100, mine],
  ]
  it.each(table)('%s', (_, stored, history, t, written) => {
    const current = new Map<string, unknown>([
      ['s:topics', stored],
      ['history', history],
    ])
    const w = mergeRecovery(current, held([['s:topics', t]]), [], new Map([['s:topics', mine]]))
    expect(outcome(w, 's:topics')).toEqual(written)
    expect(w.skipped).toEqual([])
  })

  it('the level follows the same rule: a later level chosen in another tab stays, an earlier one is replaced', () => {
    const kept = new Map([['meta', { v: 1, level: 'off' }]])
    const later = mergeRecovery(new Map([['history', [level(150)]]]), held([['meta', 100]]), [], kept)
    expect(outcome(later, 'meta')).toBe('kept')
    const earlier = mergeRecovery(new Map([['history', [level(50)]]]), held([['meta', 100]]), [], kept)
    expect(outcome(earlier, 'meta')).toEqual({ v: 1, level: 'off' })
  })

  it('another tab changing a signal later is not a level choice: the visitor’s level is saved', () => {
    const kept = new Map([['meta', { v: 1, level: 'off' }]])
    const w = mergeRecovery(new Map([['history', [set('topics', 150)]]]), held([['meta', 100]]), [], kept)
    expect(outcome(w, 'meta')).toEqual({ v: 1, level: 'off' })
  })

  it('a signal whose id is "undefined" is not chosen by another tab’s later level change (an entry without an id)', () => {
    const w = mergeRecovery(new Map([['history', [level(150)]]]), held([['s:undefined', 100]]), [], new Map([['s:undefined', mine]]))
    expect(outcome(w, 's:undefined')).toEqual(mine)
  })

  it('a record a newer Candor wrote is kept as it is, and reported by its key', () => {
    const w = mergeRecovery(new Map([['s:topics', rec(['new'], 2)]]), held([['s:topics', 100]]), [], new Map([['s:topics', mine]]))
    expect(outcome(w, 's:topics')).toBe('kept')
    expect(w.skipped).toEqual(['s:topics'])
  })

  it('a value that faded in memory is deleted, not left as it was', () => {
    const w = mergeRecovery(new Map([['s:topics', theirs]]), held([['s:topics', 100]]), [], new Map())
    expect(outcome(w, 's:topics')).toBeUndefined()
    expect(w.put.some(([k]) => k == 's:topics')).toBe(true)
  })
})

describe('mergeRecovery: an erase made in memory', () => {
  const before = ['s:topics', 's:region', 'meta']
  const current = (history: HistoryEntry[] = [], extra: Array<[string, unknown]> = []) =>
    new Map<string, unknown>([['s:topics', theirs], ['s:region', rec('eu')], ['meta', { v: 1, level: 'basic' }], ['history', history], ...extra])

  it('deletes what was stored before it: an erased preference never comes back', () => {
    const w = mergeRecovery(current([set('topics', 10)]), held([], [], 100), before, new Map())
    expect(outcome(w, 's:topics')).toBeUndefined()
    expect(outcome(w, 's:region')).toBeUndefined()
    expect(outcome(w, 'meta')).toBeUndefined()
    // The history before the erase goes with it.
    expect(outcome(w, 'history')).toBeUndefined()
  })

  it('keeps what another tab chose after it', () => {
    const w = mergeRecovery(current([set('topics', 10), set('topics', 150), level(160)]), held([], [], 100), before, new Map())
    expect(outcome(w, 's:topics')).toBe('kept')
    expect(outcome(w, 'meta')).toBe('kept')
    expect(outcome(w, 's:region')).toBeUndefined()
    expect(outcome(w, 'history')).toEqual([set('topics', 150), level(160)])
  })

  it('then saves what the visitor chose in memory after the erase', () => {
    const w = mergeRecovery(current(), held([['s:topics', 120]], [set('topics', 120)], 100), before, new Map([['s:topics', mine]]))
    expect(outcome(w, 's:topics')).toEqual(mine)
    expect(outcome(w, 's:region')).toBeUndefined()
    expect(outcome(w, 'history')).toEqual([set('topics', 120)])
  })

  it('another tab’s choice in the same millisecond as the erase: the erase wins, record and history entry go', () => {
    const w = mergeRecovery(current([set('topics', 100), set('region', 101)]), held([], [], 100), before, new Map())
    expect(outcome(w, 's:topics')).toBeUndefined()
    expect(outcome(w, 's:region')).toBe('kept')
    expect(outcome(w, 'history')).toEqual([set('region', 101)])
  })

  it('leaves a newer Candor’s record stored before the erase alone', () => {
    const w = mergeRecovery(current([], [['s:later', rec(1, 2)]]), held([], [], 100), [...before, 's:later'], new Map())
    expect(outcome(w, 's:later')).toBe('kept')
  })
})

describe('mergeRecovery: the history', () => {
  it('merges memory’s entries into what is stored: no duplicates, in time order', () => {
    const stored = [set('a', 10), set('b', 30)]
    const w = mergeRecovery(new Map([['history', stored]]), held([['s:c', 20]], [set('c', 20), set('b', 30)]), [], new Map([['s:c', mine]]))
    expect(outcome(w, 'history')).toEqual([set('a', 10), set('c', 20), set('b', 30)])
  })

  it(`is cut at the last ${HISTORY_MAX} entries, keeping the newest`, () => {
    const stored = Array.from({ length: HISTORY_MAX }, (_, i) => set('a', i))
    const w = mergeRecovery(new Map([['history', stored]]), held([['s:a', 5000]], [set('a', 5000)]), [], new Map([['s:a', mine]]))
    const h = outcome(w, 'history') as HistoryEntry[]
    expect(h).toHaveLength(HISTORY_MAX)
    expect(h[0]!.at).toBe(1)
    expect(h.at(-1)!.at).toBe(5000)
  })

  it('none stored yet: the entries written in memory become the history', () => {
    const w = mergeRecovery(new Map(), held([['s:a', 5]], [set('a', 5)]), [], new Map([['s:a', mine]]))
    expect(outcome(w, 'history')).toEqual([set('a', 5)])
  })

  it('is not written when memory added nothing and nothing was erased', () => {
    const w = mergeRecovery(new Map([['history', [set('a', 1)]]]), held([['s:a', 5]]), [], new Map([['s:a', mine]]))
    expect(outcome(w, 'history')).toBe('kept')
  })

  it('a history in a shape this version doesn’t know is left alone', () => {
    const w = mergeRecovery(new Map<string, unknown>([['history', { v: 9 }]]), held([['s:a', 5]], [set('a', 5)]), [], new Map([['s:a', mine]]))
    expect(outcome(w, 'history')).toBe('kept')
  })
})
