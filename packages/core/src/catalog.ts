// Checks a site's catalog. Known fields with bad values refuse the catalog, every problem listed by path;
// unknown fields (a newer Candor's, a typo, the site's own note) are reported and left out.
import { CandorError, fail } from './errors.js'
import { isObject, ownValue as own } from './guards.js'
import { parseLifetime } from './lifetime.js'
import { GOAL_NAME } from './measure/arm.js'
import type { Catalog, MeasureSettings, SignalDefinition } from './types.js'

const SLUG = /^[a-z][a-z0-9-]{0,63}$/
const OPTION_VALUE = /^[\w.-]{1,64}$/
/** Caps keep a hostile or broken catalog from flooding the panel. */
export const LIMITS = { label: 200, purpose: 2000, group: 100, description: 2000, intro: 2000, options: 500, signals: 2000 } as const
const TOP = ['site', 'signals', 'intro', 'measure', '$schema']
const MEASURE = ['holdout', 'epsilon', 'goals']
/** Most goals a catalog may name. */
const MAX_GOALS = 20
const FIELDS = ['id', 'type', 'label', 'purpose', 'options', 'source', 'lifetime', 'group', 'description', 'sensitive']
const OPTION = ['value', 'label']

/** A checked catalog, what it held that this version doesn't know (left out), and, when lenient, the problems of what was left out. */
export interface CheckedCatalog {
  catalog: Catalog
  unknown: string[]
  /** With `lenient`: each problem of a signal (or `intro`, `measure`) that was left out, by path. */
  leftOut: string[]
}

/** The edit distance of two short words (for "did you mean"). */
const distance = (a: string, b: string): number => {
  let row = [...Array(b.length + 1).keys()]
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] == b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}

/** `unknown field`, with the nearest known name when it looks like a typo of it. */
const unknownField = (key: string, allowed: string[]) => {
  const near = allowed.find((k) => distance(key.toLowerCase(), k.toLowerCase()) <= Math.max(1, Math.floor(k.length / 4)))
  return near ? `unknown field, did you mean "${near}"? (ignored)` : `unknown field (ignored; known: ${allowed.join(', ')})`
}

/**
 * Checks a catalog and returns a clean copy of it with what it left out, or throws one `CandorError`
 * (`code: 'catalog-invalid'`) listing every problem by path, e.g. `signals[2].purpose: required`.
 */
export const checkCatalog = (input: unknown, lenient = false): CheckedCatalog => {
  const problems: string[] = []
  const unknown: string[] = []
  const leftOut: string[] = []
  /** Lenient: the problems found since `from` leave their part out instead of refusing the catalog. Whether any were. */
  const leave = (from: number) => {
    if (!lenient || problems.length == from) return problems.length > from
    leftOut.push(...problems.splice(from))
    return true
  }
  const bad = (path: string, why: string) => problems.push(path + ': ' + why)
  const text = (o: Record<string, unknown>, key: keyof typeof LIMITS, at: string, need?: boolean) => {
    const v = own(o, key)
    const max = LIMITS[key]
    // Characters as the visitor sees them (code points), as JSON Schema's maxLength counts them.
    if (v === undefined ? need : typeof v != 'string' || !v.trim() || (v.length > max && [...v].length > max))
      bad(at + key, v === undefined ? 'required' : `must be text of 1 to ${max} characters`)
  }
  const only = (o: object, at: string, allowed: string[]) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) unknown.push(at + k + ': ' + unknownField(k, allowed))
  }
  const slug = (v: unknown, path: string, example: string) =>
    typeof v == 'string' && SLUG.test(v) ? v : (bad(path, `must be a slug like "${example}": lowercase letters, digits and "-", starting with a letter`), '')

  if (!isObject(input)) throw new CandorError('catalog-invalid', 'Invalid Candor catalog: expected an object like { site, signals: [...] }')
  const site = slug(own(input, 'site'), 'site', 'daily-planet')
  only(input, '', TOP)
  const beforeIntro = problems.length
  text(input, 'intro', '')
  const badIntro = leave(beforeIntro)
  const list = own(input, 'signals')
  const signals: SignalDefinition[] = []
  const ids = new Set<string>()
  if (!Array.isArray(list) || list.length > LIMITS.signals) bad('signals', `required: a list of at most ${LIMITS.signals} signal declarations`)
  else
    list.forEach((s: unknown, i) => {
      const at = `signals[${i}]`
      const before = problems.length
      if (!isObject(s)) return void (bad(at, 'must be an object'), leave(before))
      only(s, at + '.', FIELDS)
      const id = slug(own(s, 'id'), at + '.id', 'topics')
      if (ids.has(id)) bad(at + '.id', `"${id}" is declared twice`)
      const [type, options, source, lifetime, sensitive] = ['type', 'options', 'source', 'lifetime', 'sensitive'].map((k) => own(s, k))
      if (type !== 'boolean' && type !== 'choice' && type !== 'multi') bad(at + '.type', 'must be "boolean", "choice" or "multi"')
      text(s, 'label', at + '.', true)
      text(s, 'purpose', at + '.', true)
      text(s, 'group', at + '.')
      text(s, 'description', at + '.')
      const listed = type === 'choice' || type === 'multi'
      if (type === 'boolean' && options !== undefined) bad(at + '.options', 'not allowed for a boolean signal')
      else if (listed && (!Array.isArray(options) || !options.length || options.length > LIMITS.options))
        bad(at + '.options', `required for a ${type} signal: a list of 1 to ${LIMITS.options} { value, label }`)
      else if (listed) {
        const values = new Set()
        ;(options as unknown[]).forEach((o, j) => {
          const op = `${at}.options[${j}]`
          if (!isObject(o)) return bad(op, 'must be { value, label }')
          only(o, op + '.', OPTION)
          const v = own(o, 'value')
          if (typeof v != 'string' || !OPTION_VALUE.test(v)) bad(op + '.value', 'must be 1 to 64 letters, digits, "_", "." or "-"')
          else if (values.has(v)) bad(op + '.value', `"${v}" is listed twice`)
          values.add(v)
          text(o, 'label', op + '.', true)
        })
      }
      if (source !== undefined && source !== 'declared' && source !== 'inferred') bad(at + '.source', 'must be "declared" or "inferred"')
      if (lifetime !== undefined && (typeof lifetime != 'string' || !parseLifetime(lifetime)))
        bad(at + '.lifetime', 'must look like "90d", "12h" or "2w" (whole hours, days or weeks), or be left out')
      if (sensitive !== undefined && typeof sensitive != 'boolean') bad(at + '.sensitive', 'must be true or false')
      // Lenient (the drop-in): a signal with a problem is left out (its id free for a later, good one), and the others are used.
      if (lenient && leave(before)) return
      ids.add(id)
      // Copy only what was checked: the page keeps no handle on our catalog. No prototype either,
      // so a polluted Object.prototype.source can't make a signal inferable.
      const def = Object.create(null) as Record<string, unknown>
      for (const k of FIELDS)
        if (own(s, k) !== undefined)
          def[k] =
            k == 'options' && Array.isArray(options)
              ? options.map((o) => (isObject(o) ? Object.assign(Object.create(null), { value: own(o, 'value'), label: own(o, 'label') }) : o))
              : own(s, k)
      signals.push(def as unknown as SignalDefinition)
    })
  const beforeMeasure = problems.length
  const measure = checkMeasure(own(input, 'measure'), bad, only)
  const badMeasure = leave(beforeMeasure)
  // What still refuses the catalog (its site, its list) is said with everything else that was wrong.
  fail('catalog-invalid', 'Invalid Candor catalog', problems.length ? leftOut.concat(problems) : problems)
  const catalog: Catalog = { site, signals }
  const intro = own(input, 'intro')
  if (intro !== undefined && !badIntro) catalog.intro = intro as string
  if (measure && !badMeasure) catalog.measure = measure
  return { catalog, unknown, leftOut }
}

