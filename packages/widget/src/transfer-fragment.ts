// The fragment of a link from the visitor's other device, taken out of the address bar before anything else, so a
// reload, a bookmark or a shared address never carries it on. No Preact: the lazy launcher takes it at startup.
import { TRANSFER_PREFIX } from '@candor/core/internal'

/** The transfer fragment of this page's address, taken out of the address bar (and its history entry), or `undefined`. */
export const takeTransfer = (): string | undefined => {
  const hash = location.hash
  if (!hash.startsWith(TRANSFER_PREFIX)) return
  try {
    history.replaceState(history.state, '', location.pathname + location.search)
  } catch {}
  return hash
}
