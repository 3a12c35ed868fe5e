// candor-panel.js: what candor.js loads when the visitor shows intent — the core's editing part
// (writes, recovery, signals), Preact, the widget and its strings.
export { edit } from '@candor/core/editing'
export { declareInContext, explainInPlace, mountCandor, renderInline } from '@candor/widget'