const inRange = (v: unknown, min: number, max: number) => typeof v == 'number' && v >= min && v <= max

/** `measure: { holdout, epsilon, goals }`, checked field by field; a clean copy, or `undefined` when left out. */
const checkMeasure = (m: unknown, bad: (path: string, why: string) => void, only: (o: object, at: string, allowed: string[]) => void) => {
  if (m === undefined) return
  if (!isObject(m)) return void bad('measure', 'must be an object like { holdout: 0.05, epsilon: 1 }')
  only(m, 'measure.', MEASURE)
  const [holdout, epsilon, goals] = MEASURE.map((k) => own(m, k))
  const out: MeasureSettings = {}
  if (holdout !== undefined && !inRange(holdout, 0, 0.5))
    bad('measure.holdout', 'must be a share of views from 0 to 0.5, e.g. 0.05 for 1 in 20 (a number, not text)')
  else if (holdout !== undefined) out.holdout = holdout as number
  if (epsilon !== undefined && !inRange(epsilon, 0.1, 10)) bad('measure.epsilon', 'must be a number from 0.1 (most private) to 10, e.g. 1')
  else if (epsilon !== undefined) out.epsilon = epsilon as number
  if (goals !== undefined && (!Array.isArray(goals) || goals.length > MAX_GOALS))
    bad('measure.goals', `must be a list of at most ${MAX_GOALS} goal names, e.g. ["read"]`)
  else if (goals)
    goals.forEach((g, i) => {
      if (typeof g != 'string' || !GOAL_NAME.test(g)) bad(`measure.goals[${i}]`, 'must be 1 to 64 letters, digits, "_", "." or "-"')
    })
  if (Array.isArray(goals)) out.goals = [...new Set(goals as string[])]
  return out
}

/**
 * Checks a catalog and returns a clean copy of it, or throws one `CandorError`
 * (`code: 'catalog-invalid'`) listing every problem by path, e.g. `signals[2].purpose: required`.
 * Unknown fields are left out of the copy (`createCandor` reports them in `problems`).
 * @example const catalog = validateCatalog(JSON.parse(text))
 */
export const validateCatalog = (input: unknown): Catalog => checkCatalog(input).catalog

/**
 * What a signal means, as a short hash of its type, purpose and option values:
 * when it changes, stored values wait for the visitor's review. Labels are left out
 * on purpose, so rewording asks nothing of anyone.
 */
export const fingerprint = (s: SignalDefinition): string => {
  const text = JSON.stringify([s.type, s.purpose, (s.options || []).map((o) => o.value).sort()])
  // FNV-1a, 32 bits: enough to tell meanings apart, not a security boundary.
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193)
  return (h >>> 0).toString(36)
}
