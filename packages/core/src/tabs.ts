// Keeps open tabs of a site in step. A message is only an invalidation, never data:
// the receiver re-reads IndexedDB, so a forged message can at most cause a re-read.
import { CHANGED, dbName } from './names.js'

export interface Tabs {
  /** Tells the other tabs that stored preferences changed. */
  post(): void
  close(): void
}

/** Calls `onChange` when another tab of `site` changed something, or when this tab becomes visible again. */
export const watchTabs = (site: string, onChange: () => void): Tabs => {
  let channel: BroadcastChannel | undefined
  try {
    channel = new BroadcastChannel(dbName(site))
    channel.onmessage = (e) => e.data === CHANGED && onChange()
    // On a server (Node), an instance made at module scope must not keep the process alive: it has no other tabs.
    ;(channel as { unref?: () => void }).unref?.()
  } catch {
    // No BroadcastChannel (older Safari): the visibility check below still catches up.
  }
  // Also covers browsers without BroadcastChannel.
  const visible = () => typeof document != 'undefined' && document.visibilityState == 'visible' && onChange()
  const doc = typeof document != 'undefined' ? document : undefined
  doc?.addEventListener('visibilitychange', visible)
  // A page back from the back/forward cache, or thawed after being frozen, missed the messages sent meanwhile.
  const win = typeof window != 'undefined' ? window : undefined
  const restored = (e: Event) => (e as PageTransitionEvent).persisted && onChange()
  win?.addEventListener('pageshow', restored)
  doc?.addEventListener('resume', onChange)
  return {
    post: () => {
      // postMessage throws once the channel is closed (a change made after destroy()): the change itself is saved.
      try {
        channel?.postMessage(CHANGED)
      } catch {}
    },
    close: () => {
      channel?.close()
      doc?.removeEventListener('visibilitychange', visible)
      win?.removeEventListener('pageshow', restored)
      doc?.removeEventListener('resume', onChange)
    },
  }
}
