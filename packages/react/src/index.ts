'use client'
// @candor/react: a provider and hooks over useSyncExternalStore. The server renders the page as everyone
// sees it; the client tailors right after hydrating; each component is one read in the usage ledger.
export { CandorProvider, type CandorProviderProps } from './context.js'
export { useCandor } from './use-candor.js'
export { usePreference, type PreferenceId, type PreferenceOptions, type PreferenceValue } from './use-preference.js'
export type { CandorPreferencesProps } from './element.js'
export { useRanked, type RankedOptions } from './use-ranked.js'
export type { Moves, RankedItems } from '@candor/core/rank'
