// Everything that changes what is stored, each change built on one `commit`: memory at once, then
// storage, in one transaction with its history entry. Loaded with the editing part.
import { declared, type Context } from './context.js'
import type { Durable } from './durable.js'
import { CandorError } from './errors.js'
import { appendStored, appended } from './history.js'
import { LEVELS, SCHEMA, guardNewer, parseMeasureRow, parseRecord, signalKey, type MeasureRow, type SignalRecord } from './record.js'
import { expiryOf, isFaded, newRecord, toggled, whyNotToggle } from './rules.js'
import { withEntry } from './store.js'
import type { Candor, HistoryEntry, Value } from './types.js'
import { checkValue, copyValue, shown } from './value.js'

/** The methods of `Candor` that change what is stored. */
export type Writer = Pick<
  Candor,
  'set' | 'toggle' | 'turnOff' | 'turnOn' | 'forget' | 'renew' | 'confirm' | 'setLevel' | 'forgetOrphan' | 'import' | 'clear' | 'setHoldouts' | 'setReports'
>

/** A page path kept in the history is cut to this many characters. */
const MAX_PAGE_LENGTH = 300

const invalid = (what: string, id: string, why: string) => new CandorError('invalid-value', `${what}("${id}"): the value ${why}`, [`${id}: ${why}`])

export const createWriter = (ctx: Context, durable: Durable): Writer => {
  const { store, now, fps } = ctx
  const fpOf = (id: string) => fps.get(id)!
  // Each signal's last change in this tab, by its history entry; an erase empties it.
  const latest = new Map<string, HistoryEntry>()

  /** Applies `make` to memory at once, then to what is stored, in one transaction with the history entry. */
  const commit = async (
    id: string,
    action: HistoryEntry['action'],
    make: (prev: SignalRecord | undefined) => SignalRecord | undefined,
    value?: Value,
    page?: string,
  ) => {
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

  /** Changes the visitor's choices on measuring, keeping the counts as stored. */
  const measureChoice = async (what: string, on: unknown, change: (m: MeasureRow) => void) => {
    if (typeof on != 'boolean') throw new CandorError('invalid-value', `${what}(${shown(on)}): pass true or false`)
    const mine = { ...store.state.measure }
    change(mine)
    ctx.edits++
    store.update({ measure: mine })
    await durable.persist(['measure'], (cur) => {
      guardNewer(cur, 'measure')
      const m = parseMeasureRow(cur.get('measure'))
      change(m)
      return { put: [['measure', m]] }
    })
  }

  // Async methods: misuse rejects the promise, never throws synchronously into the page.
  return {
    setHoldouts: (on) =>
      measureChoice('setHoldouts', on, (m) => {
        if (on) delete m.holdouts
        else m.holdouts = false
      }),
    setReports: (on) => measureChoice('setReports', on, (m) => (m.reports = on)),
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
    renew: async (id) => {
      const d = declared(ctx, id)
      const mine = store.state.records.get(id)
      if (mine?.value === undefined) throw invalid('renew', id, 'is not set, so there is nothing to renew')
      const why = checkValue(d, mine.value)
      if (why) throw invalid('renew', id, `no longer fits what the site now means by "${d.label}" (it ${why}): set a new one or forget it`)
      const t = now()
      await commit(id, 'renew', (p) => {
        // A value that faded at startup is gone from storage; the visitor's "keep" brings it back.
        const r: SignalRecord = { ...(p?.value !== undefined ? p : mine), fp: fpOf(id) }
        delete r.expiresAt
        const exp = expiryOf(d, t)
        if (exp) r.expiresAt = exp
        return r
      })
    },
    confirm: async (id) => {
      const d = declared(ctx, id)
      const inf = store.state.inferred.get(id)
      if (!inf) throw new CandorError('not-inferred', `confirm("${id}"): there is no inferred value on this page to confirm`)
      await commit(id, 'confirm', () => newRecord(d, fpOf(id), inf.value, now()), inf.value)
    },
    setLevel: async (l) => {
      if (!LEVELS.includes(l))
        throw new CandorError('invalid-value', `setLevel(${JSON.stringify(l)}): the level must be "${LEVELS.slice(0, -1).join('", "')}" or "${LEVELS.at(-1)}"`)
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
    forgetOrphan: async (id) => {
      if (typeof id != 'string') throw new CandorError('invalid-value', `forgetOrphan(${shown(id)}): a signal id is a string`)
      if (ctx.defs.has(id)) throw new CandorError('invalid-value', `forgetOrphan("${id}"): "${id}" is declared; use forget("${id}")`)
      await commit(id, 'forget', () => undefined)
    },
    // Applying a file loads with its checker, only when a visitor imports one.
    import: async (doc) => (await import('./rare-writes.js')).importFile(ctx, durable, doc),
    // Erasing loads with the other rare writes; memory and storage are emptied together once it is in, so a write
    // made meanwhile is erased in both or in neither.
    clear: async () => (await import('./rare-writes.js')).erase(ctx, durable, latest),
  }
}
