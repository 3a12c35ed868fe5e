// Wakes whatever depends on the time when the next value fades: the store's clock is bumped then.
import { nextFade } from './rules.js'
import type { Store } from './store.js'

/** setTimeout's ceiling (about 24.8 days): a later fade is re-armed when this one fires. */
const MAX_DELAY = 2 ** 31 - 1

/** Bumps `clock` when the next value fades. Returns the function that stops it. */
export const watchFades = (store: Store, now: () => number): (() => void) => {
  let at: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let seen: unknown
  const arm = () => {
    // Only a change of the records can change the next fade.
    if (store.state.records === seen) return
    seen = store.state.records
    const t = now()
    const next = nextFade(store.state.records.values(), t)
    if (next === at) return
    clearTimeout(timer)
    at = next
    if (next !== undefined)
      timer = setTimeout(
        () => {
          at = undefined
          seen = undefined
          store.update({ clock: store.state.clock + 1 })
        },
        Math.min(next - t + 1, MAX_DELAY),
      )
  }
  arm()
  const stop = store.listen(arm)
  return () => {
    stop()
    clearTimeout(timer)
  }
}
