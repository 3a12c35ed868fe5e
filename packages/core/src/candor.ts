// The entry most apps use: an instance with every part in, reading and writing from the start. The
// measuring part is loaded with the stored choices, and only when the catalog measures.
import { wordedCatalog } from './catalog-words.js'
import { edit } from './editing.js'
import { createInstance } from './instance.js'
import type { Candor, CandorOptions, Catalog } from './types.js'

export type { CandorOptions } from './types.js'
export { preopen } from './load.js'

/**
 * Creates the instance that reads and writes one site's preferences. Throws a `CandorError`
 * when the catalog is invalid; everything after that works even when storage doesn't.
 * @example
 * const candor = createCandor({ catalog })
 * await candor.ready
 * if (candor.get('compact', { reason: 'Chooses the layout' })) document.body.classList.add('compact')
 */
export const createCandor = <const C extends Catalog>(options: CandorOptions<C>): Candor<C> =>
  createInstance(
    wordedCatalog(options?.catalog, options?.lenient === true),
    options,
    { edit },
    {
      load: () => import('./measure/view.js').then((m) => m.createView),
    },
  ) as unknown as Candor<C>

/**
 * Returns the catalog as given, typed literally: `get`, `set` and `toggle` then refuse ids and options it doesn't declare.
 * @example
 * const catalog = defineCatalog({ site: 'daily-planet', signals: [{ id: 'compact', type: 'boolean', label: 'Compact', purpose: 'Fits more on a screen' }] })
 * createCandor({ catalog }).get('compactt') // a type error
 */
export const defineCatalog = <const C extends Catalog>(catalog: C): C => catalog
