import type { AnyCandor, Candor } from '@candor/core'
import { useCallback, useSyncExternalStore } from 'react'
import { changesOf, SERVER } from './changes.js'
import { useInstance } from './context.js'

/**
 * The number of changes the component has seen: `SERVER` on the server and while hydrating, so the first
 * client render equals the server's; after that, the instance's change count, re-rendering on every change.
 */
export const useChanges = (candor: Candor): number => {
  // The counter listens before React does, so the number has moved when React asks after a change
  // (hydrating, React asks for it only once it has subscribed).
  changesOf(candor)
  const subscribe = useCallback((onChange: () => void) => candor.subscribe(onChange), [candor])
  return useSyncExternalStore(
    subscribe,
    () => changesOf(candor),
    () => SERVER,
  )
}

/**
 * The instance of the nearest `CandorProvider`; the component renders again after every change (a write,
 * another tab, the level, the preview), so `candor.level` or `candor.previewing` read in render are current.
 * What the instance says may differ between the server and the visitor's browser: for what a server renders,
 * read values with `usePreference`, which hydrates from the baseline.
 * @example const candor = useCandor(); return <p>{candor.previewing ? 'The page as everyone sees it' : ''}</p>
 */
export const useCandor = <C extends AnyCandor = Candor>(): C => {
  const candor = useInstance<C>('useCandor')
  useChanges(candor)
  return candor
}
