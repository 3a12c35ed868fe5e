// '@candor/core/internal': seams only Candor's own packages use (candor.js, the widget). Not public API: anything
// here may change in any release. What a site may use is in '@candor/core' and its documented entries.
export { levelShown, levelsOffered } from './levels.js'
export { drawView, isHeldOut } from './measure/arm.js'
export { holdsOption, isCarried, whyNotRank, whyNotToggle } from './rules.js'
export { loadOnce } from './loader.js'
export { TRANSFER_MINUTES, TRANSFER_PREFIX, catalogKey } from './names.js'
