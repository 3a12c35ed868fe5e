import { CandorError, fail } from './errors'
import { parseLifetime } from './lifetime'
import type { Catalog, SignalDefinition, SignalOption } from './types'

const SLUG = /^[a-z][a-z0-9-]{0,63}$/
const OPTION_VALUE = /^[\w.-]{1,64}$/
const TYPES = ['boolean', 'choice', 'multi']
const FIELDS = ['id', 'type', 'label', 'purpose', 'options', 'source', 'lifetime', 'group', 'description', 'sensitive']
// Caps keep a hostile or broken catalog from flooding the panel; real copy is far shorter.
const MAX_SIGNALS = 2000
const MAX_OPTIONS = 500

type Rec = Record<string, unknown>
const isRec = (x: unknown): x is Rec => typeof x == 'object' && x !== null && !Array.isArray(x)

/**
 * Checks a catalog and returns a clean copy of it, or throws one `CandorError`
 * (`code: 'catalog-invalid'`) listing every problem by path, e.g. `signals[2].purpose: required`.
 * @example const catalog = validateCatalog(JSON.parse(text))
 */
export const validateCatalog = (input: unknown): Catalog => {
  const problems: string[] = []
  const bad = (path: string, why: string) => problems.push(path + ': ' + why)
  const text = (o: Rec, key: string, path: string, max: number, required?: boolean): string | undefined => {
    const v = o[key]
    if (v === undefined && !required) return
    if (typeof v != 'string' || !v.trim()) bad(path + key, required && v === undefined ? 'required' : 'must be a non-empty string')
    else if (v.length > max) bad(path + key, `must be at most ${max} characters (has ${v.length})`)
    else return v
  }

  if (!isRec(input)) throw new CandorError('catalog-invalid', 'Invalid Candor catalog: expected an object like { site, signals: [...] }')
  const site = input.site
  if (typeof site != 'string' || !SLUG.test(site)) bad('site', 'must be a slug such as "daily-planet" (lowercase letters, digits, "-")')
  for (const k of Object.keys(input)) if (k != 'site' && k != 'signals' && k != '$schema') bad(k, 'unknown field (a catalog has "site" and "signals")')
  const list = input.signals
  const signals: SignalDefinition[] = []
  if (!Array.isArray(list)) bad('signals', 'required: a list of signal declarations')
  else if (list.length > MAX_SIGNALS) bad('signals', `at most ${MAX_SIGNALS} signals`)
  else {
    const seen = new Set<string>()
    list.forEach((s: unknown, i) => {
      const at = `signals[${i}].`
      if (!isRec(s)) return bad(at.slice(0, -1), 'must be an object')
      for (const k of Object.keys(s)) if (!FIELDS.includes(k)) bad(at + k, `unknown field (allowed: ${FIELDS.join(', ')})`)
      const id = s.id
      if (typeof id != 'string' || !SLUG.test(id)) bad(at + 'id', 'must be a slug such as "topics" (lowercase letters, digits, "-", starting with a letter)')
      else if (seen.has(id)) bad(at + 'id', `"${id}" is declared twice`)
      else seen.add(id)
      const type = s.type
      if (!TYPES.includes(type as string)) bad(at + 'type', 'must be "boolean", "choice" or "multi"')
      const label = text(s, 'label', at, 200, true)
      const purpose = text(s, 'purpose', at, 2000, true)
      const def: SignalDefinition = { id: id as string, type: type as SignalDefinition['type'], label: label!, purpose: purpose! }
      const opts = s.options
      if (type == 'boolean') {
        if (opts !== undefined) bad(at + 'options', 'not allowed for a boolean signal')
      } else if (type == 'choice' || type == 'multi') {
        if (!Array.isArray(opts) || !opts.length) bad(at + 'options', `required for a ${type} signal: a list of { value, label }`)
        else if (opts.length > MAX_OPTIONS) bad(at + 'options', `at most ${MAX_OPTIONS} options`)
        else {
          const values = new Set<string>()
          def.options = opts.map((o: unknown, j): SignalOption => {
            const op = `${at}options[${j}].`
            if (!isRec(o)) return bad(op.slice(0, -1), 'must be { value, label }'), { value: '', label: '' }
            const v = o.value
            if (typeof v != 'string' || !OPTION_VALUE.test(v)) bad(op + 'value', 'must be 1–64 letters, digits, "_", "." or "-"')
            else if (values.has(v)) bad(op + 'value', `"${v}" is listed twice`)
            else values.add(v)
            return { value: v as string, label: text(o, 'label', op, 200, true)! }
          })
        }
      }
      const source = s.source
      if (source !== undefined && source != 'declared' && source != 'inferred') bad(at + 'source', 'must be "declared" or "inferred"')
      else if (source) def.source = source as 'declared' | 'inferred'
      const lifetime = s.lifetime
      if (lifetime !== undefined && (typeof lifetime != 'string' || !parseLifetime(lifetime)))
        bad(at + 'lifetime', 'must look like "90d", "12h" or "2w" (a whole number of hours, days or weeks), or be left out')
      else if (lifetime) def.lifetime = lifetime as string
      const group = text(s, 'group', at, 100)
      if (group) def.group = group
      const description = text(s, 'description', at, 2000)
      if (description) def.description = description
      if (s.sensitive !== undefined && typeof s.sensitive != 'boolean') bad(at + 'sensitive', 'must be true or false')
      else if (s.sensitive) def.sensitive = true
      signals.push(def)
    })
  }
  fail('catalog-invalid', 'Invalid Candor catalog', problems)
  return { site: site as string, signals }
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
