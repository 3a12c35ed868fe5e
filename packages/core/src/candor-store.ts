// Svelte's store contract over an instance: `subscribe(run)` calls `run` at once and after every change,
// where the instance's own `subscribe` calls only after changes (and stays as it is for those who use it).
import type { Candor, Catalog } from './types.js'

/** A readable store: Svelte's `$store`, or anything that takes the same contract. */
export interface Readable<T> {
  /** Calls `run` with the value now, then after every change. Returns the function that stops it. */
  subscribe(run: (value: T) => void): () => void
}

/**
 * A store of `read(candor)` (default: the instance itself), read at once and again after every change.
 * A `get` inside `read` counts a read each time, unless it gives an `element`.
 * @example const topics = candorStore(candor, (c) => c.get('topics', { reason: 'Orders the front page' }))
 */
export const candorStore = <C extends Catalog, T = Candor<C>>(candor: Candor<C>, read: (candor: Candor<C>) => T = (c) => c as T): Readable<T> => ({
  subscribe(run) {
    run(read(candor))
    return candor.subscribe(() => run(read(candor)))
  },
})
