// Where the widget's host lives, and keeping it there. Sites on Hotwire Turbo or Astro's ClientRouter replace
// <body> on navigation: the host, appended once, is then detached, with the launcher gone and showModal() throwing.
import type { Mounted } from './mount.js'

/** Whether this runs on a server (Node, a worker without a page): the UI parts then do nothing. */
export const onServer = () => typeof document == 'undefined'

/** What `mountCandor` and `mountCandorLazy` give on a server: nothing to show, and methods that do nothing. */
export const NOTHING: Mounted = { host: null as unknown as HTMLElement, open() {}, close() {}, destroy() {} }

/** Puts `host` back on the page when it was taken off: into `container` while that is on the page, else the body. */
export const attach = (host: HTMLElement, container?: Element) => {
  if (!host.isConnected) (container?.isConnected ? container : document.body).append(host)
}

/** The events after which Turbo and Astro's ClientRouter have put a new page in place. */
const PAGE_LOADS = ['turbo:load', 'astro:page-load']

/**
 * Keeps `host` on the page across body swaps: it is put back as the swap happens (a change to <html>'s own
 * children, not the whole tree) and after the routers' page-load events. Returns the function that stops it.
 */
export const keepAttached = (host: HTMLElement, container?: Element): (() => void) => {
  const again = () => attach(host, container)
  const observer = new MutationObserver(again)
  observer.observe(document.documentElement, { childList: true })
  for (const e of PAGE_LOADS) document.addEventListener(e, again)
  return () => {
    observer.disconnect()
    for (const e of PAGE_LOADS) document.removeEventListener(e, again)
  }
}
