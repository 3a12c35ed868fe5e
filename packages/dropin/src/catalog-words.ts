// candor-catalog-words.js: what candor.js loads when it has a problem to say — its catalog's (a field it doesn't know,
// a signal left out, a catalog refused: the words of each, and "did you mean") or a page's mistake with a ranked
// container. A site whose catalog and attributes are right never loads it.
import type { Mistake } from './attributes.js'

import { wordedCatalog } from '@candor/core/catalog-words'

export { reworded } from '@candor/core/catalog-words'

/**
 * The drop-in's own rules in words (the core's, an option or a signal that can't be used, come worded): a ranked
 * container's mistakes, and why there is no catalog to take (catalog-source.ts names the rule).
 */
const WORDS: Record<string, (...args: unknown[]) => string> = {
  keep: () => 'must be a whole number of children from 0 (the page keeps them first)',
  about: () => "none of its children has data-candor-about, so it keeps the page's order",
  framework: (name) => `rendered by ${name}, so it keeps its order: rank it with useRanked from @candor/react or @candor/vue`,
  'catalog-http': (file, status) => `the catalog ${file} could not be loaded (HTTP ${status})`,
  'no-catalog': () => 'no catalog: add data-catalog="/candor.json" to the script tag, or a <script type="application/json" id="candor-catalog">',
}

/**
 * A catalog that can't be used, refused in words: the `CandorError` `Candor.ready` rejects with. candor.js takes
 * catalogs leniently (a signal with a mistake is left out), so only one without a site or a list of signals is refused.
 * When the catalog is fine after all, what failed was something else: `error`, what starting threw, is the answer.
 */
export const refusedCatalog = (input: unknown, error: unknown): never => {
  try {
    wordedCatalog(input, true)
  } catch (e) {
    ;(e as Error).message += '\nThe page shows its baseline until the catalog is fixed.'
    throw e
  }
  throw error
}

/**
 * A page's mistake in words; a rule this version doesn't know is said by its name.
 * @example said(['keep']) // 'must be a whole number of children from 0 (the page keeps them first)'
 */
export const said = ([rule, ...args]: Exclude<Mistake, string>): string => WORDS[rule]?.(...args) ?? rule

/** The error `Candor.ready` rejects with when there is no catalog to take (`m`: catalog-source.ts's mistake). */
export const noCatalog = (m: Exclude<Mistake, string>) => new Error('Candor: ' + said(m))
