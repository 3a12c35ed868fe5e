// While the page shows what everyone sees (the preview, a shared link's arrival), a bar at the top of the
// page says so, with the way back — whether the panel is open or not. Plain DOM; the bar's code loads the first time
// the page previews (a rare view), so the panel and every other view carry none of it.

/** What the preview bar needs of an instance. */
interface Previewing {
  readonly previewing: boolean
  preview(on: boolean): void
  subscribe(fn: () => void): () => void
}

export interface PreviewBarOptions {
  /** What the bar says, and its button. */
  text: string
  action: string
  /** For a shared link's arrival, until the visitor leaves the shared page: its own words. */
  arrival?: { text: string; action: string }
  lang?: string
  dir?: 'ltr' | 'rtl'
}

/** Shows the bar whenever `candor.previewing`, removes it when not. Returns the function that stops it. */
export const watchPreview = (candor: Previewing, o: PreviewBarOptions): (() => void) => {
  let remove: (() => void) | undefined
  let words = o.arrival
  let stopped = false
  const sync = async () => {
    const shown = !!remove
    if (candor.previewing == shown) return
    if (shown) {
      remove!()
      remove = undefined
      // Once back on their own page, a later preview is the visitor's own.
      words = undefined
      return
    }
    const w = words ?? o
    const { showArrival } = await import('./arrival.js')
    // Still previewing, stopped by no one, and not shown meanwhile by another change's sync.
    if (candor.previewing && !stopped && !remove)
      remove = showArrival({ text: w.text, action: w.action, onAction: () => candor.preview(false), lang: o.lang, dir: o.dir })
  }
  void sync()
  const stop = candor.subscribe(() => void sync())
  return () => {
    stopped = true
    stop()
    remove?.()
  }
}
