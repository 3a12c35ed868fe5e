// The panel loads as a separate module but must track the core's signals: both must use one
// copy of @preact/signals-core. candor.js hands its copy over under this symbol; the panel's
// build maps '@preact/signals-core' to a module that reads it (see build.mjs).
export const SIGNALS = Symbol.for('candor.signals-core')
