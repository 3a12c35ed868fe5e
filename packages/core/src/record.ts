// What is stored, key by key, and how a stored row is read back: checked field by field, copied.
import { CandorError } from './errors.js'
import { isObject, isTime, isValue } from './guards.js'
import { parseHistory } from './history.js'
import { parseTally, type Tally } from './measure/tally.js'
import type { HistoryEntry, Level, Problem, SignalDefinition, Value } from './types.js'
import { checkValue } from './value.js'

/** The data format version this build writes. Records with a higher `v` are never overwritten. */
export const SCHEMA = 1

/** What is stored for one signal, under key `s:<id>`. Times are ms since epoch. */
export interface SignalRecord {
  v: number
  /** Absent when the visitor turned off an inferred signal they never declared. */
  value?: Value
  setAt: number
  expiresAt?: number
  off?: boolean
  oneOff?: boolean
  /** Fingerprint of the signal's meaning when the value was set. */
  fp: string
}

/** Stored under key `meta`. */
export interface Meta {
  v: number
  level?: Level
}

/** Stored under key `measure`: the visitor's choices on holdouts and reports, and the weekly counts. */
export interface MeasureRow {
  v: number
  /** `false`: the visitor turned holdouts off for good. */
  holdouts?: false
  /** The visitor's choice on reports; absent for the default (on, unless the browser sends GPC). */
  reports?: boolean
  weeks: Tally
}

/** A stored measure row, checked; anything damaged reads as nothing measured yet. */
export const parseMeasureRow = (x: unknown): MeasureRow => {
  const row: MeasureRow = { v: SCHEMA, weeks: parseTally(isObject(x) ? x.weeks : undefined) }
  if (isObject(x) && x.v === SCHEMA) {
    if (x.holdouts === false) row.holdouts = false
    if (typeof x.reports == 'boolean') row.reports = x.reports
  }
  return row
}

/** The levels, from none to the most tailoring. */
export const LEVELS: readonly Level[] = ['off', 'declared', 'all']
/** The key of a signal's record; `meta`, `history` and `measure` are the others. */
export const signalKey = (id: string) => 's:' + id

/** Whether a later Candor wrote it (its `v` is above ours): such a row is kept as it is, never overwritten. */
export const isNewer = (x: unknown): boolean => isObject(x) && typeof x.v == 'number' && x.v > SCHEMA

/** Inside a write's transaction: refuses to overwrite `key` when a newer Candor stored it (nothing is written). */
export const guardNewer = (cur: Map<string, unknown>, key: string) => {
  if (isNewer(cur.get(key)))
    throw new CandorError('newer-data', `"${key}" was stored by a newer version of Candor: this one won't overwrite it (update the page's Candor)`)
}

const isOptTime = (x: unknown) => x === undefined || isTime(x)
const isOptBool = (x: unknown) => x === undefined || typeof x == 'boolean'

/** A stored signal record, checked field by field and copied, or `undefined` when corrupt. */
export const parseRecord = (x: unknown): SignalRecord | undefined => {
  if (!isObject(x) || x.v !== SCHEMA || !isTime(x.setAt) || typeof x.fp != 'string') return
  if (!(x.value === undefined || isValue(x.value)) || !isOptTime(x.expiresAt) || !isOptBool(x.off) || !isOptBool(x.oneOff)) return
  if (x.value === undefined && !x.off) return
  const r: SignalRecord = { v: SCHEMA, setAt: x.setAt, fp: x.fp }
  if (x.value !== undefined) r.value = Array.isArray(x.value) ? x.value.slice() : x.value
  if (x.expiresAt !== undefined) r.expiresAt = x.expiresAt
  if (x.off) r.off = true
  if (x.oneOff) r.oneOff = true
  return r
}

export const parseMeta = (x: unknown): Meta | undefined =>
  isObject(x) && x.v === SCHEMA && (x.level === undefined || LEVELS.includes(x.level as Level)) ? { v: SCHEMA, level: x.level as Level | undefined } : undefined

/** Everything one read of the store holds, as memory keeps it. */
export interface Rows {
  records: Map<string, SignalRecord>
  level: Level | undefined
  history: HistoryEntry[]
  measure: MeasureRow
  problems: Problem[]
}

/** Reads the stored rows: damaged and newer records are reported and left as they are, never used. */
export const readRows = (rows: Iterable<[string, unknown]>, defs: ReadonlyMap<string, SignalDefinition>, fps: ReadonlyMap<string, string>): Rows => {
  const out: Rows = { records: new Map(), level: undefined, history: [], measure: parseMeasureRow(undefined), problems: [] }
  for (const [key, raw] of rows) {
    if (isNewer(raw)) {
      out.problems.push({ code: 'newer-data', key, message: `"${key}" was stored by a newer version of Candor: kept as it is, not used` })
      continue
    }
    if (key == 'meta') out.level = parseMeta(raw)?.level
    else if (key == 'history') out.history = parseHistory(raw)
    else if (key == 'measure') out.measure = parseMeasureRow(raw)
    else if (key.startsWith('s:')) {
      const id = key.slice(2)
      const r = parseRecord(raw)
      const def = defs.get(id)
      // Same fingerprint but an impossible value: the record was damaged, not the catalog changed.
      if (!r || (def && r.value !== undefined && r.fp == fps.get(id) && checkValue(def, r.value)))
        out.problems.push({ code: 'corrupt-record', key, message: `A stored value for "${id}" is damaged: skipped (left as it is)` })
      else out.records.set(id, r)
    }
  }
  return out
}
