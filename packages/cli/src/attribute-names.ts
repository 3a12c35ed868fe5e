// The data-candor-* attributes candor.js reads, by what their value names. The drop-in's own list (its names.ts) isn't
// an entry of its package, so the names are listed here; the test against the drop-in's source keeps the two the same.

/** Attributes whose value is one or more conditions `signal` / `signal:option`, separated by spaces. */
export const CONDITIONS: readonly string[] = ['data-candor-show', 'data-candor-baseline']
/** Attributes whose value is one or more signal ids, separated by spaces (a container ordered by them). */
export const RANKING: readonly string[] = ['data-candor-rank', 'data-candor-demote']
/** Attributes whose value is one signal id (`data-candor-open`'s may be empty: the panel at its top). */
export const ONE_SIGNAL: readonly string[] = ['data-candor-why', 'data-candor-open']
export const DECLARE = 'data-candor-declare'
export const ABOUT = 'data-candor-about'
export const GOAL = 'data-candor-goal'

/** Every attribute candor.js reads or sets: `keep` (a number), `note` (an element's id), `reason` (words), `state` and `for` (its own). */
export const KNOWN: readonly string[] = [
  ...CONDITIONS,
  ...RANKING,
  ...ONE_SIGNAL,
  DECLARE,
  ABOUT,
  GOAL,
  'data-candor-keep',
  'data-candor-note',
  'data-candor-reason',
  'data-candor-state',
  'data-candor-for',
]
