// The <candor-widget> element that holds the launcher and, once loaded, the panel. Pages that replace
// <body> on navigation (Turbo, Astro's router, a hand-made router) take it away with the old body: it is
// put back whenever the page changes, and the launcher shows only while the page has no opener of its own.
import { addLauncher, type LauncherOptions } from '@candor/widget/internal'

/** The host, kept in the page. */
export interface Host {
  /** The host, in the page now (created, or put back, as needed). */
  element(): HTMLElement
  /** Puts the host back after the page replaced <body>, and shows or hides the launcher for the page now. */
  sync(): void
}

/**
 * Keeps Candor's host in the page. `launcher`: `data-launcher` of the script tag (`none`, `always`, or unset:
 * shown while the page has no `[data-candor-open]`).
 */
export const keepHost = (launcher: string | undefined, options: LauncherOptions): Host => {
  let host: HTMLElement | undefined
  let button: HTMLButtonElement | undefined
  let broken = false
  const element = () => {
    if (!host) {
      host = document.createElement('candor-widget')
      // Turbo's page cache would keep an empty copy of it; the live one is put back instead.
      host.setAttribute('data-turbo-temporary', '')
    }
    if (!host.isConnected) document.body.append(host)
    return host
  }
  const sync = () => {
    if (!document.body) return
    if (host && !host.isConnected) document.body.append(host)
    const wanted = launcher == 'always' || (launcher != 'none' && !document.querySelector('[data-candor-open]'))
    if (wanted && !button && !broken)
      try {
        const h = element()
        button = addLauncher(h.shadowRoot ?? h.attachShadow({ mode: 'open' }), options)
      } catch (e) {
        // A page that broke the DOM's built-ins gets no launcher; its own openers still try the panel.
        broken = true
        console.error('Candor: the launcher could not be shown:', e)
      }
    if (button && wanted != button.isConnected) wanted ? host!.shadowRoot!.prepend(button) : button.remove()
  }
  return { element, sync }
}
