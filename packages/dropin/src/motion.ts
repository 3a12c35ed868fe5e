// What the visitor clicked doesn't run away: after a declaration the page changes for it, and the control they used
// stays where it was on the screen (as browsers' scroll anchoring does), while the items a list moved glide from where
// they were seen to their new places, so one click visibly does something (no glide under reduced motion). Loaded with
// the panel's code, which a declaration loads.

/** Lists with more children than this don't glide: measuring them all would cost a long task. */
const MAX_GLIDE = 200
/** How long after a declaration the page's changes keep the control the visitor used in place (the write, its notice's Undo). */
const USED_MS = 10_000

/** Notes where `box`'s children are on the screen; once they moved, the function returned glides each from there. */
export type Glider = (box: Element) => (() => void) | undefined

export const glider: Glider = (box) => {
  if (box.children.length > MAX_GLIDE || matchMedia('(prefers-reduced-motion: reduce)').matches) return
  const from = new Map([...box.children].map((k) => [k, k.getBoundingClientRect()]))
  // A frame later: the page has been scrolled to keep the visitor's control in place, and nothing was painted yet.
  return () =>
    requestAnimationFrame(() =>
      from.forEach((r, k) => {
        const n = k.getBoundingClientRect()
        const [dx, dy] = [r.left - n.left, r.top - n.top]
        if (dx || dy) k.animate?.([{ transform: `translate(${dx}px,${dy}px)` }, { transform: 'none' }], { duration: 300, easing: 'ease-out' })
      }),
    )
}

/**
 * Runs `change`, keeping `anchor` (the declaring control the visitor used at `at`) where it is on the screen, and
 * giving it the glider, for a few seconds after; later changes (another tab's) just happen.
 */
export const keepInPlace = (anchor: Element, at: number, change: (glide?: Glider) => void) => {
  const y = anchor.isConnected && Date.now() - at < USED_MS ? anchor.getBoundingClientRect().top : undefined
  change(y === undefined ? undefined : glider)
  if (y !== undefined && anchor.isConnected) scrollBy(0, anchor.getBoundingClientRect().top - y)
}
