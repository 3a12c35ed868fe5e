// The words of a catalog's problems: each rule of catalog-check.ts said as a person reads it, with "did you mean".
// `createCandor`, `startCandor` and `validateCatalog` include them; candor.js loads them only when its catalog has
// a problem to say, so a site whose catalog is right never downloads them.
import { LIMITS, type Rule, type Say, takeCatalog } from './catalog-check.js'
import { CandorError } from './errors.js'
import type { Catalog, Problem } from './types.js'

const NAME = 'must be 1 to 64 letters, digits, "_", "." or "-"'
const SLUG = ': lowercase letters, digits and "-", starting with a letter'

/** What is wrong, for each rule: a sentence, or one made from the problem's `arg`. */
const WHY: Record<Exclude<Rule, 'unknown'>, string | ((arg?: string | number) => string)> = {
  catalog: 'expected an object like { site, signals: [...] }',
  required: 'required',
  text: (max) => `must be text of 1 to ${max} characters`,
  site: 'must be a slug like "daily-planet"' + SLUG,
  slug: 'must be a slug like "topics"' + SLUG,
  signals: (max) => `required: a list of at most ${max} signal declarations`,
  object: 'must be an object',
  twice: (id) => `"${id}" is declared twice`,
  type: 'must be "boolean", "choice" or "multi"',
  'no-options': 'not allowed for a boolean signal',
  options: (type) => `required for a ${type} signal: a list of 1 to ${LIMITS.options} { value, label }`,
  option: 'must be { value, label }',
  name: NAME,
  listed: (v) => `"${v}" is listed twice`,
  source: 'must be "declared" or "inferred"',
  lifetime: 'must look like "90d", "12h" or "2w" (whole hours, days or weeks), or be left out',
  boolean: 'must be true or false',
  measure: 'must be an object like { holdout: 0.05, epsilon: 1 }',
  holdout: 'must be a share of views from 0 to 0.5, e.g. 0.05 for 1 in 20 (a number, not text)',
  epsilon: 'must be a number from 0.1 (most private) to 10, e.g. 1',
  goals: (max) => `must be a list of at most ${max} goal names, e.g. ["read"]`,
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
const unknownField = (key: string, allowed: readonly string[]) => {
  const near = allowed.find((k) => distance(key.toLowerCase(), k.toLowerCase()) <= Math.max(1, Math.floor(k.length / 4)))
  return near ? `unknown field, did you mean "${near}"? (ignored)` : `unknown field (ignored; known: ${allowed.join(', ')})`
}

/** Says a broken rule in words: what `takeCatalog` is given by `createCandor`, and by candor.js once it has a problem to say. */
export const say: Say = (rule, arg, known) => {
  if (rule == 'unknown') return unknownField(arg as string, known!)
  const w = WHY[rule]
  return typeof w == 'string' ? w : w(arg)
}

/** Throws the `CandorError` of a catalog that can't be used, listing every problem by path. */
export const refuse = (refused: string[]): never => {
  // Not an object: no paths to list, one sentence says it.
  const whole = refused[0] == WHY.catalog
  throw new CandorError('catalog-invalid', 'Invalid Candor catalog:' + (whole ? ' ' : '\n  ') + refused.join('\n  '), whole ? undefined : refused)
}

/**
 * A catalog taken by the rules (`lenient`: a part with a problem is left out), in words: the clean copy and its
 * problems, said on the console too. What `createCandor` starts with, and what the reader (`startCandor`, candor.js)
 * loads when its catalog has a problem to say. Throws the `CandorError` of a catalog that can't be used (`refuse`).
 */
export const wordedCatalog = (input: unknown, lenient: boolean): { catalog: Catalog; problems: Problem[] } => {
  const checked = takeCatalog(input, lenient, say)
  if (checked.refused) return refuse(checked.refused)
  const { catalog, unknown, leftOut } = checked
  const { site } = catalog
  if (unknown.length) console.warn(`Candor: the catalog of "${site}" has fields this version doesn't know:\n  ${unknown.join('\n  ')}`)
  if (leftOut.length) console.error(`Candor: parts of the catalog of "${site}" were left out, the rest is used:\n  ${leftOut.join('\n  ')}`)
  const problems: Problem[] = unknown.map((message) => ({ code: 'unknown-field', message }))
  return { catalog, problems: problems.concat(leftOut.map((message) => ({ code: 'left-out', message }))) }
}

/**
 * What the reader (`startCandor`) loads when its catalog has a problem to say: the problems in words (said on the
 * console too), as a function that puts them in place of those named by path and rule (what storage found since stays).
 */
export const reworded = (input: unknown, lenient: boolean) => {
  const worded = wordedCatalog(input, lenient).problems
  return (problems: readonly Problem[]) => {
    let i = 0
    return problems.map((p) => (p.code == 'unknown-field' || p.code == 'left-out' ? (worded[i++] ?? p) : p))
  }
}
