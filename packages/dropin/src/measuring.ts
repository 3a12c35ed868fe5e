// candor-measuring.js: what candor.js loads on a site whose catalog measures (measure.holdout above 0):
// the view's arm, its goals counted on the device, its noisy report.
export { createView } from '@candor/core/measuring'
