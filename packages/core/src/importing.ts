// Checks a file the visitor imports, field by field. Loaded only when a visitor imports one.
import { fail } from './errors.js'
import { hasOwn, isObject, isTime, isValue } from './guards.js'
import { HISTORY_MAX, parseHistory } from './history.js'
import { LEVELS, SCHEMA, type SignalRecord } from './record.js'
import { FORMAT } from './exporting.js'
import type { Catalog, HistoryEntry, Level, SignalDefinition } from './types.js'
import { checkValue } from './value.js'

/** Larger files are refused before they are parsed: a real export is a few kilobytes. */
export const MAX_IMPORT_BYTES = 1 << 20
/** A file listing more signals than any catalog may declare (2000) is refused, with room for orphans. */
const MAX_IMPORTED_SIGNALS = 5000

const time = (x: unknown) => {
  const t = typeof x == 'string' && /^\d{4}-\d\d-\d\dT/.test(x) ? Date.parse(x) : NaN
  return isTime(t) ? t : NaN
}

/** Says a problem of the file at `path`. */
type Bad = (path: string, why: string) => void
/** What a file holds of the visitor's choices on measuring (the counts stay with the browser that made them). */
type ImportedMeasure = { holdouts?: boolean; reports?: boolean | null }

/** Refuses the file whole, for `why` (`fail` throws, given a problem). */
const refuse = (why: string) => fail('import-invalid', "This file can't be imported", [why]) as unknown as never

/** The document of a file's text or of an object, refused whole when it is too large or no Candor export for `site`. */
const documentOf = (input: unknown, site: string): Record<string, unknown> => {
  let doc = input
  if (typeof doc == 'string') {
    if (doc.length > MAX_IMPORT_BYTES) refuse(`file: too large (${doc.length} bytes; at most ${MAX_IMPORT_BYTES})`)
    try {
      doc = JSON.parse(doc)
    } catch {
      refuse('file: not valid JSON')
    }
  } else
    try {
      // An object handed over in code gets the same cap as a file's text.
      if (JSON.stringify(doc).length > MAX_IMPORT_BYTES) refuse(`file: too large (at most ${MAX_IMPORT_BYTES} bytes as JSON)`)
    } catch (e) {
      if ((e as Error).name == 'CandorError') throw e
      refuse('file: not JSON data')
    }
  if (!isObject(doc)) return refuse('file: not a Candor preferences export')
  if (doc.format !== FORMAT) refuse(`format: expected "${FORMAT}", so this is not a Candor preferences export`)
  if (doc.version !== SCHEMA) refuse(`version: ${JSON.stringify(doc.version)} is not supported (this Candor reads version ${SCHEMA})`)
  if (doc.site !== site) refuse(`site: this file is for ${JSON.stringify(doc.site)}, not "${site}"`)
  return doc
}

/** One entry of `values`, for `signal`, as the record it is stored as; its problems said under `at`. */
const recordOf = (signal: SignalDefinition, e: Record<string, unknown>, at: string, fp: string, bad: Bad): SignalRecord => {
  const setAt = time(e.setAt)
  const expiresAt = e.expiresAt === undefined ? undefined : time(e.expiresAt)
  const why =
    e.value === undefined
      ? e.off === true
        ? undefined
        : 'required'
      : isValue(e.value)
        ? checkValue(signal, e.value)
        : 'must be true/false, an option, or a list of options'
  if (why) bad(at + '.value', why)
  if (Number.isNaN(setAt)) bad(at + '.setAt', 'must be an ISO 8601 date')
  if (Number.isNaN(expiresAt)) bad(at + '.expiresAt', 'must be an ISO 8601 date or left out')
  for (const f of ['off', 'oneOff']) if (hasOwn(e, f) && typeof e[f] != 'boolean') bad(`${at}.${f}`, 'must be true or false')
  const r: SignalRecord = { v: SCHEMA, setAt, fp }
  if (e.value !== undefined) r.value = Array.isArray(e.value) ? e.value.slice() : (e.value as SignalRecord['value'])
  if (expiresAt !== undefined) r.expiresAt = expiresAt
  if (e.off === true) r.off = true
  if (e.oneOff === true) r.oneOff = true
  return r
}

/** `values`: a record for each signal the site declares. */
const recordsOf = (values: unknown, catalog: Catalog, fingerprintOf: (id: string) => string, bad: Bad) => {
  const records = new Map<string, SignalRecord>()
  if (!isObject(values)) return (bad('values', 'must be an object of signal id → value'), records)
  const keys = Object.keys(values)
  if (keys.length > MAX_IMPORTED_SIGNALS) return (bad('values', `lists ${keys.length} signals; at most ${MAX_IMPORTED_SIGNALS}`), records)
  for (const id of keys) {
    const at = 'values.' + id
    const signal = catalog.signals.find((s) => s.id == id)
    const e = values[id]
    if (!signal) bad(at, 'this site declares no such signal')
    else if (!isObject(e)) bad(at, 'must be { value, setAt, … }')
    else records.set(id, recordOf(signal, e, at, fingerprintOf(id), bad))
  }
  return records
}

/** `measure`: the visitor's choices on holdouts and reports. */
const measureOf = (m: unknown, bad: Bad): ImportedMeasure => {
  const measure: ImportedMeasure = {}
  if (m !== undefined && !isObject(m)) bad('measure', 'must be { holdouts, reports, weeks } or left out')
  else if (m) {
    if (m.holdouts !== undefined && typeof m.holdouts != 'boolean') bad('measure.holdouts', 'must be true or false')
    else if (m.holdouts !== undefined) measure.holdouts = m.holdouts
    if (m.reports !== undefined && m.reports !== null && typeof m.reports != 'boolean') bad('measure.reports', 'must be true, false or null')
    else if (m.reports !== undefined) measure.reports = m.reports
  }
  return measure
}

/**
 * Checks an export document whole against the catalog; throws one `CandorError`
 * (`code: 'import-invalid'`) listing everything refused. Accepts the object or its JSON text.
 */
export const fromExport = (
  input: unknown,
  catalog: Catalog,
  fingerprintOf: (id: string) => string,
): { level: Level | undefined; records: Map<string, SignalRecord>; history: HistoryEntry[]; measure: ImportedMeasure } => {
  const problems: string[] = []
  const bad: Bad = (path, why) => void problems.push(path + ': ' + why)
  const doc = documentOf(input, catalog.site)
  const level = doc.level
  if (level != null && !LEVELS.includes(level as Level)) bad('level', 'must be "off", "declared", "all" or null')
  const records = recordsOf(doc.values, catalog, fingerprintOf, bad)
  const history: HistoryEntry[] = []
  if (Array.isArray(doc.history))
    for (const h of doc.history.slice(-HISTORY_MAX)) {
      // History is informational: a malformed entry is dropped, not a reason to refuse the file.
      const at = isObject(h) ? time(h.at) : NaN
      if (!Number.isNaN(at)) history.push({ at, action: h.action, id: h.id, value: h.value } as HistoryEntry)
    }
  const measure = measureOf(doc.measure, bad)
  fail('import-invalid', "This file can't be imported", problems)
  // The same rules as history read from storage, so what is imported survives the next load.
  return { level: (level ?? undefined) as Level | undefined, records, history: parseHistory(history), measure }
}
