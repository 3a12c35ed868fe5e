// While the page shows what everyone sees (the preview, a shared link's arrival), a bar at the top of the
// page says so, with the way back — whether the panel is open or not. Plain DOM, so candor.js can show it at startup.
import { showArrival } from './arrival.js'

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
  const sync = () => {
    if (candor.previewing == !!remove) return
    if (!candor.previewing) {
      remove?.()
      remove = undefined
      // Once back on their own page, a later preview is the visitor's own.
      words = undefined
      return
    }
    const w = words ?? o
    remove = showArrival({ text: w.text, action: w.action, onAction: () => candor.preview(false), lang: o.lang, dir: o.dir })
  }
  sync()
  const stop = candor.subscribe(sync)
  return () => {
    stop()
    remove?.()
  }
}
