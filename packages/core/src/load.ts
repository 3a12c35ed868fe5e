// Reading what is stored into memory, and falling back to memory when storage fails: the startup half of
// persistence. Writes go through durable.ts, which is loaded with the rest of the editing part.
import type { Context } from './context.js'
import { dbName } from './names.js'
import { appendStored, appended } from './history.js'
import { SCHEMA, parseRecord, readRows, signalKey } from './record.js'
import { isFaded } from './rules.js'
import { memoryBackend, preopen as openEarly, type Backend } from './storage.js'
import type { HistoryEntry, StorageReason } from './types.js'

/** How many times a failing read is tried before memory takes over (Dexie retries 3×). */
const READ_TRIES = 3

/** Why storage failed, in the words of `StorageStatus`. */
export const storageReason = (e: unknown): StorageReason => {
  const { name = '', message = '' } = (e || {}) as DOMException
  if (name == 'QuotaExceededError' || /quota/i.test(message)) return 'quota'
  if (name == 'TimeoutError') return 'timeout'
  if (name == 'MissingAPIError') return 'unavailable'
  if (name == 'SecurityError' || name == 'InvalidStateError' || /denied|insecure|mutation/i.test(message)) return 'blocked'
  return 'failed'
}

/** An error as one line of text. */
export const errorText = (e: unknown) => {
  const { name, message } = (e || {}) as Error
  return name ? name + ': ' + message : String(e)
}

/** What memory holds, as rows, for the in-memory backend that takes over when IndexedDB fails. */
export const memoryRows = ({ store }: Context): Array<[string, unknown]> => {
  const s = store.state
  return [
    ...[...s.records].map(([id, r]): [string, unknown] => [signalKey(id), r]),
    ['meta', { v: SCHEMA, level: s.storedLevel }],
    ['history', s.history],
    ['measure', s.measure],
  ]
}

/** Switches to memory for the rest of the page (or until a passing fault passes), saying why. */
export const toMemory = (ctx: Context, e: unknown) => {
  const { store } = ctx
  if (store.state.storage.kind == 'memory') return
  ctx.backend = memoryBackend(memoryRows(ctx))
  const reason = storageReason(e)
  store.update({
    storage: { kind: 'memory', reason, detail: errorText(e) },
    problems: store.state.problems.concat({ code: 'storage', message: `Preferences can't be saved (${reason}): ${errorText(e)}` }),
  })
}

/**
 * Reads everything stored into memory; `false` when storage couldn't be read (memory took over).
 * On the first read of a page, values that faded while the visitor was away are deleted from storage.
 */
export const load = async (ctx: Context, first: boolean): Promise<boolean> => {
  const started = ctx.edits
  let rows: Array<[string, unknown]> | undefined
  // A backing store that fails to open often works on the next try; a missing or hung one won't.
  for (let i = 0; !rows && i < READ_TRIES; i++)
    try {
      rows = await ctx.backend.all()
    } catch (e) {
      const r = storageReason(e)
      if (i == READ_TRIES - 1 || r == 'timeout' || r == 'unavailable' || r == 'blocked') return (toMemory(ctx, e), false)
    }
  const got = readRows(rows!, ctx.defs, ctx.fps)
  // One of this tab's changes came in meanwhile: what was read may predate it.
  if (ctx.edits != started) return load(ctx, first)
  const t = ctx.now()
  // Values that faded while the visitor was away stay visible as expired for this view; storage drops them now.
  const old = first ? [...got.records].filter(([, r]) => isFaded(r, t)).map(([id]) => id) : []
  const faded = old.map((id): HistoryEntry => ({ at: t, action: 'expired', id }))
  const { store } = ctx
  store.update({
    records: got.records,
    storedLevel: got.level,
    history: appended(got.history, ...faded),
    measure: got.measure,
    // What a read finds replaces what the last read found; storage faults and catalog warnings stay.
    problems: got.problems.concat(store.state.problems.filter((p) => p.code == 'storage' || p.code == 'unknown-field' || p.code == 'left-out')),
  })
  if (old.length) void dropFaded(ctx, ctx.backend, old, t, faded)
  return true
}

/** Deletes faded records from storage, with their history entries; a failure leaves them for the next visit. */
const dropFaded = (ctx: Context, backend: Backend, ids: string[], t: number, faded: HistoryEntry[]) =>
  backend
    .change([...ids.map(signalKey), 'history'], (cur) => ({
      put: [
        ...ids.filter((id) => isFaded(parseRecord(cur.get(signalKey(id))), t)).map((id): [string, unknown] => [signalKey(id), undefined]),
        ['history', appendStored(cur.get('history'), ...faded)],
      ],
    }))
    .then(
      () => ctx.tabs?.post(),
      () => {},
    )

/**
 * Leaves memory mode when a passing fault has passed (Safari's lost connection, a full disk, a hung open):
 * opens IndexedDB again, lets `before` write what memory held, reads back, and uses it. `false` when it still fails.
 */
export const reconnect = async (ctx: Context, before?: (fresh: Backend) => Promise<void>): Promise<boolean> => {
  const mem = ctx.backend
  const fresh = ctx.connect()
  try {
    await before?.(fresh)
  } catch {
    return false
  }
  // Read back through IndexedDB before saying it is used again, so nothing stale is taken for stored.
  // Memory is still in force meanwhile: a failed read leaves it so.
  ctx.backend = fresh
  if (!(await load(ctx, false))) {
    ctx.backend = mem
    return false
  }
  const { store } = ctx
  store.update({ storage: { kind: 'indexeddb' }, problems: store.state.problems.filter((p) => p.code != 'storage') })
  ctx.tabs?.post()
  return true
}

/** Whether a memory mode may pass: a failure or timeout may; missing or blocked storage won't. */
export const mayPass = ({ store, memoryOnly }: Context) => {
  const s = store.state.storage
  return !memoryOnly && s.kind == 'memory' && /failed|timeout|quota/.test(s.reason)
}

/**
 * Starts opening the site's database before the catalog is in, so `ready` comes sooner: for a page that
 * knows its site early (the drop-in, on a returning visit). Never throws.
 * @example preopen('news.example'); const candor = createCandor({ catalog: await loadCatalog() })
 */
export const preopen = (site: string) => openEarly(dbName(site))
