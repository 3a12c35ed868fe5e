import type { AnyCandor, Candor } from '@candor/core'
import { type RankBy, type RankedItems, rankItems } from '@candor/core/rank'
import { useMemo } from 'react'
import { inUse, type PreferenceId, useReads } from './use-preference.js'

/** Options of `useRanked`: what ranks the list (typed by the catalog's ids), and why. */
export interface RankedOptions<T, C extends AnyCandor = Candor> extends RankBy<T> {
  /** The signal(s) whose values in use move items up (`data-candor-rank` in candor.js). */
  rank: PreferenceId<C> | readonly PreferenceId<C>[]
  /** The signal(s) whose values in use move items down, last (this wins over `rank`). */
  demote?: PreferenceId<C> | readonly PreferenceId<C>[]
  /** Why the component reads them, shown to the visitor in the panel ("Orders the front page"). */
  reason: string
}

/**
 * `items` in the visitor's order: those about a value of `rank` first, those about a value of `demote` last, the
 * first `keep` where they were (see `order` in @candor/core). On the server and while hydrating, the order given,
 * so hydration matches. `moved` says what changed; `labels` words `moved.upValues` as the catalog does ("2 moved
 * up for Science"). One read per component and signal; `items` is the same array until the instance or `items` changes.
 * @example const { items, moved, labels } = useRanked(stories, { rank: 'topics', about: (s) => s.topic, reason: 'Orders the front page' })
 */
export const useRanked = <T, C extends AnyCandor = Candor>(items: readonly T[], options: RankedOptions<T, C>): RankedItems<T> => {
  const { rank, demote = [] } = options
  const [candor, changes] = useReads<C>('useRanked', [rank, demote].flat(), options.reason)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options object and `about`, written inline, are new at every render; the ids stand for them.
  return useMemo(
    () => rankItems(items, options, (id) => inUse(candor, changes, id), candor.catalog.signals),
    [candor, changes, items, String([rank, '|', demote]), options.keep],
  )
}
