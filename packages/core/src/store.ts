// The state of one instance, in one plain object replaced on every change, and the listeners told
// of it. No framework: the startup path needs no signals library (signals.ts adapts it for those who want one).
import type { MeasuredArm } from './measure/tally.js'
import type { MeasureRow, SignalRecord } from './record.js'
import type { Inferred } from './rules.js'
import type { HistoryEntry, Level, Problem, StorageStatus } from './types.js'

export interface State {
  records: ReadonlyMap<string, SignalRecord>
  /** Values the site inferred for this page view; never stored. */
  inferred: ReadonlyMap<string, Inferred>
  /** The level the visitor chose, `undefined` for the default. */
  storedLevel: Level | undefined
  previewing: boolean
  history: readonly HistoryEntry[]
  problems: readonly Problem[]
  storage: StorageStatus
  /** Bumped when a value's lifetime ends, so what depends on the time is decided again. */
  clock: number
  /** What is stored under `measure`. */
  measure: MeasureRow
  /** This page view's measured arm and week, once decided (`undefined`: the view isn't measured). */
  view: { arm: MeasuredArm; week: string } | undefined
}

export interface Store {
  /** The state now; replaced, never mutated. */
  state: State
  /** Replaces some fields; listeners are told once, after the outermost `batch`. */
  update(patch: Partial<State>): void
  batch(fn: () => void): void
  /** Calls `fn` after every change. Returns the function that stops it. */
  listen(fn: () => void): () => void
}

export const createStore = (state: State): Store => {
  const listeners = new Set<() => void>()
  let depth = 0
  let dirty = false
  const tell = () => {
    dirty = false
    for (const fn of [...listeners]) fn()
  }
  const store: Store = {
    state,
    update(patch) {
      store.state = { ...store.state, ...patch } as State
      dirty = true
      if (!depth) tell()
    },
    batch(fn) {
      depth++
      try {
        fn()
      } finally {
        if (!--depth && dirty) tell()
      }
    },
    listen(fn) {
      listeners.add(fn)
      return () => void listeners.delete(fn)
    },
  }
  return store
}

/** `map` with `key` set to `value`, or deleted when `value` is `undefined`: a new map, so a change is a new state. */
export const withEntry = <V>(map: ReadonlyMap<string, V>, key: string, value: V | undefined): Map<string, V> => {
  const m = new Map(map)
  value === undefined ? m.delete(key) : m.set(key, value)
  return m
}
