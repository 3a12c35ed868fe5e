import type { AnyCandor, Candor } from '@candor/core'
import { type Moves, type RankBy, rankItems } from '@candor/core/rank'
import { type ComputedRef, computed, type MaybeRefOrGetter, shallowRef, toValue } from 'vue'
import { injectCandor } from './inject.js'
import { onChange } from './use-candor.js'
import type { PreferenceId } from './use-preference.js'

/** Options of `useRanked`: what ranks the list (typed by the catalog's ids), and why. */
export interface RankedOptions<T, C extends AnyCandor = Candor> extends RankBy<T> {
  /** The signal(s) whose values in use move items up (`data-candor-rank` in candor.js). */
  rank: PreferenceId<C> | readonly PreferenceId<C>[]
  /** The signal(s) whose values in use move items down, last (this wins over `rank`). */
  demote?: PreferenceId<C> | readonly PreferenceId<C>[]
  /** Why the component reads them, shown to the visitor in the panel ("Orders the front page"). */
  reason: string
}

/** What `useRanked` returns: computed refs, so `const { items, moved } = useRanked(…)` stays reactive. */
export interface RankedRefs<T> {
  /** The items in the visitor's order. */
  items: ComputedRef<T[]>
  /** How many moved up, for which values, and how many down. */
  moved: ComputedRef<Moves>
  /** `moved.upValues` as the catalog names them ("Science"), for a note such as "2 moved up for Science". */
  labels: ComputedRef<string[]>
}

/**
 * `items` (an array, a ref or a getter) in the visitor's order: those about a value of `rank` first, those about
 * a value of `demote` last, the first `keep` where they were (see `order` in @candor/core). A component starts
 * from the order given (on the server too, so hydration matches) and tailors once mounted. One read per call
 * and signal, kept current until its scope ends; `items` recomputes only when the instance or the input changes.
 * @example const { items, moved, labels } = useRanked(stories, { rank: 'topics', about: (s) => s.topic, reason: 'Orders the front page' })
 */
export const useRanked = <T, C extends AnyCandor = Candor>(items: MaybeRefOrGetter<readonly T[]>, options: RankedOptions<T, C>): RankedRefs<T> => {
  const candor = injectCandor<C>('useRanked')
  // One reader object per call: the ledger counts a read once per element (see usePreference).
  const reader = Object.freeze({ reader: 'composable' }) as unknown as Element
  const ids = [options.rank, options.demote ?? []].flat() as string[]
  // The values in use by id; none until read (once mounted, in a component): the order given.
  const values = shallowRef<Record<string, unknown>>({})
  onChange(candor, () => (values.value = Object.fromEntries(ids.map((id) => [id, candor.get(id, { reason: options.reason, element: reader })]))))
  const ranked = computed(() => {
    const v = values.value
    return rankItems(toValue(items), options, (id) => v[id], candor.catalog.signals)
  })
  return { items: computed(() => ranked.value.items), moved: computed(() => ranked.value.moved), labels: computed(() => ranked.value.labels) }
}
