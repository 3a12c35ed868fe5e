// Loading code on demand: one load at a time, shared by every caller; a failed load (offline, blocked)
// is forgotten, so the next call tries again instead of failing for the rest of the page.

/** Wraps `load` so it runs once while it succeeds, and again after it failed. */
export const loadOnce = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined
  return () =>
    (p ||= load().catch((e) => {
      p = undefined
      throw e
    }))
}
