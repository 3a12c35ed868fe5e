// "Does tailoring help you?" (Measure.tsx) loads with the panel on a site that measures only: most sites don't. The
// drop-in builds it into the panel's files instead (dropin/build.mjs), where a chunk of its own would split Preact's.

/** The panel's section on measuring, loaded. */
export const loadMeasure = () => import('./Measure.js')
