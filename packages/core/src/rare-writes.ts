// The writes a visitor makes rarely, loaded when made: importing a file (checked whole by importing.ts, then stored in
// one transaction with a history entry, and only then shown), the storage half of erasing everything, and with them the
// rare edits (rare-edits.ts) and another device's preferences (transfer.ts).
import { appended, parseHistory } from './history.js'
import { fromExport } from './importing.js'
import { catalogKey, reportedKey, snapshotKey } from './names.js'
import { SCHEMA, guardNewer, parseMeasureRow, signalKey, type MeasureRow } from './record.js'
import type { HistoryEntry } from './types.js'
import type { WriterParts } from './writes.js'

export { confirm, forgetOrphan, renew, setHoldouts, setReports } from './rare-edits.js'
export { accept, link, read } from './transfer.js'

/** Imports `doc` (an export, or its JSON text); rejects with a `CandorError` listing everything refused. */
export const importFile = async ([ctx, durable, latest]: WriterParts, doc: unknown): Promise<void> => {
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
  // A write made before is older than the file: what it stored isn't put back in memory when it ends.
  for (const id of got.records.keys()) latest.delete(id)
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

/** Removes what `site` keeps in localStorage (its snapshot, its reports' count, the catalogs that named it). Never throws. */
const forgetSite = (site: string) => {
  try {
    const ls = localStorage
    const keys = Array.from({ length: ls.length }, (_, i) => ls.key(i)!)
    for (const k of keys) if (k == snapshotKey(site) || k == reportedKey(site) || (k.startsWith(catalogKey('')) && ls.getItem(k) == site)) ls.removeItem(k)
  } catch {}
}

/**
 * Erases everything: memory at once, then the database in one transaction (in memory mode, what IndexedDB holds when it
 * comes back) and everything of the site's in localStorage. `latest` is each signal's last change (see writes.ts).
 */
export const erase = async ([ctx, durable, latest]: WriterParts): Promise<void> => {
  ctx.edits++
  // A write made before is older than the erase: what it stored isn't put back in memory when it ends.
  latest.clear()
  // Nothing of the site's is left in localStorage either (a page that runs again writes what it needs).
  if (!ctx.memoryOnly) forgetSite(ctx.site)
  ctx.store.update({ records: new Map(), storedLevel: undefined, history: [], measure: parseMeasureRow(undefined) })
  const t = ctx.now()
  await durable.persist([], () => ({ clear: true, put: [] }))
  durable.erased(t)
}
