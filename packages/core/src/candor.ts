// The entry most apps use: an instance with every part in, reading and writing from the start.
import { dbName } from './context'
import { edit } from './editing'
import { createInstance } from './instance'
import { preopen as openEarly } from './storage'
import type { Candor, CandorOptions } from './types'

export type { CandorOptions } from './types'

/**
 * Creates the instance that reads and writes one site's preferences. Throws a `CandorError`
 * when the catalog is invalid; everything after that works even when storage doesn't.
 * @example
 * const candor = createCandor({ catalog })
 * await candor.ready
 * if (candor.get('compact', { reason: 'Chooses the layout' })) document.body.classList.add('compact')
 */
export const createCandor = (options: CandorOptions): Candor => createInstance(options, { edit })

/**
 * Starts opening the site's database before the catalog is in, so `ready` comes sooner: for a page that
 * knows its site early (the drop-in, on a returning visit). Never throws.
 * @example preopen('news.example'); const candor = createCandor({ catalog: await loadCatalog() })
 */
export const preopen = (site: string) => openEarly(dbName(site))
