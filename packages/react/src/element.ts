// `<candor-preferences>` (from `@candor/widget`'s `defineCandorElement`) as a JSX element in React.
import type { Candor } from '@candor/core'
import type { DetailedHTMLProps, HTMLAttributes } from 'react'

/** The attributes `<candor-preferences>` reads, as React props. */
export interface CandorPreferencesProps extends DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> {
  /** The panel's language (`en`, `de`, `fr`; default: the page's `lang`). */
  lang?: string
  /** Forces a colour scheme; default: the visitor's. */
  theme?: 'light' | 'dark'
  /** Renders without Shadow DOM when present. */
  'no-shadow'?: boolean | ''
  /** The instance it shows (React 19 sets it as a property; with React 18 use `defineCandorElement(candor)`). */
  candor?: Candor
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'candor-preferences': CandorPreferencesProps
    }
  }
}
