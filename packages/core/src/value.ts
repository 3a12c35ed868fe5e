import type { SignalDefinition, Value } from './types.js'

/**
 * Why `value` doesn't fit `signal`, or `undefined` when it does.
 * @example checkValue(topics, ['sports']) // undefined
 */
export const checkValue = (signal: SignalDefinition, value: unknown): string | undefined => {
  const allowed = (signal.options || []).map((o) => o.value)
  const list = allowed.map((v) => `"${v}"`).join(', ')
  if (signal.type == 'boolean') return typeof value == 'boolean' ? undefined : 'must be true or false'
  if (signal.type == 'choice') return typeof value == 'string' && allowed.includes(value) ? undefined : `must be one of ${list}`
  if (!Array.isArray(value)) return `must be a list of options from ${list}`
  for (const v of value) if (typeof v != 'string' || !allowed.includes(v)) return `${shown(v)} is not an option: use ${list}`
  if (new Set(value).size != value.length) return 'lists an option twice'
}

/** Any value as text for an error message, even one JSON can't write (a BigInt, a symbol). */
export const shown = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return typeof v
  }
}

/** A copy the page can't mutate into our state. */
export const copyValue = (v: Value): Value => (Array.isArray(v) ? v.slice() : v)
