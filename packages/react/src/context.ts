import type { AnyCandor, Candor } from '@candor/core'
import { createContext, createElement, type ReactNode, useContext } from 'react'

const CandorContext = createContext<Candor | undefined>(undefined)

/** Props of `CandorProvider`. */
export interface CandorProviderProps {
  /** The instance the hooks below read: from `createCandor`, `startCandor` or, in tests, `createTestCandor`. */
  candor: Candor
  children?: ReactNode
}

/**
 * Gives `useCandor` and `usePreference` their instance.
 * @example <CandorProvider candor={candor}><App /></CandorProvider>
 */
export const CandorProvider = ({ candor, children }: CandorProviderProps) => createElement(CandorContext.Provider, { value: candor }, children)

/** The instance of the nearest `CandorProvider`; throws, naming the fix, without one. */
export const useInstance = <C extends AnyCandor>(hook: string): C => {
  const candor = useContext(CandorContext)
  if (!candor) throw new Error(`${hook}: no <CandorProvider candor={…}> above this component`)
  return candor as C
}
