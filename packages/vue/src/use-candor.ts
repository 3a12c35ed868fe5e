import type { AnyCandor, Candor } from '@candor/core'
import { getCurrentScope, onScopeDispose, type ShallowRef, shallowRef, triggerRef } from 'vue'
import { injectCandor } from './inject.js'

/** Calls `fn` after every change of the instance, until the current effect scope (the component) ends. */
export const onChange = (candor: Candor, fn: () => void): void => {
  const stop = candor.subscribe(fn)
  if (getCurrentScope()) onScopeDispose(stop)
}

/**
 * The provided instance, in a ref triggered on every change (a write, another tab, the level, the preview):
 * `computed(() => candor.value.level)` stays current.
 * @example const candor = useCandor(); const everyone = computed(() => candor.value.previewing)
 */
export const useCandor = <C extends AnyCandor = Candor>(): Readonly<ShallowRef<C>> => {
  const candor = injectCandor<C>('useCandor')
  const ref = shallowRef(candor) as ShallowRef<C>
  onChange(candor, () => triggerRef(ref))
  return ref
}
