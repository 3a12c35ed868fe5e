// '@candor/core/startup': an instance that only reads at first. Its editing part (writes, recovery,
// the signals adapter) is loaded by a function the page gives, on the first write or `load()`, so a
// page view on which the visitor changes nothing never downloads it. candor.js is built on this.
import type { edit } from './editing'
import type { createView } from './measure/view'
import { createInstance } from './instance'
import type { Candor, CandorOptions } from './types'

export { preopen } from './load'
export { loadOnce } from './loader'
export { LEVELS } from './record'
export { readSnapshot, snapshotHoldout } from './snapshot'
export { drawView, isHeldOut } from './measure/arm'
export { holdsOption, whyNotRank, whyNotToggle } from './rules'
export type { edit } from './editing'
export type { createView } from './measure/view'
export type { Candor, CandorOptions, Catalog, Value } from './types'

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
