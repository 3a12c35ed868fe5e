import type { AnyCandor, Candor } from '@candor/core'
import { type ShallowRef, shallowReadonly, shallowRef } from 'vue'
import { injectCandor } from './inject.js'
import { onChange } from './use-candor.js'

/** Options of `usePreference`. */
export interface PreferenceOptions {
  /** Why the component reads it, shown to the visitor in the panel ("Orders your reading list"). */
  reason: string
}

/** The ids an instance's `get` takes (every declared id; `string` for an untyped catalog). */
export type PreferenceId<C extends AnyCandor = Candor> = Parameters<C['get']>[0]
/** What an instance's `get` returns for them: the value to tailor by, or `undefined` when nothing may be used. */
export type PreferenceValue<C extends AnyCandor = Candor> = ReturnType<C['get']>

/**
 * The value the component may tailor by, as a readonly ref, or `undefined` when nothing may be used (level
 * off, turned off, the preview, a holdout view, nothing declared). A component starts from `undefined`, the
 * page as everyone sees it, and reads once mounted (before paint), so a server render hydrates without a
 * mismatch. Kept current through `subscribe` until its scope ends; one read per call, however often it changes.
 * @example const topics = usePreference('topics', { reason: 'Orders your reading list' })
 */
export const usePreference = <C extends AnyCandor = Candor>(id: PreferenceId<C>, options: PreferenceOptions): Readonly<ShallowRef<PreferenceValue<C>>> => {
  const candor = injectCandor<C>('usePreference')
  // The ledger counts a read once per element: this call reads with an object of its own (the panel outlines only connected elements).
  const reader = Object.freeze({ reader: 'composable' }) as unknown as Element
  const value = shallowRef<PreferenceValue<C>>()
  const read = () => (value.value = candor.get(id, { reason: options.reason, element: reader }) as PreferenceValue<C>)
  onChange(candor, read)
  return shallowReadonly(value) as Readonly<ShallowRef<PreferenceValue<C>>>
}
