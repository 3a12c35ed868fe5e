// The catalog's rules, with nothing to say of their own: each problem is worded by the `say` the caller gives, so the
// reader that runs on every page view (candor.js) carries no message text. It takes the catalog with `code` (each problem
// by its rule's name) and, only when there is one, loads catalog-words.ts and takes it again in words.
import { fnv } from './hash.js'
import { isObject, ownValue as own } from './guards.js'
import { parseLifetime } from './lifetime.js'
import { GOAL_NAME } from './measure/arm.js'
import { isEpsilon } from './measure/response.js'
import type { Catalog, MeasureSettings, SignalDefinition } from './types.js'

const SLUG = /^[a-z][a-z0-9-]{0,63}$/
const OPTION_VALUE = /^[\w.-]{1,64}$/
/** Caps keep a hostile or broken catalog from flooding the panel. */
export const LIMITS = { label: 200, purpose: 2000, group: 100, description: 2000, intro: 2000, options: 500, signals: 2000 } as const
const TOP = ['site', 'signals', 'intro', 'measure', '$schema']
const MEASURE = ['holdout', 'epsilon', 'goals']
/** Most goals a catalog may name. */
export const MAX_GOALS = 20
const FIELDS = ['id', 'type', 'label', 'purpose', 'options', 'source', 'lifetime', 'group', 'description', 'sensitive']
const OPTION = ['value', 'label']
const GOAL = ['name', 'label']

/** The rules a catalog can break; catalog-words.ts words each. */
export type Rule =
  | 'catalog'
  | 'unknown'
  | 'required'
  | 'text'
  | 'slug'
  | 'site'
  | 'signals'
  | 'object'
  | 'twice'
  | 'type'
  | 'no-options'
  | 'options'
  | 'option'
  | 'name'
  | 'listed'
  | 'source'
  | 'lifetime'
  | 'boolean'
  | 'measure'
  | 'holdout'
  | 'epsilon'
  | 'goals'

/** Words a broken rule: `arg` is what the words need (a limit, a value, a type), `known` the names known where a field is unknown. */
export type Say = (rule: Rule, arg?: string | number, known?: readonly string[]) => string

/** Each problem by its rule's name alone, e.g. `signals[2].label: required`: what the reader takes a catalog with. */
export const code: Say = (rule) => rule

/**
 * A catalog taken by the rules: a clean copy, what it held that this version doesn't know (left out) and, when
 * lenient, the problems of the parts left out; or, when it can't be used, `refused`: every problem, left-out ones first.
 * Each problem is a line `path: words`.
 */
export type CatalogCheck = { catalog: Catalog; unknown: string[]; leftOut: string[]; refused?: undefined } | { refused: string[] }

/**
 * The problems of one catalog and how they are said, shared by the checks below: record one; report unknown fields;
 * check a text field. A tuple, destructured where used, so minified names stay short.
 */
type Checks = readonly [
  bad: (path: string, rule: Rule, arg?: string | number) => void,
  only: (o: object, at: string, allowed: string[]) => void,
  text: (o: Record<string, unknown>, key: keyof typeof LIMITS, at: string, need?: boolean) => void,
]

/**
 * Takes a catalog by the rules, each problem worded by `say`. Strict, any problem refuses it; `lenient`, a signal (or
 * `intro`, `measure`) with a problem is left out and the rest used, and only a catalog without a site or a list of signals is refused.
 */
export const takeCatalog = (input: unknown, lenient: boolean, say: Say): CatalogCheck => {
  if (!isObject(input)) return { refused: [say('catalog')] }
  const problems: string[] = []
  const unknown: string[] = []
  const leftOut: string[] = []
  /** Lenient: the problems found since `from` leave their part out instead of refusing the catalog. Whether any were. */
  const leave = (from: number) => lenient && problems.length > from && (leftOut.push(...problems.splice(from)), true)
  const bad: Checks[0] = (path, rule, arg) => void problems.push(path + ': ' + say(rule, arg))
  const only: Checks[1] = (o, at, allowed) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) unknown.push(at + k + ': ' + say('unknown', k, allowed))
  }
  const text: Checks[2] = (o, key, at, need) => {
    const v = own(o, key)
    const max = LIMITS[key]
    // Characters as the visitor sees them (code points), as JSON Schema's maxLength counts them.
    if (v === undefined ? need : typeof v != 'string' || !v.trim() || (v.length > max && [...v].length > max))
      bad(at + key, v === undefined ? 'required' : 'text', max)
  }
  const c: Checks = [bad, only, text]
  const site = slug(bad, own(input, 'site'), 'site')
  only(input, '', TOP)
  const beforeIntro = problems.length
  text(input, 'intro', '')
  const badIntro = leave(beforeIntro)
  const list = own(input, 'signals')
  const signals: SignalDefinition[] = []
  const ids = new Set<string>()
  if (!Array.isArray(list) || list.length > LIMITS.signals) bad('signals', 'signals', LIMITS.signals)
  else
    list.forEach((s: unknown, i) => {
      const at = `signals[${i}]`
      const before = problems.length
      if (!isObject(s)) return void (bad(at, 'object'), leave(before))
      const id = checkSignal(c, s, at, ids)
      // Lenient (the drop-in): a signal with a problem is left out (its id free for a later, good one), and the others are used.
      if (leave(before)) return
      ids.add(id)
      signals.push(copySignal(s))
    })
  const beforeMeasure = problems.length
  const measure = checkMeasure(c, own(input, 'measure'))
  const badMeasure = leave(beforeMeasure)
  // What still refuses the catalog (its site, its list) is said with everything else that was wrong.
  if (problems.length) return { refused: leftOut.concat(problems) }
  const catalog: Catalog = { site, signals }
  const intro = own(input, 'intro')
  if (intro !== undefined && !badIntro) catalog.intro = intro as string
  if (measure && !badMeasure) catalog.measure = measure
  return { catalog, unknown, leftOut }
}

