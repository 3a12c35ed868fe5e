// Links that open a page as everyone sees it: without the parameters that identify who shared it,
// with a fragment that tells Candor to show the shared page for that view. The URL can only lower
// tailoring, never raise it or change what is stored: anything but this exact fragment is ignored.

/** The fragment a shared link carries. */
export const SHARED_FRAGMENT = '#candor=shared'

/** Query parameters platforms add to identify a sharer or a click: removed from a shared link. */
const TRACKING = /^(fbclid|gclid|dclid|msclkid|igsh|igshid|si|mc_eid|_hsenc|_hsmi|yclid|ttclid|twclid|utm_.+)$/i

/**
 * The address of the page as everyone sees it, to send to a friend.
 * @example sharedLink('https://news.example/a?utm_source=x&id=3#top') // 'https://news.example/a?id=3#candor=shared'
 */
export const sharedLink = (href: string): string => {
  const u = new URL(href)
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k)
  u.hash = SHARED_FRAGMENT
  return u.href
}

/** Whether a page was opened with exactly the shared fragment (nothing else counts). */
export const isSharedArrival = (hash: string): boolean => hash === SHARED_FRAGMENT
