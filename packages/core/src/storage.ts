// The one place that touches IndexedDB. Everything else sees a Backend: read all, or
// change a few keys in one transaction. Writes are patches computed inside the
// transaction from what is stored, so two tabs writing different keys lose nothing.
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'

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
export const idbBackend = (name: string, timeout: number): Backend => {
  let use: UseStore | undefined
  const run = async <T>(mode: IDBTransactionMode, cb: (s: IDBObjectStore) => Promise<T>): Promise<T> => {
    try {
      // Reading `indexedDB` may itself throw (Firefox third-party iframes): this try catches that too.
      if (!use) {
        if (typeof indexedDB == 'undefined' || !indexedDB) throw new DOMException('IndexedDB is not available', 'MissingAPIError')
        use = createStore(name, 'prefs')
      }
      return await within(
        timeout,
        use(mode, (s) => {
          // Let another tab delete or upgrade the database instead of blocking it forever.
          s.transaction.db.onversionchange = function () {
            this.close()
            use = undefined
          }
          return cb(s)
        }),
      )
    } catch (e) {
      use = undefined
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
