// The visitor's data as a file: what export() writes.
import { SCHEMA, type MeasureRow, type SignalRecord } from './record.js'
import type { ExportedValue, HistoryEntry, Level, PreferencesExport } from './types.js'

export const FORMAT = 'candor/preferences'

const iso = (t: number) => new Date(t).toISOString()

const exported = (r: SignalRecord): ExportedValue => {
  const e: ExportedValue = { setAt: iso(r.setAt) }
  if (r.value !== undefined) e.value = r.value
  if (r.expiresAt !== undefined) e.expiresAt = iso(r.expiresAt)
  if (r.off) e.off = true
  if (r.oneOff) e.oneOff = true
  return e
}

/** Builds the export document from what is stored. */
export const toExport = (
  site: string,
  now: number,
  level: Level | undefined,
  records: ReadonlyMap<string, SignalRecord>,
  declared: (id: string) => boolean,
  history: readonly HistoryEntry[],
  measure: MeasureRow,
): PreferencesExport => {
  const values: Array<[string, ExportedValue]> = []
  const orphans: Array<[string, ExportedValue]> = []
  for (const [id, r] of records) if (r.expiresAt === undefined || r.expiresAt > now) (declared(id) ? values : orphans).push([id, exported(r)])
  return {
    format: FORMAT,
    version: SCHEMA,
    site,
    exportedAt: iso(now),
    level: level ?? null,
    // From entries, not assigned: an orphan stored under "__proto__" is a key like any other.
    values: Object.fromEntries(values),
    orphans: Object.fromEntries(orphans),
    history: history.map((h) => ({ ...h, at: iso(h.at) })),
    measure: { holdouts: measure.holdouts !== false, reports: measure.reports ?? null, weeks: structuredClone({ ...measure.weeks }) },
  }
}
