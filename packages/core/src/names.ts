// Every name Candor gives what it keeps in a browser or says on a page: one place, so that erasing (rare-writes.ts)
// finds them all and the docs' list of what Candor stores (docs/privacy.md) can be checked against it.

/** The IndexedDB database of a site's preferences (store `prefs`), and the BroadcastChannel its tabs talk on. */
export const dbName = (site: string) => 'candor:' + site
/** The one message on that channel: "stored preferences changed, read again". */
export const CHANGED = 'candor:changed'
/** localStorage: the synchronous copy of the declared values in use (snapshot.ts). */
export const snapshotKey = (site: string) => `candor:${site}:snapshot`
/** localStorage: reports given as a page went away, counted by the next view (measure/report.ts). */
export const reportedKey = (site: string) => `candor:${site}:reported`
/** localStorage, written by candor.js: the site the catalog at `source` named, so the next view finds its snapshot. */
export const catalogKey = (source: string) => 'candor:catalog:' + source
/** The start of the fragment of a link that carries preferences to another device (transfer.ts): nothing else is one. */
export const TRANSFER_PREFIX = '#candor-import='
/** How long such a link proposes anything: long enough to pick up the other device, short enough not to linger in a chat. */
export const TRANSFER_MINUTES = 15
/** The event on `document` a measured view ends with. */
export const REPORT_EVENT = 'candor:report'
