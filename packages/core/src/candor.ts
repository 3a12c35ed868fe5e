// The entry most apps use: an instance with every part in, reading and writing from the start. The
// measuring part is loaded with the stored choices, and only when the catalog measures.
import { edit } from './editing'
import { createInstance } from './instance'
import type { Candor, CandorOptions } from './types'

export type { CandorOptions } from './types'
export { preopen } from './load'

/**
 * Creates the instance that reads and writes one site's preferences. Throws a `CandorError`
 * when the catalog is invalid; everything after that works even when storage doesn't.
 * @example
 * const candor = createCandor({ catalog })
 * await candor.ready
 * if (candor.get('compact', { reason: 'Chooses the layout' })) document.body.classList.add('compact')
 */
export const createCandor = (options: CandorOptions): Candor =>
  createInstance(options, { edit }, { load: () => import('./measure/view').then((m) => m.createView) })
