// The one place that touches IndexedDB. Everything else sees a Backend: read all, or
// change a few keys in one transaction. Writes are patches computed inside the
// transaction from what is stored, so two tabs writing different keys lose nothing.
import { promisifyRequest, type UseStore } from 'idb-keyval'

/** What a change writes: `undefined` deletes the key; `clear` empties the store first. */
export interface Writes {
  clear?: boolean
  put: Array<[string, unknown]>
}
/** Decides what to write from the current stored values of the keys it asked for. May throw to write nothing. */
export type Change = (current: Map<string, unknown>) => Writes

export interface Backend {
  all(): Promise<Array<[string, unknown]>>
  change(keys: string[], fn: Change): Promise<void>
}

const apply = (w: Writes, put: (k: string, v: unknown) => unknown, del: (k: string) => unknown, clear: () => unknown) => {
  if (w.clear) clear()
  for (const [k, v] of w.put) v === undefined ? del(k) : put(k, v)
}

/** Keeps everything for this page only: the fallback when IndexedDB can't be used. */
export const memoryBackend = (seed: Iterable<[string, unknown]> = []): Backend => {
  const map = new Map(seed)
  return {
    all: async () => [...map],
    change: async (keys, fn) =>
      apply(
        fn(new Map(keys.map((k) => [k, map.get(k)]))),
        (k, v) => map.set(k, structuredClone(v)),
        (k) => map.delete(k),
        () => map.clear(),
      ),
  }
}

/** Races a storage call against a timer, so a hung IndexedDB (Safari 14's open) can't hang Candor. */
const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new DOMException('IndexedDB did not answer in ' + ms + ' ms', 'TimeoutError')), ms)
    p.then(resolve, reject).finally(() => clearTimeout(t))
  })

/** One connection: `use` runs a transaction on it; `drop` is told when it closes or gives way under us. */
interface Connection {
  use: UseStore
  /** Closes it once its transactions are done; a failed open has nothing to close. */
  close: () => void
  drop?: () => void
  gone?: boolean
}

// idb-keyval's createStore, plus: every connection gives way to versionchange from the moment it opens, and one
// without our store (a database of that name that isn't ours) is closed at once, so it never blocks its owner.
const connect = (name: string): Connection => {
  const req = indexedDB.open(name)
  req.onupgradeneeded = () => req.result.createObjectStore('prefs')
  const gone = () => {
    c.gone = true
    c.drop?.()
  }
  const dbp = promisifyRequest(req).then((db) => {
    // Closed under us (Safari, "Clear site data"), or another tab deletes or upgrades the database.
    db.onclose = gone
    db.onversionchange = () => (db.close(), gone())
    if (db.objectStoreNames.contains('prefs')) return db
    db.close()
    throw new DOMException(`"${name}" has no "prefs" store: not Candor's database, so it is left alone`, 'NotFoundError')
  })
  // Whoever uses it sees a failed open; one started early and never used must not be an unhandled rejection.
  dbp.catch(() => {})
  const c: Connection = {
    use: (mode, cb) => dbp.then((db) => cb(db.transaction('prefs', mode).objectStore('prefs'))),
    close: () =>
      void dbp.then(
        (db) => db.close(),
        () => {},
      ),
  }
  return c
}

/** Connections opened before their backend exists (`preopen`), by database name. */
const early = new Map<string, Connection>()

/** Starts opening database `name` now, for the backend created later: the open overlaps whatever comes between. */
export const preopen = (name: string) => {
  try {
    if (!early.has(name) && typeof indexedDB != 'undefined' && indexedDB) early.set(name, connect(name))
  } catch {
    // Whatever fails here fails again, reported, when the backend opens for real.
  }
}

/**
 * IndexedDB, database `name`, store `prefs`. Every call is bounded by `timeout` ms. A failed call closes
 * the connection so the next one reopens (idb-keyval's createStore would keep a failed open forever).
 * `lost` is told when the connection is closed or deleted under us, so the owner can re-read what is left.
 */
export const idbBackend = (name: string, timeout: number, lost?: () => void): Backend => {
  let conn: Connection | undefined
  const take = () => {
    let c = early.get(name)
    early.delete(name)
    if (!c || c.gone) c = connect(name)
    const mine = c
    mine.drop = () => {
      if (conn != mine) return
      conn = undefined
      lost?.()
    }
    return mine
  }
  const run = async <T>(mode: IDBTransactionMode, cb: (s: IDBObjectStore) => Promise<T>, again = true): Promise<T> => {
    const reused = !!conn
    try {
      // Reading `indexedDB` may itself throw (Firefox third-party iframes): this try catches that too.
      if (!conn) {
        if (typeof indexedDB == 'undefined' || !indexedDB) throw new DOMException('IndexedDB is not available', 'MissingAPIError')
        conn = take()
      }
      return await within(timeout, conn.use(mode, cb))
    } catch (e) {
      // The next call opens a new connection: this one is closed, not left open for the page's lifetime.
      conn?.close()
      conn = undefined
      // A kept connection that is closing (sleep/resume, crbug 1085724) fails before anything is done: reopen once.
      if (again && reused && (e as DOMException)?.name == 'InvalidStateError') return run(mode, cb, false)
      throw e
    }
  }
  return {
    all: () =>
      run('readonly', (s) =>
        Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]).then(([keys, values]) =>
          keys.map((k, i): [string, unknown] => [String(k), values[i]]),
        ),
      ),
    change: (keys, fn) =>
      run('readwrite', (s) => {
        const current = new Map<string, unknown>()
        let failure: unknown
        let left = keys.length
        // Callbacks, not promise chains: the transaction must still be active when we write.
        const write = () => {
          try {
            apply(
              fn(current),
              (k, v) => s.put(v, k),
              (k) => s.delete(k),
              () => s.clear(),
            )
          } catch (e) {
            failure = e
            s.transaction.abort()
          }
        }
        if (!left) write()
        for (const k of keys) {
          const r = s.get(k)
          r.onsuccess = () => {
            current.set(k, r.result)
            if (!--left) write()
          }
        }
        return promisifyRequest(s.transaction).then(
          () => undefined,
          (e) => {
            throw failure || e || new DOMException('The transaction was aborted', 'AbortError')
          },
        )
      }),
  }
}
