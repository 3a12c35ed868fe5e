// '@candor/core/startup': an instance that only reads at first. Its editing part (writes, recovery,
// the signals adapter) is loaded by a function the page gives, on the first write or `load()`, so a
// page view on which the visitor changes nothing never downloads it. candor.js is built on this.
import type { edit } from './editing.js'
import type { createView } from './measure/view.js'
import { createInstance } from './instance.js'
import type { Candor, CandorOptions } from './types.js'

export { preopen } from './load.js'
export { LEVELS } from './record.js'
export { readSnapshot, snapshotHoldout } from './snapshot.js'
export type { edit } from './editing.js'
export type { createView } from './measure/view.js'
export type { Candor, CandorOptions, Catalog, Value } from './types.js'

/**
 * Like `createCandor`, with the editing part loaded by `loadEditing` when first needed, and the measuring
 * part by `loadMeasuring` with the stored choices when the catalog measures (`measure.holdout` above 0;
 * without it, nothing is measured).
 * @example
 * const candor = startCandor({ catalog }, () => import('@candor/core/editing').then((m) => m.edit),
 *   () => import('@candor/core/measuring').then((m) => m.createView))
 */
export const startCandor = (options: CandorOptions, loadEditing: () => Promise<typeof edit>, loadMeasuring?: () => Promise<typeof createView>): Candor =>
  createInstance(options, { load: loadEditing }, loadMeasuring && { load: loadMeasuring })
