// @candor/vue: composables over Candor's subscribe. Values are readonly refs, cleaned up with their scope;
// a component starts from the page as everyone sees it and tailors once mounted; each call is one read.
export { candorPlugin, provideCandor } from './inject.js'
export { useCandor } from './use-candor.js'
export { usePreference, type PreferenceId, type PreferenceOptions, type PreferenceValue } from './use-preference.js'
export { useRanked, type RankedOptions, type RankedRefs } from './use-ranked.js'
export type { Moves } from '@candor/core/rank'
