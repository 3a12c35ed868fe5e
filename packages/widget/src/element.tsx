import type { AnyCandor } from '@candor/core'
import type { HTMLAttributes } from 'preact'
import { onServer } from './attach.js'
import { createRoot, forcedTheme, nextUid, pageLang, renderInLanguage, type WidgetOptions } from './mount.js'
import { createOutline } from './outline.js'
import { Panel } from './Panel.js'

/** The `<candor-preferences>` element: the panel inline, for an account's privacy-settings page. */
export interface CandorPreferencesElement extends HTMLElement {
  /** The instance it shows; default: the one given to `defineCandorElement`. */
  candor?: AnyCandor
}

/** What `<candor-preferences>` takes in markup: the panel's language, a forced theme, and rendering without Shadow DOM. */
export interface CandorPreferencesAttributes {
  lang?: string
  theme?: 'light' | 'dark'
  'no-shadow'?: boolean | ''
}

// The element is typed wherever the widget's types are in: querySelector, createElement, and Preact's JSX
// (React's comes with @candor/react).
declare global {
  interface HTMLElementTagNameMap {
    'candor-preferences': CandorPreferencesElement
  }
}
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'candor-preferences': HTMLAttributes<CandorPreferencesElement> & CandorPreferencesAttributes
    }
  }
}

/**
 * Renders the whole panel inside `host` (in its open shadow root unless `shadow: false` or the
 * host has a `no-shadow` attribute; `lang` and `theme` attributes of the host win). Returns the
 * function that removes it.
 */
export const renderInline = (host: HTMLElement, candor: AnyCandor, options: WidgetOptions = {}): (() => void) => {
  const root = createRoot(host, { ...options, shadow: options.shadow !== false && !host.hasAttribute('no-shadow') })
  const outline = createOutline(candor)
  const theme = forcedTheme(host.getAttribute('theme') || options.theme)
  const lang = pageLang(host.getAttribute('lang') || options.lang)
  const unmount = renderInLanguage(root, lang, options.strings, (i18n) => (
    <Panel candor={candor} i18n={i18n} outline={outline} uid={nextUid()} theme={theme} inline />
  ))
  return () => {
    unmount()
    outline.destroy()
  }
}

/**
 * Defines `<candor-preferences>`, which renders the whole panel inline. Attributes: `lang`,
 * `theme` (`light` | `dark`), `no-shadow` (render without Shadow DOM). Does nothing on a server.
 * @example defineCandorElement(candor); document.body.append(document.createElement('candor-preferences'))
 */
export const defineCandorElement = (candor?: AnyCandor | Promise<AnyCandor>, options: WidgetOptions = {}, name = 'candor-preferences') => {
  if (onServer() || customElements.get(name)) return
  customElements.define(
    name,
    class extends HTMLElement implements CandorPreferencesElement {
      // Plain fields, not #private: those compile to helpers for older browsers.
      _candor?: AnyCandor
      _stop?: () => void
      get candor() {
        return this._candor
      }
      set candor(c) {
        this._candor = c
        this._show()
      }
      connectedCallback() {
        if (this._candor) this._show()
        else Promise.resolve(candor).then((c) => c && !this._candor && (this.candor = c))
      }
      disconnectedCallback() {
        this._stop?.()
        this._stop = undefined
      }
      _show() {
        this._stop?.()
        this._stop = this._candor && this.isConnected ? renderInline(this, this._candor, options) : undefined
      }
    },
  )
}
