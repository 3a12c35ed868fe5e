import { CandorError, fail } from './errors'
import { parseLifetime } from './lifetime'
import type { Catalog, SignalDefinition } from './types'

const SLUG = /^[a-z][a-z0-9-]{0,63}$/
const FIELDS = 'id type label purpose options source lifetime group description sensitive'.split(' ')

type Rec = Record<string, unknown>
export const isRec = (x: unknown): x is Rec => typeof x == 'object' && x !== null && !Array.isArray(x)

/**
 * Checks a catalog and returns a clean copy of it, or throws one `CandorError`
 * (`code: 'catalog-invalid'`) listing every problem by path, e.g. `signals[2].purpose: required`.
 * @example const catalog = validateCatalog(JSON.parse(text))
 */
export const validateCatalog = (input: unknown): Catalog => {
  const problems: string[] = []
  const bad = (path: string, why: string) => problems.push(path + ': ' + why)
  // Text of 1 to `max` characters: caps keep a hostile or broken catalog from flooding the panel.
  const text = (o: Rec, key: string, at: string, max: number, need?: boolean) => {
    const v = own(o, key)
    if (v === undefined ? need : typeof v != 'string' || !v.trim() || v.length > max)
      bad(at + key, v === undefined ? 'required' : `must be text of 1 to ${max} characters`)
  }
  // Own properties only: a polluted Object.prototype must not add fields to a signal.
  const own = (o: Rec, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined)
  const only = (o: Rec, at: string, allowed: string[]) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) bad(at + k, `unknown field (allowed: ${allowed.join(', ')})`)
  }
  const slug = (v: unknown, path: string, example: string) =>
    typeof v == 'string' && SLUG.test(v) ? v : (bad(path, `must be a slug like "${example}": lowercase letters, digits and "-", starting with a letter`), '')

  if (!isRec(input)) throw new CandorError('catalog-invalid', 'Invalid Candor catalog: expected an object like { site, signals: [...] }')
  const site = slug(own(input, 'site'), 'site', 'daily-planet')
  only(input, '', ['site', 'signals', '$schema'])
  const list = own(input, 'signals')
  const signals: SignalDefinition[] = []
  const ids = new Set<string>()
  if (!Array.isArray(list) || list.length > 2000) bad('signals', 'required: a list of at most 2000 signal declarations')
  else
    list.forEach((s: unknown, i) => {
      const at = `signals[${i}]`
      if (!isRec(s)) return bad(at, 'must be an object')
      only(s, at + '.', FIELDS)
      const id = slug(own(s, 'id'), at + '.id', 'topics')
      if (ids.has(id)) bad(at + '.id', `"${id}" is declared twice`)
      ids.add(id)
      const [type, options, source, lifetime, sensitive] = ['type', 'options', 'source', 'lifetime', 'sensitive'].map((k) => own(s, k))
      if (type !== 'boolean' && type !== 'choice' && type !== 'multi') bad(at + '.type', 'must be "boolean", "choice" or "multi"')
      text(s, 'label', at + '.', 200, true)
      text(s, 'purpose', at + '.', 2000, true)
      text(s, 'group', at + '.', 100)
      text(s, 'description', at + '.', 2000)
      const listed = type === 'choice' || type === 'multi'
      if (type === 'boolean' && options !== undefined) bad(at + '.options', 'not allowed for a boolean signal')
      else if (listed && (!Array.isArray(options) || !options.length || options.length > 500))
        bad(at + '.options', `required for a ${type} signal: a list of 1 to 500 { value, label }`)
      else if (listed) {
        const values = new Set()
        ;(options as unknown[]).forEach((o, j) => {
          const op = `${at}.options[${j}]`
          if (!isRec(o)) return bad(op, 'must be { value, label }')
          only(o, op + '.', ['value', 'label'])
          const v = own(o, 'value')
          if (typeof v != 'string' || !/^[\w.-]{1,64}$/.test(v)) bad(op + '.value', 'must be 1 to 64 letters, digits, "_", "." or "-"')
          else if (values.has(v)) bad(op + '.value', `"${v}" is listed twice`)
          values.add(v)
          text(o, 'label', op + '.', 200, true)
        })
      }
      if (source !== undefined && source !== 'declared' && source !== 'inferred') bad(at + '.source', 'must be "declared" or "inferred"')
      if (lifetime !== undefined && (typeof lifetime != 'string' || !parseLifetime(lifetime)))
        bad(at + '.lifetime', 'must look like "90d", "12h" or "2w" (whole hours, days or weeks), or be left out')
      if (sensitive !== undefined && typeof sensitive != 'boolean') bad(at + '.sensitive', 'must be true or false')
      // Copy only what was checked: the page keeps no handle on our catalog. No prototype either,
      // so a polluted Object.prototype.source can't make a signal inferable.
      const def = Object.create(null) as Rec
      for (const k of FIELDS)
        if (own(s, k) !== undefined)
          def[k] = k == 'options' && Array.isArray(options) ? options.map((o) => (isRec(o) ? Object.assign(Object.create(null), { value: own(o, 'value'), label: own(o, 'label') }) : o)) : own(s, k)
      signals.push(def as unknown as SignalDefinition)
    })
  fail('catalog-invalid', 'Invalid Candor catalog', problems)
  return { site, signals }
}

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
