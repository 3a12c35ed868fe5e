// Everything that changes what is stored, each change built on one `commit`: memory at once, then
// storage, in one transaction with its history entry. Loaded with the editing part.
import { declared, type Context } from './context.js'
import type { Durable } from './durable.js'
import type { WRITES } from './editor.js'
import { CandorError, invalid } from './errors.js'
import { appendStored, appended } from './history.js'
import { LEVELS, SCHEMA, guardNewer, parseRecord, signalKey, type SignalRecord } from './record.js'
import { isFaded, newRecord, toggled, whyNotToggle } from './rules.js'
import { withEntry } from './store.js'
import type { Candor, HistoryEntry, Value } from './types.js'
import { checkValue, copyValue, shown } from './value.js'

/** The methods of `Candor` that change what is stored (`WRITES`). */
export type Writer = Pick<Candor, (typeof WRITES)[number]>

/** Applies `make` to a signal's record in memory at once, then in storage with its history entry (see `commit`). */
export type Commit = (
  id: string,
  action: HistoryEntry['action'],
  make: (prev: SignalRecord | undefined) => SignalRecord | undefined,
  value?: Value,
  page?: string,
) => Promise<void>

/**
 * What the rare writes (rare-writes.ts) are given: the instance's context, its storage, each signal's last change in
 * this tab, and the writer's `commit`.
 */
export type WriterParts = readonly [ctx: Context, durable: Durable, latest: Map<string, unknown>, commit: Commit]

/** A page path kept in the history is cut to this many characters. */
const MAX_PAGE_LENGTH = 300

export const createWriter = (ctx: Context, durable: Durable): Writer => {
  const { store, now, fps } = ctx
  const fpOf = (id: string) => fps.get(id)!
  // Each signal's last change in this tab, by its history entry; an erase empties it.
  const latest = new Map<string, HistoryEntry>()

  /** Applies `make` to memory at once, then to what is stored, in one transaction with the history entry. */
  const commit: Commit = async (id, action, make, value, page) => {
    const key = signalKey(id)
    const entry: HistoryEntry = { at: now(), action, id }
    if (value !== undefined) entry.value = copyValue(value)
    if (page !== undefined) entry.page = page
    let stored: SignalRecord | undefined
    ctx.edits++
    latest.set(id, entry)
    store.update({ records: withEntry(store.state.records, id, make(store.state.records.get(id))), history: appended(store.state.history, entry) })
    await durable.persist(
      [key, 'history'],
      (cur) => {
        guardNewer(cur, key)
        stored = make(parseRecord(cur.get(key)))
        return {
          put: [
            [key, stored],
            ['history', appendStored(cur.get('history'), entry)],
          ],
        }
      },
      [entry],
    )
    // What the transaction wrote is the truth, should another tab have changed the record meanwhile, unless this tab
    // changed it again since (or erased everything): that change is newer. The same record isn't set again, which
    // would re-render every view of it for nothing.
    if (latest.get(id) == entry && JSON.stringify(stored) !== JSON.stringify(store.state.records.get(id)))
      store.update({ records: withEntry(store.state.records, id, stored) })
  }

  // What the rare writes (rare-writes.ts, loaded when first made) are given.
  const parts: WriterParts = [ctx, durable, latest, commit]

  // Async methods: misuse rejects the promise, never throws synchronously into the page.
  return {
    set: async (id, value, o) => {
      const d = declared(ctx, id)
      const why = checkValue(d, value)
      if (why) throw invalid('set', id, why)
      const r = newRecord(d, fpOf(id), value, now())
      if (o?.oneOff) r.oneOff = true
      await commit(id, 'set', () => r, value)
    },
    toggle: async (id, option, o) => {
      const d = declared(ctx, id)
      const why = whyNotToggle(d, typeof option == 'string' ? option : option === undefined ? undefined : shown(option))
      if (why) throw new CandorError('invalid-value', `toggle("${id}"): ${why}`, [`${id}: ${why}`])
      const page = typeof o?.page == 'string' ? o.page.slice(0, MAX_PAGE_LENGTH) : undefined
      const prev = store.state.records.get(id)
      const next = toggled(d, isFaded(prev, now()) ? undefined : prev?.value, option)
      if (next === undefined) await commit(id, 'forget', () => undefined, undefined, page)
      else await commit(id, 'set', () => newRecord(d, fpOf(id), next, now()), next, page)
      // Puts back the record as it was, turned off, one-off or unset included.
      return () => commit(id, prev?.value === undefined ? 'forget' : 'set', () => prev, prev?.value, page)
    },
    turnOff: async (id) => {
      const d = declared(ctx, id)
      await commit(id, 'off', (p) => ({ ...(p ?? newRecord(d, fpOf(id), undefined, now())), off: true }))
    },
    turnOn: async (id) => {
      declared(ctx, id)
      await commit(id, 'on', (p) => {
        if (p?.value === undefined) return
        const { off, ...on } = p
        return on
      })
    },
    forget: async (id) => {
      declared(ctx, id)
      if (store.state.inferred.has(id)) store.update({ inferred: withEntry(store.state.inferred, id, undefined) })
      await commit(id, 'forget', () => undefined)
    },
    setLevel: async (l) => {
      if (!LEVELS.includes(l)) throw new CandorError('invalid-value', `setLevel(${JSON.stringify(l)}): the level must be "off", "declared" or "all"`)
      const entry: HistoryEntry = { at: now(), action: 'level', value: l }
      ctx.edits++
      store.update({ storedLevel: l, history: appended(store.state.history, entry) })
      await durable.persist(
        ['meta', 'history'],
        (cur) => {
          guardNewer(cur, 'meta')
          return {
            put: [
              ['meta', { v: SCHEMA, level: l }],
              ['history', appendStored(cur.get('history'), entry)],
            ],
          }
        },
        [entry],
      )
    },
    // The writes a visitor makes rarely load when first made (rare-writes.ts); memory changes once they are in.
    renew: async (id) => (await import('./rare-writes.js')).renew(parts, id),
    confirm: async (id) => (await import('./rare-writes.js')).confirm(parts, id),
    forgetOrphan: async (id) => (await import('./rare-writes.js')).forgetOrphan(parts, id),
    setHoldouts: async (on) => (await import('./rare-writes.js')).setHoldouts(parts, on),
    setReports: async (on) => (await import('./rare-writes.js')).setReports(parts, on),
    // Applying a file loads with its checker, only when a visitor imports one. Erasing loads with the other rare writes;
    // memory and storage are emptied together once it is in, so a write made meanwhile is erased in both or in neither.
    import: async (doc) => (await import('./rare-writes.js')).importFile(parts, doc),
    clear: async () => (await import('./rare-writes.js')).erase(parts),
    // Another device's preferences: making, reading and accepting a link load with them, when a visitor uses one.
    transferLink: async (href) => (await import('./rare-writes.js')).link(parts, href),
    readTransfer: async (fragment) => (await import('./rare-writes.js')).read(parts, fragment),
    acceptTransfer: async (p) => (await import('./rare-writes.js')).accept(parts, p),
  }
}
