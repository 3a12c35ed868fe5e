// What the visitor sees when the panel's code could not be loaded (offline, blocked, refused by a CDN) or
// the catalog is broken: a few words where they acted, instead of a click that does nothing. Styled by
// candor.js's one stylesheet (attributes.ts), in the page's colours.

/** How long the message stays, in ms. */
const FAILURE_MS = 8000
let current: HTMLElement | undefined

/** Says `text` in a live region right after `after` in the document (reading order), drawn near the corner; one at a time. */
export const showFailure = (text: string, after: Element | null | undefined) => {
  current?.remove()
  const p = (current = document.createElement('p'))
  p.className = 'candor-failure'
  p.setAttribute('role', 'status')
  const anchor = after?.isConnected ? (after.closest('a,button,label') ?? after) : null
  anchor ? anchor.after(p) : document.body.append(p)
  // Filled a frame after the live region exists, so screen readers announce it.
  requestAnimationFrame(() => (p.textContent = text))
  setTimeout(() => p.remove(), FAILURE_MS)
}
