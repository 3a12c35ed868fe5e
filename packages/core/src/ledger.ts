// The usage ledger: which signals this page read, why, and for which elements.
import type { ReadOptions, UsageEntry, UsageLedger } from './types.js'

/** At most this many distinct reasons are kept per signal, each cut to MAX_REASON_LENGTH characters. */
export const MAX_REASONS = 20
export const MAX_REASON_LENGTH = 300

export interface Ledger {
  /**
   * Records a read. A read for an element counts once per element, however often the page decides it
   * again (the drop-in re-decides every gated element on each change); a read without one counts each call.
   */
  read(id: string, options?: ReadOptions): void
  /** How many reads of `id` this page made. */
  reads(id: string): number
  /** The ledger as it is now. */
  usage(): UsageLedger
  /** Calls `fn` after the task in which the ledger changed (a read inside a computed must not write a signal). */
  watch(fn: () => void): () => void
}

interface Entry {
  count: number
  reasons: string[]
  elements: Set<Element>
  lastAt: number
}

export const createLedger = (now: () => number): Ledger => {
  const entries = new Map<string, Entry>()
  const watchers = new Set<() => void>()
  let cached: UsageLedger | undefined
  let queued = false
  const changed = () => {
    cached = undefined
    if (queued || !watchers.size) return
    queued = true
    queueMicrotask(() => {
      queued = false
      for (const fn of watchers) fn()
    })
  }
  return {
    read(id, o) {
      let u = entries.get(id)
      if (!u) entries.set(id, (u = { count: 0, reasons: [], elements: new Set(), lastAt: 0 }))
      const el = o?.element
      const reason = o?.reason
      const fresh = typeof reason == 'string' && reason && u.reasons.length < MAX_REASONS && !u.reasons.includes(reason.slice(0, MAX_REASON_LENGTH))
      if (fresh) u.reasons.push(reason.slice(0, MAX_REASON_LENGTH))
      if (!el || !u.elements.has(el)) {
        if (el) u.elements.add(el)
        u.count++
        u.lastAt = now()
      } else if (!fresh) return
      changed()
    },
    reads: (id) => entries.get(id)?.count ?? 0,
    usage() {
      if (cached) return cached
      // No prototype: usage["constructor"] is a signal's entry or nothing.
      const out: Record<string, UsageEntry> = Object.create(null)
      for (const [id, u] of entries) out[id] = { count: u.count, reasons: u.reasons.slice(), elements: [...u.elements], lastAt: u.lastAt }
      return (cached = out)
    },
    watch(fn) {
      watchers.add(fn)
      return () => void watchers.delete(fn)
    },
  }
}
