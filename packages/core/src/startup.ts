// '@candor/core/startup': the reader, an instance that only reads at first. Its editing part (writes, recovery, the
// signals adapter) is loaded by a function the page gives, on the first write or `load()`, so a page view on which the
// visitor changes nothing never downloads it; and it carries no message text: a catalog's problems are worded by a
// part loaded only when there are some. candor.js is built on this.
import { code, takeCatalog, type CatalogCheck } from './catalog-check.js'
import type { reworded } from './catalog-words.js'
import type { edit } from './editing.js'
import { CandorError } from './errors.js'
import { createInstance } from './instance.js'
import type { createView } from './measure/view.js'
import type { Candor, CandorOptions, Problem } from './types.js'

export { preopen } from './load.js'
export { LEVELS } from './record.js'
export { readSnapshot, snapshotHoldout } from './snapshot.js'
export type { edit } from './editing.js'
export type { createView } from './measure/view.js'
export type { Candor, CandorOptions, Catalog, Value } from './types.js'

/** The part that words a catalog's problems: `@candor/core/catalog-words`. */
export interface CatalogWords {
  reworded: typeof reworded
}

/** The problems of a catalog taken with `code`: each by path and rule, e.g. `signals[2].label: required`. */
const byRule = ({ unknown, leftOut }: Extract<CatalogCheck, { catalog: unknown }>): Problem[] =>
  unknown.map((message): Problem => ({ code: 'unknown-field', message })).concat(leftOut.map((message) => ({ code: 'left-out', message })))

/**
 * Like `createCandor`, with the editing part loaded by `loadEditing` when first needed, the measuring part by
 * `loadMeasuring` with the stored choices when the catalog measures (`measure.holdout` above 0; without it, nothing is
 * measured), and the words of the catalog's problems by `loadWords`, only when it has some. Until they are in (and
 * without `loadWords`), `problems` names each by path and rule, e.g. `signals[2].label: required`; once in, they are
 * said on the console and `problems` has them in words. A catalog that can't be used throws a `CandorError` by path
 * and rule; `wordedCatalog(catalog, lenient)` from `@candor/core/catalog-words` throws the same in words.
 * @example
 * const candor = startCandor({ catalog }, () => import('@candor/core/editing').then((m) => m.edit),
 *   () => import('@candor/core/measuring').then((m) => m.createView), () => import('@candor/core/catalog-words'))
 */
export const startCandor = (
  options: CandorOptions,
  loadEditing: () => Promise<typeof edit>,
  loadMeasuring?: () => Promise<typeof createView>,
  loadWords?: () => Promise<CatalogWords>,
): Candor => {
  const lenient = options?.lenient === true
  const checked = takeCatalog(options?.catalog, lenient, code)
  if (checked.refused) throw new CandorError('catalog-invalid', 'Invalid Candor catalog:\n  ' + checked.refused.join('\n  '), checked.refused)
  const said = checked.unknown.length || checked.leftOut.length
  // Words that can't load leave the problems by path and rule.
  const later = said
    ? loadWords?.().then(
        (w) => w.reworded(options?.catalog, lenient),
        () => (problems: readonly Problem[]) => [...problems],
      )
    : undefined
  const taken = { catalog: checked.catalog, problems: byRule(checked), later }
  return createInstance(taken, options, { load: loadEditing }, loadMeasuring && { load: loadMeasuring })
}
