// When a value may tailor the page: pure functions of a record, the level and the clock.
// Every "is it in use?" question in Candor is answered here, and only here.
import { parseLifetime } from './lifetime.js'
import { SCHEMA, type SignalRecord } from './record.js'
import type { Explanation, Level, SignalDefinition, SignalState, Value } from './types.js'
import { copyValue } from './value.js'

/** A value the site inferred for this page view, with what it was inferred from. */
export interface Inferred {
  value: Value
  basis: string
}

/** Whether a record's lifetime has ended at time `t`. */
export const isFaded = (r: SignalRecord | undefined, t: number): boolean => r?.expiresAt !== undefined && r.expiresAt <= t

/** The level in force: the visitor's choice, else `declared` under Global Privacy Control, else `all`. */
export const effectiveLevel = (stored: Level | undefined, gpc: boolean): Level => stored ?? (gpc ? 'declared' : 'all')

/**
 * Why a signal is or isn't used: from its record, an inferred value, its current fingerprint, the level
 * (`'off'` for a preview) and the time. Only `'active'` tailors.
 * @example stateOf({ v: 1, value: true, setAt: 0, fp: 'x' }, undefined, 'x', 'declared', Date.now()) // 'active'
 */
export const stateOf = (r: SignalRecord | undefined, inferred: Inferred | undefined, fp: string | undefined, level: Level, t: number): SignalState => {
  if (r?.value !== undefined) {
    if (isFaded(r, t)) return 'expired'
    if (r.off) return 'off'
    if (r.fp != fp) return 'needs-review'
    if (r.oneOff) return 'one-off'
    return level == 'off' ? 'forbidden-by-level' : 'active'
  }
  if (inferred) return r?.off ? 'off' : level != 'all' ? 'forbidden-by-level' : 'active'
  return r?.off ? 'off' : 'unset'
}

/**
 * Whether a declared value is in use at the visitor's stored level, whatever the page does (no
 * preview, no inferred values): what the synchronous snapshot may hold.
 */
export const declaredInUse = (r: SignalRecord | undefined, fp: string | undefined, stored: Level | undefined, t: number): boolean =>
  // Any level but `off` uses declared values, GPC's default included.
  stateOf(r, undefined, fp, stored == 'off' ? 'off' : 'declared', t) == 'active'

/**
 * Whether a stored (or exported) value goes with the visitor to another device: a value of theirs for good, not one
 * turned off or set for one view. A faded one is gone before this is asked.
 */
export const isCarried = (r: { value?: unknown; off?: boolean; oneOff?: boolean }): boolean => r.value !== undefined && !r.off && !r.oneOff

/** Everything the panel shows about one signal. */
export const explainSignal = (
  signal: SignalDefinition,
  r: SignalRecord | undefined,
  inferred: Inferred | undefined,
  fp: string | undefined,
  level: Level,
  t: number,
  reads: number,
): Explanation => {
  const e: Explanation = { signal, value: undefined, source: 'declared', state: stateOf(r, inferred, fp, level, t), reads }
  if (r) {
    e.setAt = r.setAt
    if (r.expiresAt !== undefined) e.expiresAt = r.expiresAt
  }
  if (r?.value !== undefined) e.value = copyValue(r.value)
  else if (inferred) {
    e.value = copyValue(inferred.value)
    e.source = 'inferred'
    e.basis = inferred.basis
  }
  return e
}

/** When a value set at `t` fades, by the signal's lifetime; `undefined` when it lasts until changed. */
export const expiryOf = (signal: SignalDefinition | undefined, t: number): number | undefined => {
  const ms = signal?.lifetime && parseLifetime(signal.lifetime)
  return ms ? t + ms : undefined
}

/** A new record of `value` set at `t`, with the signal's meaning and lifetime. */
export const newRecord = (signal: SignalDefinition | undefined, fp: string, value: Value | undefined, t: number): SignalRecord => {
  const r: SignalRecord = { v: SCHEMA, setAt: t, fp }
  if (value !== undefined) {
    r.value = copyValue(value)
    const exp = expiryOf(signal, t)
    if (exp) r.expiresAt = exp
  }
  return r
}

/** The time the next of these records fades after `t`, or `undefined`. */
export const nextFade = (records: Iterable<SignalRecord>, t: number): number | undefined => {
  let next: number | undefined
  // Stryker disable next-line ConditionalExpression,EqualityOperator: `undefined > t` is false too; between equal fade times either is the next
  for (const r of records) if (r.expiresAt !== undefined && r.expiresAt > t && (next === undefined || r.expiresAt < next)) next = r.expiresAt
  return next
}

/**
 * What one click on a control that declares `option` of `signal` makes of the declared `value`: a `multi`
 * option is added or removed (in the catalog's order), a `choice` is set to the option or forgotten when it
 * already holds it, a `boolean` flips (unset counts as off). `undefined` means forget.
 * @example toggled(topics, ['sports'], 'science') // ['sports', 'science']
 */
export const toggled = (signal: SignalDefinition, value: Value | undefined, option?: string): Value | undefined => {
  if (signal.type == 'boolean') return value !== true
  if (signal.type == 'choice') return value === option ? undefined : option
  // Stryker disable next-line ArrayDeclaration: the catalog's options filter out whatever else the set holds
  const now = new Set(Array.isArray(value) ? value : [])
  now.has(option!) ? now.delete(option!) : now.add(option!)
  // Stryker disable next-line ArrayDeclaration: a choice or multi signal always has options (the catalog's check)
  return (signal.options ?? []).map((o) => o.value).filter((v) => now.has(v))
}

/** Whether a declared value holds `option` (for a boolean: whether it is on): what a declaring control shows as pressed. */
export const holdsOption = (value: Value | undefined, option?: string): boolean =>
  option === undefined ? value === true : Array.isArray(value) ? value.includes(option) : value === option

/**
 * Why a control can't declare `option` of `signal` in one click (`toggle`, `data-candor-declare`), or `undefined`
 * when it can: a `multi` or `choice` signal needs one of its options, a `boolean` takes none.
 */
export const whyNotToggle = (signal: SignalDefinition, option?: string): string | undefined => {
  if (signal.type == 'boolean') return option === undefined ? undefined : `"${signal.id}" is on or off, so it takes no option: write "${signal.id}"`
  // Stryker disable next-line ArrayDeclaration: a choice or multi signal always has options (the catalog's check)
  const options = (signal.options ?? []).map((o) => o.value)
  if (option === undefined) return `name one of "${signal.id}"'s options, e.g. "${signal.id}:${options[0]}"`
  return options.includes(option) ? undefined : `"${option}" is not one of "${signal.id}"'s options (${options.join(', ')})`
}

/** Why `signal` can't order a container (`data-candor-rank`, `data-candor-demote`), or `undefined` when it can. */
export const whyNotRank = (signal: SignalDefinition): string | undefined =>
  signal.type == 'boolean' ? `"${signal.id}" is on or off, so it has no values to order children by: name a choice or multi signal` : undefined
