import { describe, expect, it } from 'vitest'
import { mergeRecovery, type Held } from '../src/durable'

const rec = (value: unknown) => ({ v: 1, value, setAt: 1, fp: 'f' })
const held = (keys: Record<string, number>, over: Partial<Held> = {}): Held => ({ keys: new Map(Object.entries(keys)), entries: [], ...over })
const put = (w: { put: Array<[string, unknown]> }) => Object.fromEntries(w.put)

describe('mergeRecovery: what a recovery from memory mode writes', () => {
  it("writes memory's value of each key changed there", () => {
    const w = mergeRecovery(new Map(), held({ 's:a': 10 }), [], new Map([['s:a', rec(true)]]))
    expect(put(w)).toEqual({ 's:a': rec(true) })
  })

  it('never over a later choice another tab made', () => {
    const current = new Map<string, unknown>([
      ['history', [{ at: 20, action: 'set', id: 'a' }]],
      ['s:a', rec(false)],
    ])
    expect(put(mergeRecovery(current, held({ 's:a': 10 }), [], new Map([['s:a', rec(true)]])))).toEqual({})
    expect(put(mergeRecovery(current, held({ 's:a': 30 }), [], new Map([['s:a', rec(true)]])))).toEqual({ 's:a': rec(true) })
  })

  it('leaves a key a newer Candor stored, and reports it', () => {
    const w = mergeRecovery(new Map([['s:a', { v: 9 }]]), held({ 's:a': 10 }), [], new Map([['s:a', rec(true)]]))
    expect(put(w)).toEqual({})
    expect(w.skipped).toEqual(['s:a'])
  })

  it('after an erase in memory: what was stored before goes, unless chosen since; the history starts again', () => {
    const current = new Map<string, unknown>([
      [
        'history',
        [
          { at: 1, action: 'set', id: 'a' },
          { at: 8, action: 'set', id: 'b' },
        ],
      ],
      ['s:a', rec(1)],
      ['s:b', rec(2)],
    ])
    const w = mergeRecovery(current, held({}, { clearedAt: 5 }), ['s:a', 's:b', 'meta'], new Map())
    expect(put(w)).toEqual({ 's:a': undefined, meta: undefined, history: [{ at: 8, action: 'set', id: 'b' }] })
  })

  it('adds the history entries written in memory once, in time order', () => {
    const e = { at: 3, action: 'set' as const, id: 'a' }
    const current = new Map<string, unknown>([['history', [{ at: 1, action: 'level', value: 'all' }, e]]])
    expect(put(mergeRecovery(current, held({}, { entries: [e, { at: 2, action: 'off', id: 'b' }] }), [], new Map())).history).toEqual([
      { at: 1, action: 'level', value: 'all' },
      { at: 2, action: 'off', id: 'b' },
      e,
    ])
  })

  it("leaves a history in a shape it doesn't know alone", () => {
    expect(put(mergeRecovery(new Map([['history', { v: 9 }]]), held({}, { entries: [{ at: 2, action: 'off', id: 'b' }] }), [], new Map()))).toEqual({})
  })
})
