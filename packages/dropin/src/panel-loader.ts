// Loading candor-panel.js (and its chunks) from next to candor.js when the visitor shows intent. A failed
// load is tried again on the next intent, and said once, with its likely cause: a CDN without CORS is the
// common one, and the browser's own error doesn't name the fix.
import { loadOnce } from '@candor/core/internal'

type Panel = typeof import('./panel.js')

/** The likely cause when candor-panel.js at `src` didn't load: across origins, nearly always CORS. */
const cause = (src: URL) =>
  src.origin != location.origin ? 'a module script from another origin needs Access-Control-Allow-Origin' : 'offline, blocked, or not next to candor.js'

/** The panel's loader for candor.js at `base`: a failure is said once on the console, then tried again quietly. */
export const panelLoader = (base: string): (() => Promise<Panel>) => {
  // A failed import stays failed for that URL in Firefox's module map: a retry asks for a new one.
  let tries = 0
  let told = false
  const src = new URL('candor-panel.js', base)
  const failed = (e: unknown) => {
    if (!told) console.error(`Candor: candor-panel.js was refused from ${new URL('.', src).href}: ${cause(src)}.`, e)
    told = true
  }
  return loadOnce(() =>
    import(/* @vite-ignore */ src.href + (tries++ ? '?retry=' + tries : '')).catch((e) => {
      failed(e)
      throw e
    }),
  )
}
