// <candor-preferences>: the whole panel inline, on a settings page. Its being on the page is the intent.

/** How to render the panel into an element: the function gives the one that removes it. */
type Render = (el: HTMLElement) => () => void

/** Defines the element (unless the page has one): `load` gets the panel's code for it (nothing when it can't). */
export const defineInlinePanel = (load: (el: HTMLElement) => Promise<Render | void>) => {
  if (customElements.get('candor-preferences')) return
  customElements.define(
    'candor-preferences',
    class extends HTMLElement {
      stop?: () => void
      connectedCallback() {
        void load(this).then((render) => {
          if (render && this.isConnected && !this.stop) this.stop = render(this)
        })
      }
      disconnectedCallback() {
        this.stop?.()
        this.stop = undefined
      }
    },
  )
}
