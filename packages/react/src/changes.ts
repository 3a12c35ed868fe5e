// A number that moves on every change of an instance: the stable snapshot React's useSyncExternalStore
// compares (`get()` returns a new array on each call, so it can't be the snapshot itself).
import type { Candor } from '@candor/core'

/** What the server renders, and the client's first render while it hydrates: the page as everyone sees it. */
export const SERVER = -1

interface Changes {
  count: number
}

const counters = new WeakMap<Candor, Changes>()

/**
 * How many changes the instance has had since this module first saw it. Its listener stays for the instance's
 * life, so a change between a render and React's own subscription still moves the number.
 */
export const changesOf = (candor: Candor): number => {
  let c = counters.get(candor)
  if (!c) {
    const fresh: Changes = (c = { count: 0 })
    counters.set(candor, fresh)
    candor.subscribe(() => void fresh.count++)
  }
  return c.count
}
