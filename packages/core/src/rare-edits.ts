// Changes a visitor makes rarely, loaded with the other rare writes when first made: keeping a value that fades,
// confirming an inferred one, forgetting one the catalog no longer declares, and the choices on measuring.
import { declared } from './context.js'
import { CandorError, invalid } from './errors.js'
import { guardNewer, parseMeasureRow, type MeasureRow, type SignalRecord } from './record.js'
import { expiryOf, newRecord } from './rules.js'
import { checkValue, shown } from './value.js'
import type { WriterParts } from './writes.js'

/** Keeps a value for another lifetime, from now (the visitor's "keep"). */
export const renew = async ([ctx, , , commit]: WriterParts, id: string): Promise<void> => {
  const d = declared(ctx, id)
  const mine = ctx.store.state.records.get(id)
  if (mine?.value === undefined) throw invalid('renew', id, 'is not set, so there is nothing to renew')
  const why = checkValue(d, mine.value)
  if (why) throw invalid('renew', id, `no longer fits what the site now means by "${d.label}" (it ${why}): set a new one or forget it`)
  const t = ctx.now()
  await commit(id, 'renew', (p) => {
    // A value that faded at startup is gone from storage; the visitor's "keep" brings it back.
    const r: SignalRecord = { ...(p?.value !== undefined ? p : mine), fp: ctx.fps.get(id)! }
    delete r.expiresAt
    const exp = expiryOf(d, t)
    if (exp) r.expiresAt = exp
    return r
  })
}

/** Makes the value inferred on this page the visitor's own. */
export const confirm = async ([ctx, , , commit]: WriterParts, id: string): Promise<void> => {
  const d = declared(ctx, id)
  const inf = ctx.store.state.inferred.get(id)
  if (!inf) throw new CandorError('not-inferred', `confirm("${id}"): there is no inferred value on this page to confirm`)
  await commit(id, 'confirm', () => newRecord(d, ctx.fps.get(id)!, inf.value, ctx.now()), inf.value)
}

/** Deletes the stored value of a signal the catalog no longer declares. */
export const forgetOrphan = async ([ctx, , , commit]: WriterParts, id: unknown): Promise<void> => {
  if (typeof id != 'string') throw new CandorError('invalid-value', `forgetOrphan(${shown(id)}): a signal id is a string`)
  if (ctx.defs.has(id)) throw new CandorError('invalid-value', `forgetOrphan("${id}"): "${id}" is declared; use forget("${id}")`)
  await commit(id, 'forget', () => undefined)
}

/** Changes the visitor's choices on measuring, keeping the counts as stored. */
const measureChoice = async ([ctx, durable]: WriterParts, what: string, on: unknown, change: (m: MeasureRow) => void) => {
  if (typeof on != 'boolean') throw new CandorError('invalid-value', `${what}(${shown(on)}): pass true or false`)
  const mine = { ...ctx.store.state.measure }
  change(mine)
  ctx.edits++
  ctx.store.update({ measure: mine })
  await durable.persist(['measure'], (cur) => {
    guardNewer(cur, 'measure')
    const m = parseMeasureRow(cur.get('measure'))
    change(m)
    return { put: [['measure', m]] }
  })
}

/** Whether some views show the page everyone sees, to measure tailoring against it. */
export const setHoldouts = (parts: WriterParts, on: boolean): Promise<void> =>
  measureChoice(parts, 'setHoldouts', on, (m) => {
    if (on) delete m.holdouts
    else m.holdouts = false
  })

/** Whether this browser sends the site its anonymous reports. */
export const setReports = (parts: WriterParts, on: boolean): Promise<void> => measureChoice(parts, 'setReports', on, (m) => (m.reports = on))
