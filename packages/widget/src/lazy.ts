// The launcher alone, for pages that need only the core at startup: the panel's code
// (Preact, signals, the widget) loads at idle time or on the first open, whichever comes first.
import type { Candor } from '@candor/core'
import { idle } from './idle'
import type { MountOptions, Mounted } from './mount'

export type { MountOptions, Mounted }

/** Like `mountCandor`, but the panel's code is fetched lazily. `preload: false` waits for the first open. */
export const mountCandorLazy = (candor: Candor, options: MountOptions & { preload?: boolean } = {}) => {
  let loaded: Promise<Mounted> | undefined
  const load = () => (loaded ||= import('./mount').then((m) => m.mountCandor(candor, options)))
  if (options.preload !== false) idle(() => void load())
  return {
    open: (signalId?: string) => void load().then((m) => m.open(signalId)),
    close: () => void loaded?.then((m) => m.close()),
    destroy: () => void loaded?.then((m) => m.destroy()),
    load,
  }
}
