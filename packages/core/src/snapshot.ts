// A small synchronous copy of the declared values in use, in localStorage, so a page can tailor
// before IndexedDB can open (a returning visit shows its tailored content at once). IndexedDB
// stays the only source of truth: the copy is rewritten after every change there, removed when
// nothing is in use and by clear(), and a page re-decides as soon as IndexedDB answers.
import type { Context } from './context.js'
import { isObject, isValue } from './guards.js'
import { snapshotKey } from './names.js'
import { declaredInUse } from './rules.js'
import type { Value } from './types.js'

/** The format of the snapshot this build writes. */
const SNAPSHOT_VERSION = 1

/** The values in use the last time this site's preferences changed, or `undefined`. Never throws. */
export const readSnapshot = (site: string, now = Date.now()): Record<string, Value> | undefined => {
  try {
    const s: unknown = JSON.parse(localStorage.getItem(snapshotKey(site)) || 'null')
    if (!isObject(s) || s.v !== SNAPSHOT_VERSION || !isObject(s.values) || (typeof s.until == 'number' && s.until <= now)) return
    const out: Record<string, Value> = Object.create(null)
    for (const [id, v] of Object.entries(s.values)) if (isValue(v)) out[id] = v
    return out
  } catch {
    // Storage blocked, or a damaged copy: the page waits for IndexedDB instead.
  }
}

/**
 * The share of views held out that the copy was written with (0 when the visitor turned holdouts off), so a
 * page that tailors from the copy can tell a holdout view before its catalog is in. Never throws.
 */
export const snapshotHoldout = (site: string): number => {
  try {
    const h = JSON.parse(localStorage.getItem(snapshotKey(site)) || 'null')?.h
    return typeof h == 'number' && h > 0 && h <= 0.5 ? h : 0
  } catch {
    return 0
  }
}

/** Replaces the copy; `until` is when the first of these values fades; `h`, the share of views held out. */
export const writeSnapshot = (site: string, values: Record<string, Value>, until?: number, h?: number) => {
  try {
    const ids = Object.keys(values)
    if (!ids.length) return localStorage.removeItem(snapshotKey(site))
    const text = JSON.stringify({ v: SNAPSHOT_VERSION, until, values, h: h || undefined })
    if (localStorage.getItem(snapshotKey(site)) !== text) localStorage.setItem(snapshotKey(site), text)
  } catch {}
}

/**
 * Keeps the copy following what IndexedDB holds: declared values in use at the visitor's level,
 * never inferred ones, never a preview. Returns the function that stops it.
 */
export const keepSnapshot = ({ store, site, fps, now, catalog }: Context): (() => void) => {
  let last: unknown[] = []
  const write = () => {
    const s = store.state
    // Only what the copy is made of: other changes (history, a preview, problems) leave it as it is.
    const from = [s.records, s.storedLevel, s.storage, s.clock, s.measure.holdouts]
    if (from.every((x, i) => x === last[i])) return
    last = from
    const t = now()
    const values: Record<string, Value> = {}
    let until: number | undefined
    // In memory, changes aren't saved: the next page waits for IndexedDB rather than trust a copy of them.
    if (s.storage.kind == 'indexeddb')
      for (const [id, r] of s.records)
        if (declaredInUse(r, fps.get(id), s.storedLevel, t)) {
          values[id] = r.value!
          if (r.expiresAt) until = Math.min(until ?? Infinity, r.expiresAt)
        }
    writeSnapshot(site, values, until, s.measure.holdouts === false ? 0 : catalog.measure?.holdout)
  }
  write()
  return store.listen(write)
}
