import type { Candor } from '@candor/core'
import { createRoot, forcedTheme, nextUid, pageLang, renderInLanguage, type WidgetOptions } from './mount'
import { createOutline } from './outline'
import { Panel } from './Panel'

/** The `<candor-preferences>` element: the panel inline, for an account's privacy-settings page. */
export interface CandorPreferencesElement extends HTMLElement {
  /** The instance it shows; default: the one given to `defineCandorElement`. */
  candor?: Candor
}

/**
 * Renders the whole panel inside `host` (in its open shadow root unless `shadow: false` or the
 * host has a `no-shadow` attribute; `lang` and `theme` attributes of the host win). Returns the
 * function that removes it.
 */
export const renderInline = (host: HTMLElement, candor: Candor, options: WidgetOptions = {}): (() => void) => {
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
 * `theme` (`light` | `dark`), `no-shadow` (render without Shadow DOM).
 * @example defineCandorElement(candor); document.body.append(document.createElement('candor-preferences'))
 */
export const defineCandorElement = (candor?: Candor | Promise<Candor>, options: WidgetOptions = {}, name = 'candor-preferences') => {
  if (customElements.get(name)) return
  customElements.define(
    name,
    class extends HTMLElement implements CandorPreferencesElement {
      // Plain fields, not #private: those compile to helpers for older browsers.
      _candor?: Candor
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
