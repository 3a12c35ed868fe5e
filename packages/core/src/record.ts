import { isRec } from './catalog'
import type { HistoryEntry, Level, Value } from './types'

/** The data format version this build writes. Records with a higher `v` are never overwritten. */
export const SCHEMA = 1
/** How many changes the local history keeps. */
export const HISTORY_MAX = 200

/** What is stored for one signal, under key `s:<id>`. Times are ms since epoch. */
export interface Rec {
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

export const LEVELS: readonly Level[] = ['off', 'declared', 'all']
export const signalKey = (id: string) => 's:' + id

/** A time from 1970 to the year 9999 (what ISO 8601 dates can round-trip): anything else is damage. */
export const isTime = (x: unknown): x is number => typeof x == 'number' && x >= 0 && x <= 253402300799999
const isOptTime = (x: unknown) => x === undefined || isTime(x)
const isOptBool = (x: unknown) => x === undefined || typeof x == 'boolean'
export const isValue = (x: unknown): x is Value =>
  typeof x == 'boolean' || typeof x == 'string' || (Array.isArray(x) && x.every((v) => typeof v == 'string'))

/** `'newer'` when a later Candor wrote it; `undefined` when it isn't a record we can trust. */
export const isNewer = (x: unknown): boolean => isRec(x) && typeof x.v == 'number' && x.v > SCHEMA

/** A stored signal record, checked field by field and copied, or `undefined` when corrupt. */
export const parseRec = (x: unknown): Rec | undefined => {
  if (!isRec(x) || x.v !== SCHEMA || !isTime(x.setAt) || typeof x.fp != 'string') return
  if (!(x.value === undefined || isValue(x.value)) || !isOptTime(x.expiresAt) || !isOptBool(x.off) || !isOptBool(x.oneOff)) return
  if (x.value === undefined && !x.off) return
  const r: Rec = { v: SCHEMA, setAt: x.setAt, fp: x.fp }
  if (x.value !== undefined) r.value = Array.isArray(x.value) ? x.value.slice() : x.value
  if (x.expiresAt !== undefined) r.expiresAt = x.expiresAt
  if (x.off) r.off = true
  if (x.oneOff) r.oneOff = true
  return r
}

export const parseMeta = (x: unknown): Meta | undefined =>
  isRec(x) && x.v === SCHEMA && (x.level === undefined || LEVELS.includes(x.level as Level))
    ? { v: SCHEMA, level: x.level as Level | undefined }
    : undefined

const ACTIONS = ['set', 'off', 'on', 'forget', 'renew', 'confirm', 'level', 'import', 'expired']

/** The history, keeping only well-formed entries (a corrupt entry must not cost the rest). */
export const parseHistory = (x: unknown): HistoryEntry[] =>
  Array.isArray(x)
    ? x
        .filter((e) => isRec(e) && isTime(e.at) && ACTIONS.includes(e.action as string) && (e.id === undefined || typeof e.id == 'string') && (e.value === undefined || isValue(e.value)))
        .slice(-HISTORY_MAX)
        .map((e) => ({ ...e }) as HistoryEntry)
    : []
