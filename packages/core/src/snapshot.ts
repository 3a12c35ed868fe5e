// A small synchronous copy of the declared values in use, in localStorage, so a page can tailor
// before IndexedDB can open (a returning visit shows its tailored content at once). IndexedDB
// stays the only source of truth: the copy is rewritten after every change there, removed when
// nothing is in use and by clear(), and a page re-decides as soon as IndexedDB answers.
import { isRec } from './catalog'
import { isValue } from './record'
import type { Value } from './types'

const key = (site: string) => `candor:${site}:snapshot`

/** The values in use the last time this site's preferences changed, or `undefined`. Never throws. */
export const readSnapshot = (site: string, now = Date.now()): Record<string, Value> | undefined => {
  try {
    const s: unknown = JSON.parse(localStorage.getItem(key(site)) || 'null')
    if (!isRec(s) || s.v !== 1 || !isRec(s.values) || (typeof s.until == 'number' && s.until <= now)) return
    const out: Record<string, Value> = Object.create(null)
    for (const [id, v] of Object.entries(s.values)) if (isValue(v)) out[id] = v
    return out
  } catch {
    // Storage blocked, or a damaged copy: the page waits for IndexedDB instead.
  }
}

/** Replaces the copy; `until` is when the first of these values fades. */
export const writeSnapshot = (site: string, values: Record<string, Value>, until?: number) => {
  try {
    const ids = Object.keys(values)
    if (!ids.length) return localStorage.removeItem(key(site))
    const text = JSON.stringify({ v: 1, until, values })
    if (localStorage.getItem(key(site)) !== text) localStorage.setItem(key(site), text)
  } catch {}
}
