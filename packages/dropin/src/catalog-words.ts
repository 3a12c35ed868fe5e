// candor-catalog-words.js: what candor.js loads when it has a problem to say — its catalog's (a field it doesn't know,
// a signal left out, a catalog refused: the words of each, and "did you mean") or a page's mistake with a ranked
// container. A site whose catalog and attributes are right never loads it.
import type { Mistake } from './attributes.js'

export { reworded, wordedCatalog } from '@candor/core/catalog-words'

/** The drop-in's own rules in words (the core's, an option or a signal that can't be used, come worded). */
const WORDS: Record<string, (name?: string) => string> = {
  keep: () => 'must be a whole number of children from 0 (the page keeps them first)',
  about: () => "none of its children has data-candor-about, so it keeps the page's order",
  framework: (name) => `rendered by ${name}, so it keeps its order: rank it with useRanked from @candor/react or @candor/vue`,
}

/**
 * A page's mistake in words; a rule this version doesn't know is said by its name.
 * @example said(['keep']) // 'must be a whole number of children from 0 (the page keeps them first)'
 */
export const said = ([rule, arg]: Exclude<Mistake, string>): string => WORDS[rule]?.(arg as string) ?? rule
