// Keeps open tabs of a site in step. A message is only an invalidation, never data:
// the receiver re-reads IndexedDB, so a forged message can at most cause a re-read.

export interface Tabs {
  /** Tells the other tabs that stored preferences changed. */
  post(): void
  close(): void
}

const MESSAGE = 'candor:changed'

/** Calls `onChange` when another tab of `site` changed something, or when this tab becomes visible again. */
export const watchTabs = (site: string, onChange: () => void): Tabs => {
  let channel: BroadcastChannel | undefined
  try {
    channel = new BroadcastChannel('candor:' + site)
    channel.onmessage = (e) => e.data === MESSAGE && onChange()
  } catch {
    // No BroadcastChannel (older Safari): the visibility check below still catches up.
  }
  // Also covers pages restored from the back/forward cache and browsers without BroadcastChannel.
  const visible = () => typeof document != 'undefined' && document.visibilityState == 'visible' && onChange()
  const doc = typeof document != 'undefined' ? document : undefined
  doc?.addEventListener('visibilitychange', visible)
  return {
    post: () => channel?.postMessage(MESSAGE),
    close: () => {
      channel?.close()
      doc?.removeEventListener('visibilitychange', visible)
    },
  }
}
