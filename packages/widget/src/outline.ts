import type { Candor } from '@candor/core'
import { signal, type ReadonlySignal } from '@preact/signals'

/** "Show what's tailored here": outlines every element the usage ledger says a signal tailored. */
export interface Outline {
  readonly on: ReadonlySignal<boolean>
  /** How many elements are outlined now. */
  readonly count: ReadonlySignal<number>
  toggle(on?: boolean): void
  destroy(): void
}

/** The switch; the layer that draws loads on first use, since most visitors never ask. */
export const createOutline = (candor: Candor): Outline => {
  const on = signal(false)
  const count = signal(0)
  let hide: (() => void) | undefined
  const toggle = async (next = !on.value) => {
    if (next == on.value) return
    on.value = next
    if (!next) return (hide?.(), (hide = undefined), (count.value = 0))
    const { showLayer } = await import('./layer.js')
    if (on.value && !hide) hide = showLayer(candor, count)
  }
  return { on, count, toggle: (next) => void toggle(next), destroy: () => void toggle(false) }
}
