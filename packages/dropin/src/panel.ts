// candor-panel.js: what candor.js loads lazily — Preact, the widget and its strings.
export { mountCandor, renderInline } from '@candor/widget'
