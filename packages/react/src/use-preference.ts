import type { AnyCandor, Candor } from '@candor/core'
import { useEffect, useLayoutEffect, useMemo, useState } from 'react'
import { SERVER } from './changes.js'
import { useInstance } from './context.js'
import { useChanges } from './use-candor.js'

/** Options of `usePreference`. */
export interface PreferenceOptions {
  /** Why the component reads it, shown to the visitor in the panel ("Orders your reading list"). */
  reason: string
}

/** The ids an instance's `get` takes (every declared id; `string` for an untyped catalog). */
export type PreferenceId<C extends AnyCandor = Candor> = Parameters<C['get']>[0]
/** What an instance's `get` returns for them: the value to tailor by, or `undefined` when nothing may be used. */
export type PreferenceValue<C extends AnyCandor = Candor> = ReturnType<C['get']>

// The ledger counts a read once per element; a component has no element while it renders, so it reads
// with an object of its own (only its identity counts), kept for its life. The panel outlines only connected elements.
const newReader = () => ({}) as Element

// The read is recorded once the component is on the page, before paint: a render React throws away
// (StrictMode's second pass in React 18, an interrupted transition) is no read. No layout effects on a server.
const useCommitEffect = typeof document == 'undefined' ? useEffect : useLayoutEffect

/**
 * What a signal's value is in a render at `changes`: `undefined` on the server and while hydrating, else the value
 * `get` gives (without counting a read at every render: `get` is `explain` when it is active).
 */
export const inUse = (candor: AnyCandor, changes: number, id: string): unknown => {
  const e = changes == SERVER ? undefined : candor.explain(id)
  return e?.state == 'active' ? e.value : undefined
}

/** The instance of the nearest provider and its version; each of `ids` is counted as one read for this component, with `reason`. */
export const useReads = <C extends AnyCandor>(hook: string, ids: readonly string[], reason: string): [C, number] => {
  const candor = useInstance<C>(hook)
  const changes = useChanges(candor)
  const [reader] = useState(newReader)
  // `get` is what the page reads: it decides a measured view's arm and counts the read (once for this reader).
  // The ids as one string: an inline array is new at every render.
  useCommitEffect(() => ids.forEach((id) => candor.get(id, { reason, element: reader })), [candor, String(ids), reason, reader])
  return [candor, changes]
}

/**
 * The value the component may tailor by, or `undefined` when nothing may be used (level off, turned off,
 * the preview, a holdout view, nothing declared). On the server and while hydrating it is `undefined`, the
 * page as everyone sees it, so hydration matches; it tailors right after. One read per component, however
 * often it renders; the same array until the instance changes.
 * @example const topics = usePreference('topics', { reason: 'Orders your reading list' }) ?? []
 */
export const usePreference = <C extends AnyCandor = Candor>(id: PreferenceId<C>, options: PreferenceOptions): PreferenceValue<C> => {
  const [candor, changes] = useReads<C>('usePreference', [id], options.reason)
  // `changes` is the instance's version: a new value only when something changed.
  return useMemo(() => inUse(candor, changes, id), [candor, id, changes]) as PreferenceValue<C>
}
