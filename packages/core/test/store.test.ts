import { describe, expect, it } from 'vitest'
import { parseMeasureRow } from '../src/record'
import { createStore, type State } from '../src/store'

const initial = (): State => ({
  records: new Map(),
  inferred: new Map(),
  storedLevel: undefined,
  previewing: false,
  history: [],
  problems: [],
  storage: { kind: 'indexeddb' },
  clock: 0,
  measure: parseMeasureRow(undefined),
  view: undefined,
})

// A page re-decides on every notice: one change of several fields (a view's arm and its count) must be one notice, given once all are in.
describe('the state store', () => {
  it('tells its listeners once per batch, after the outermost one, with every change in', () => {
    const store = createStore(initial())
    const seen: Array<[boolean, number]> = []
    store.listen(() => seen.push([store.state.previewing, store.state.clock]))
    store.batch(() => {
      store.update({ previewing: true })
      store.batch(() => store.update({ clock: 1 }))
      expect(seen).toEqual([])
      store.update({ clock: 2 })
    })
    expect(seen).toEqual([[true, 2]])
    store.update({ clock: 3 })
    expect(seen).toEqual([
      [true, 2],
      [true, 3],
    ])
  })

  it('tells nothing for a batch that changed nothing, and still tells of what changed when the batch throws', () => {
    const store = createStore(initial())
    let told = 0
    const stop = store.listen(() => told++)
    store.batch(() => {})
    expect(told).toBe(0)
    expect(() =>
      store.batch(() => {
        store.update({ clock: 1 })
        throw new Error('the page’s bug')
      }),
    ).toThrow()
    expect(told).toBe(1)
    // Batching still works after a throw.
    store.batch(() => {
      store.update({ clock: 2 })
      store.update({ clock: 3 })
    })
    expect(told).toBe(2)
    store.batch(() => {})
    expect(told).toBe(2)
    stop()
    store.update({ clock: 4 })
    expect(told).toBe(2)
  })
})
