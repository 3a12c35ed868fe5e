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
      apply(fn(new Map(keys.map((k) => [k, map.get(k)]))), (k, v) => map.set(k, structuredClone(v)), (k) => map.delete(k), () => map.clear()),
  }
}

/** Races a storage call against a timer, so a hung IndexedDB (Safari 14's open) can't hang Candor. */
const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new DOMException('IndexedDB did not answer in ' + ms + ' ms', 'TimeoutError')), ms)
    p.then(resolve, reject).finally(() => clearTimeout(t))
  })

/**
 * IndexedDB through idb-keyval, database `name`, store `prefs`. Every call is bounded by `timeout` ms.
 * A failed call drops the connection so the next one reopens: idb-keyval caches a failed open forever.
 */
export const idbBackend = (name: string, timeout: number, lost?: () => void): Backend => {
  let use: UseStore | undefined
  // idb-keyval's createStore, plus: every connection gives way to versionchange from the moment it opens, and one
  // without our store (a database of that name that isn't ours) is closed at once, so it never blocks its owner.
  const connect = (): UseStore => {
    const req = indexedDB.open(name)
    req.onupgradeneeded = () => req.result.createObjectStore('prefs')
    // Closed or deleted under us: the next call reopens, and `lost` lets the owner re-read what is left.
    const drop = () => {
      if (use != self) return
      use = undefined
      lost?.()
    }
    const dbp = promisifyRequest(req).then((db) => {
      // Closed under us (Safari, "Clear site data"): the next call reopens.
      db.onclose = drop
      // Let another tab delete or upgrade the database instead of blocking it forever.
      db.onversionchange = () => (db.close(), drop())
      if (db.objectStoreNames.contains('prefs')) return db
      db.close()
      throw new DOMException(`The database "${name}" has no "prefs" store: it isn't Candor's, so it is left alone`, 'NotFoundError')
    })
    const self: UseStore = (mode, cb) => dbp.then((db) => cb(db.transaction('prefs', mode).objectStore('prefs')))
    return self
  }
  const run = async <T>(mode: IDBTransactionMode, cb: (s: IDBObjectStore) => Promise<T>, again = true): Promise<T> => {
    const reused = !!use
    try {
      // Reading `indexedDB` may itself throw (Firefox third-party iframes): this try catches that too.
      if (!use) {
        if (typeof indexedDB == 'undefined' || !indexedDB) throw new DOMException('IndexedDB is not available', 'MissingAPIError')
        use = connect()
      }
      return await within(timeout, use(mode, cb))
    } catch (e) {
      use = undefined
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
            apply(fn(current), (k, v) => s.put(v, k), (k) => s.delete(k), () => s.clear())
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
