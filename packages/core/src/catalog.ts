// Checks a site's catalog, strictly and in words: the rules are catalog-check.ts's, the words catalog-words.ts's.
// Known fields with bad values refuse the catalog, every problem listed by path; unknown fields (a newer Candor's,
// a typo, the site's own note) are reported and left out.
import { takeCatalog } from './catalog-check.js'
import { refuse, say } from './catalog-words.js'
import type { Catalog } from './types.js'

export { fingerprint, LIMITS } from './catalog-check.js'

/** A checked catalog, what it held that this version doesn't know (left out), and, when lenient, the problems of what was left out. */
export interface CheckedCatalog {
  catalog: Catalog
  unknown: string[]
  /** With `lenient`: each problem of a signal (or `intro`, `measure`) that was left out, by path. */
  leftOut: string[]
}

/**
 * Checks a catalog and returns a clean copy of it with what it left out, or throws one `CandorError`
 * (`code: 'catalog-invalid'`) listing every problem by path, e.g. `signals[2].purpose: required`.
 */
export const checkCatalog = (input: unknown, lenient = false): CheckedCatalog => {
  const checked = takeCatalog(input, lenient, say)
  return checked.refused ? refuse(checked.refused) : checked
}

/**
 * Checks a catalog and returns a clean copy of it, or throws one `CandorError`
 * (`code: 'catalog-invalid'`) listing every problem by path, e.g. `signals[2].purpose: required`.
 * Unknown fields are left out of the copy (`createCandor` reports them in `problems`).
 * @example const catalog = validateCatalog(JSON.parse(text))
 */
export const validateCatalog = (input: unknown): Catalog => checkCatalog(input).catalog
