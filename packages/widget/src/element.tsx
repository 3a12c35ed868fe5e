import type { Candor } from '@candor/core'
import { render } from 'preact'
import { createI18n, loadLocale } from './i18n'
import { createRoot, nextUid, pageLang, type WidgetOptions } from './mount'
import { createOutline } from './outline'
import { Panel } from './Panel'

/** The `<candor-preferences>` element: the panel inline, for an account's privacy-settings page. */
export interface CandorPreferencesElement extends HTMLElement {
  /** The instance it shows; default: the one given to `defineCandorElement`. */
  candor?: Candor
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
      #candor?: Candor
      #root?: ShadowRoot | HTMLElement
      #stop?: () => void
      get candor() {
        return this.#candor
      }
      set candor(c) {
        this.#candor = c
        this.#show()
      }
      connectedCallback() {
        if (this.#candor) this.#show()
        else Promise.resolve(candor).then((c) => c && !this.#candor && (this.candor = c))
      }
      disconnectedCallback() {
        if (this.#root) render(null, this.#root)
        this.#stop?.()
      }
      #show() {
        const c = this.#candor
        if (!c || !this.isConnected) return
        this.#stop?.()
        const o = { ...options, shadow: options.shadow !== false && !this.hasAttribute('no-shadow') }
        this.#root = createRoot(this, o)
        const outline = createOutline(c)
        this.#stop = () => outline.destroy()
        const theme = this.getAttribute('theme') || (options.theme == 'auto' ? undefined : options.theme)
        const lang = pageLang(this.getAttribute('lang') || options.lang)
        const root = this.#root
        loadLocale(lang).then(() => {
          if (this.#root == root && this.isConnected)
            render(<Panel candor={c} i18n={createI18n(lang, options.strings)} outline={outline} uid={nextUid()} theme={theme ?? undefined} />, root)
        })
      }
    },
  )
}