/** A slug, or `''` with its problem said (`rule` 'site' for the site's, 'slug' for a signal's id). */
const slug = (bad: Checks[0], v: unknown, path: string) => (typeof v == 'string' && SLUG.test(v) ? v : (bad(path, path == 'site' ? 'site' : 'slug'), ''))

/** One signal's fields, each problem by path under `at`; its id. */
const checkSignal = ([bad, only, text]: Checks, s: Record<string, unknown>, at: string, ids: Set<string>) => {
  only(s, at + '.', FIELDS)
  const id = slug(bad, own(s, 'id'), at + '.id')
  if (ids.has(id)) bad(at + '.id', 'twice', id)
  const [type, options, source, lifetime, sensitive] = ['type', 'options', 'source', 'lifetime', 'sensitive'].map((k) => own(s, k))
  if (type !== 'boolean' && type !== 'choice' && type !== 'multi') bad(at + '.type', 'type')
  text(s, 'label', at + '.', true)
  text(s, 'purpose', at + '.', true)
  text(s, 'group', at + '.')
  text(s, 'description', at + '.')
  const listed = type === 'choice' || type === 'multi'
  if (type === 'boolean' && options !== undefined) bad(at + '.options', 'no-options')
  else if (listed && (!Array.isArray(options) || !options.length || options.length > LIMITS.options)) bad(at + '.options', 'options', type)
  else if (listed) {
    const values = new Set()
    ;(options as unknown[]).forEach((o, j) => {
      const op = `${at}.options[${j}]`
      if (!isObject(o)) return bad(op, 'option')
      only(o, op + '.', OPTION)
      const v = own(o, 'value')
      if (typeof v != 'string' || !OPTION_VALUE.test(v)) bad(op + '.value', 'name')
      else if (values.has(v)) bad(op + '.value', 'listed', v)
      values.add(v)
      text(o, 'label', op + '.', true)
    })
  }
  if (source !== undefined && source !== 'declared' && source !== 'inferred') bad(at + '.source', 'source')
  if (lifetime !== undefined && (typeof lifetime != 'string' || !parseLifetime(lifetime))) bad(at + '.lifetime', 'lifetime')
  if (sensitive !== undefined && typeof sensitive != 'boolean') bad(at + '.sensitive', 'boolean')
  return id
}

/** A copy of `o`'s `keys`, without a prototype (a polluted Object.prototype adds nothing to it). */
const pick = (o: object, keys: string[]) => {
  const c = Object.create(null)
  for (const k of keys) c[k] = own(o, k)
  return c
}

/** A copy of only what was checked: the page keeps no handle on our catalog. */
const copySignal = (s: Record<string, unknown>): SignalDefinition => {
  // No prototype either, so a polluted Object.prototype.source can't make a signal inferable.
  const def = Object.create(null) as Record<string, unknown>
  const options = own(s, 'options')
  for (const k of FIELDS)
    if (own(s, k) !== undefined) def[k] = k == 'options' && Array.isArray(options) ? options.map((o) => (isObject(o) ? pick(o, OPTION) : o)) : own(s, k)
  return def as unknown as SignalDefinition
}

/** `measure: { holdout, epsilon, goals }`, checked field by field; a clean copy, or `undefined` when left out. */
const checkMeasure = ([bad, only, text]: Checks, m: unknown) => {
  if (m === undefined) return
  if (!isObject(m)) return void bad('measure', 'measure')
  only(m, 'measure.', MEASURE)
  const [holdout, epsilon, goals] = MEASURE.map((k) => own(m, k))
  const out: MeasureSettings = {}
  if (holdout !== undefined && !(typeof holdout == 'number' && holdout >= 0 && holdout <= 0.5)) bad('measure.holdout', 'holdout')
  else if (holdout !== undefined) out.holdout = holdout as number
  if (epsilon !== undefined && !isEpsilon(epsilon)) bad('measure.epsilon', 'epsilon')
  else if (epsilon !== undefined) out.epsilon = epsilon as number
  if (goals !== undefined && (!Array.isArray(goals) || goals.length > MAX_GOALS)) bad('measure.goals', 'goals', MAX_GOALS)
  else if (goals)
    goals.forEach((g, i) => {
      let at = `measure.goals[${i}]`
      // A goal is its name, or { name, label } with the words the panel says it in.
      if (isObject(g)) {
        only(g, at + '.', GOAL)
        text(g, 'label', at + '.', true)
        g = own(g, 'name')
        at += '.name'
      }
      if (typeof g != 'string' || !GOAL_NAME.test(g)) bad(at, 'name')
    })
  // A copy of only the checked fields (a name listed twice is counted once where goals are counted).
  if (Array.isArray(goals)) out.goals = goals.map((g) => (isObject(g) ? pick(g, GOAL) : g))
  return out
}

/**
 * What a signal means, as a short hash of its type, purpose and option values:
 * when it changes, stored values wait for the visitor's review. Labels are left out
 * on purpose, so rewording asks nothing of anyone.
 */
export const fingerprint = (s: SignalDefinition): string => fnv(JSON.stringify([s.type, s.purpose, (s.options || []).map((o) => o.value).sort()]))
