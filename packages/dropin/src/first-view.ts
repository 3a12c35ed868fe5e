// What a view shows before the catalog is in. A returning visitor's page is tailored at once from the synchronous
// snapshot, found through the site this catalog named last time (IndexedDB has the last word as soon as it answers);
// a shared link's arrival shows the page as everyone sees it; a holdout view shows the baseline from the first frame.
import { TRANSFER_PREFIX, catalogKey, drawView, isHeldOut } from '@candor/core/internal'
import { readSnapshot, snapshotHoldout, type Value } from '@candor/core/startup'
import { isSharedArrival } from '@candor/widget/internal'

/** This view, as far as it can be known before the catalog is in. */
export interface FirstView {
  /** The site the catalog named last time, if any. */
  site: string | null
  /** Opened from a shared link (`#candor=shared`, taken out of the address bar). */
  shared: boolean
  /** Opened from a link made on the visitor's other device: its fragment (`#candor-import=…`), taken out of the address bar. */
  transfer?: string
  /** This view's draw for holdouts, and the share of views the site holds out (from the snapshot). */
  draw: number
  share: number
  /** The values in use to tailor by before storage answers (empty: the baseline), or `undefined`: wait for storage. */
  early?: Readonly<Record<string, Value | undefined>>
  /** A view held out from its first frame: the values it pauses (its notes say so in the same frame). */
  held?: Readonly<Record<string, Value | undefined>>
  /** Remembers the site the catalog names, for the next view's snapshot. */
  remember(site: string): void
}

/** Reads this view's start, for the catalog at `file` (or the page's inline one). */
export const firstView = (file: string | undefined): FirstView => {
  const source = catalogKey(file || 'inline:' + location.pathname)
  let site: string | null = null
  try {
    site = localStorage.getItem(source)
  } catch {}
  const hash = location.hash
  const shared = isSharedArrival(hash)
  const transfer = hash.startsWith(TRANSFER_PREFIX) ? hash : undefined
  if (shared || transfer)
    try {
      // The address without its fragment: the path and query resolve against the page itself.
      history.replaceState(history.state, '', location.pathname + location.search)
    } catch {}
  const draw = drawView()
  const share = site ? snapshotHoldout(site) : 0
  // Known site, no copy: nothing was in use when IndexedDB last changed, so the baseline is right.
  const copy = site && !shared ? (readSnapshot(site) ?? {}) : undefined
  const held = copy && isHeldOut(draw, share) ? copy : undefined
  const early = held ? {} : copy
  const remember = (named: string) => {
    try {
      if (site != named) localStorage.setItem(source, named)
    } catch {}
  }
  return { site, shared, transfer, draw, share, early, held, remember }
}
