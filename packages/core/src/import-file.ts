// Applies a file the visitor imports: checked whole by importing.ts, then stored in one transaction with a history
// entry, and only then shown. Loaded only when a visitor imports a file.
import type { Context } from './context.js'
import type { Durable } from './durable.js'
import { appended, parseHistory } from './history.js'
import { fromExport } from './importing.js'
import { SCHEMA, guardNewer, parseMeasureRow, signalKey, type MeasureRow } from './record.js'
import type { HistoryEntry } from './types.js'

/** Imports `doc` (an export, or its JSON text) into `ctx`; rejects with a `CandorError` listing everything refused. */
export const importFile = async (ctx: Context, durable: Durable, doc: unknown): Promise<void> => {
  const { store, fps } = ctx
  const got = fromExport(doc, ctx.catalog, (id) => fps.get(id)!)
  const entry: HistoryEntry = { at: ctx.now(), action: 'import' }
  const keys = [...got.records.keys()].map(signalKey)
  const measured = Object.keys(got.measure).length > 0
  // The visitor's choices on measuring come with the file; the counts stay those of this browser.
  const choose = (m: MeasureRow) => {
    if (got.measure.holdouts === false) m.holdouts = false
    else if (got.measure.holdouts) delete m.holdouts
    if (got.measure.reports === null) delete m.reports
    else if (got.measure.reports !== undefined) m.reports = got.measure.reports
    return m
  }
  ctx.edits++
  let hist: HistoryEntry[] = []
  await durable.persist(
    [...keys, 'meta', 'history', ...(measured ? ['measure'] : [])],
    (cur) => {
      keys.forEach((k) => guardNewer(cur, k))
      if (got.level) guardNewer(cur, 'meta')
      if (measured) guardNewer(cur, 'measure')
      const mine = parseHistory(cur.get('history'))
      hist = appended(mine.length ? mine : got.history, entry)
      const put: Array<[string, unknown]> = [...got.records].map(([id, r]) => [signalKey(id), r])
      if (got.level) put.push(['meta', { v: SCHEMA, level: got.level }])
      const stored = cur.get('history')
      put.push(['history', stored === undefined || Array.isArray(stored) ? hist : stored])
      if (measured) put.push(['measure', choose(parseMeasureRow(cur.get('measure')))])
      return { put }
    },
    [entry],
  )
  const records = new Map(store.state.records)
  got.records.forEach((r, id) => records.set(id, r))
  store.update({
    records,
    history: hist,
    ...(got.level ? { storedLevel: got.level } : {}),
    ...(measured ? { measure: choose({ ...store.state.measure }) } : {}),
  })
}
