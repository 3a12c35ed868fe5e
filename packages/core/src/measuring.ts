// '@candor/core/measuring': the measuring part of an instance — the view's arm, goals counted on the
// device, the noisy report at the end of a view. `createCandor` includes it; `startCandor` loads it
// only on a site whose catalog measures, so a site that doesn't pays nothing for it.
export { createView } from './measure/view.js'
