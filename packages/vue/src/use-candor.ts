import type { AnyCandor, Candor } from '@candor/core'
import { getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, onUnmounted, type ShallowRef, shallowRef, triggerRef } from 'vue'
import { injectCandor } from './inject.js'

/**
 * Calls `fn` now and after every change of the instance, until the current effect scope ends. In a component
 * "now" is once mounted, before paint: a server never mounts one, so a server render neither reads nor adds a
 * listener to an instance kept across requests, and the first client render matches the server's.
 */
export const onChange = (candor: Candor, fn: () => void): void => {
  if (getCurrentInstance()) {
    let stop: (() => void) | undefined
    onMounted(() => {
      fn()
      stop = candor.subscribe(fn)
    })
    onUnmounted(() => stop?.())
    return
  }
  const stop = candor.subscribe(fn)
  if (getCurrentScope()) onScopeDispose(stop)
  fn()
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
