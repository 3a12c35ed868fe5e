// Where a small box next to a control goes (the notice, the "Why" answer): fixed in the viewport below the
// control, or above it when only that side has room, so it never covers the control it is about.

/** Sets `box`'s left and top (CSSOM, which a strict CSP allows) next to `control`, aligned with its start edge. */
export const placeBeside = (box: HTMLElement, control: Element, rtl: boolean) => {
  const r = control.getBoundingClientRect()
  // Whole pixels: a box at a fractional place draws its text blurred.
  const px = (n: number) => Math.round(n) + 'px'
  const w = box.offsetWidth
  const h = box.offsetHeight + 6
  box.style.left = px(Math.max(8, Math.min(rtl ? r.right - w : r.left, innerWidth - w - 8)))
  // Below when it fits; else above when that fits or has more room than below. Always in view: with the
  // control scrolled away (or moved by the page), it waits at the edge nearest it.
  const top = r.bottom + h > innerHeight - 8 && (r.top - h > 8 || r.top > innerHeight - r.bottom) ? r.top - h : r.bottom + 6
  box.style.top = px(Math.max(8, Math.min(top, innerHeight - h - 2)))
}

/**
 * Places `box` beside `control` and keeps it there while it is shown, as any scroller scrolls or the window resizes;
 * Escape anywhere runs `close`. `place` places it again (once it has its content), `leave` removes `host` — focus going
 * back to `control` — and stops.
 */
export const keepBeside = (host: Element, box: HTMLElement, control: Element, rtl: boolean, close: () => void) => {
  const place = () => placeBeside(box, control, rtl)
  // Now, then every frame for about two seconds: the page is still changing for what the visitor did (a list reordered, its glide).
  let frames = 120
  const follow = () => {
    place()
    if (--frames && host.isConnected) requestAnimationFrame(follow)
  }
  follow()
  addEventListener('scroll', place, { capture: true, passive: true })
  addEventListener('resize', place, { passive: true })
  const onKey = (e: KeyboardEvent) => e.key == 'Escape' && close()
  document.addEventListener('keydown', onKey)
  const leave = () => {
    // Going away with focus inside (Undo, Escape), it hands focus back to the control: else the browser drops it on <body>.
    const had = host.matches(':focus-within')
    host.remove()
    if (had && control.isConnected) (control as HTMLElement).focus()
    removeEventListener('scroll', place, true)
    removeEventListener('resize', place)
    document.removeEventListener('keydown', onKey)
  }
  return [place, leave] as const
}
