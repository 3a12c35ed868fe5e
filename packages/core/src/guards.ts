// Checks for data Candor didn't write itself: a catalog, a stored record, an imported file.
import type { Value } from './types.js'

/** A plain object (not null, not an array). */
export const isObject = (x: unknown): x is Record<string, unknown> => typeof x == 'object' && x !== null && !Array.isArray(x)

/** `o[k]` when `k` is `o`'s own property: a polluted Object.prototype must not add fields. */
export const ownValue = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined)

/** Whether `k` is `o`'s own property. */
export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k)

/** The last millisecond ISO 8601 can write (the end of year 9999). */
const LAST_TIME = 253402300799999

/** A time from 1970 to the year 9999 (what ISO 8601 dates can round-trip): anything else is damage. */
export const isTime = (x: unknown): x is number => typeof x == 'number' && x >= 0 && x <= LAST_TIME

/** A value of some signal: a boolean, an option, or a list of options. */
export const isValue = (x: unknown): x is Value => typeof x == 'boolean' || typeof x == 'string' || (Array.isArray(x) && x.every((v) => typeof v == 'string'))
