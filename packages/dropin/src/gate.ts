// The rules of the declarative attributes, as pure functions over values.
import type { Value } from '@candor/core'

/** One condition of `data-candor-show`: `topics:sports` or `compact`. */
export interface Condition {
  id: string
  value?: string
}

/**
 * Splits an attribute into conditions; several, separated by spaces, must all hold.
 * @example parseConditions('topics:sports compact') // [{ id: 'topics', value: 'sports' }, { id: 'compact' }]
 */
export const parseConditions = (text: string | null): Condition[] =>
  // Stryker disable next-line MethodExpression: the empty parts that spaces at either end leave are filtered out below
  (text ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const i = part.indexOf(':')
      return i < 0 ? { id: part } : { id: part.slice(0, i), value: part.slice(i + 1) }
    })

/** No value to tailor by: nothing usable, nothing chosen, or a boolean that is off. */
export const isBaseline = (v: Value | undefined): boolean => v === undefined || v === false || (Array.isArray(v) && !v.length)

/** Whether a value meets a condition: `id` alone asks for any value to tailor by; `id:x` for `x`, or a list with `x`. */
export const holds = (v: Value | undefined, c: Condition): boolean =>
  c.value === undefined ? !isBaseline(v) : v !== undefined && (Array.isArray(v) ? v.includes(c.value) : String(v) === c.value)
