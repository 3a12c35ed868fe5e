// Writing to storage, and what happens when it fails: a passing fault is retried, then memory takes
// over, keeping track of what the visitor changed there so it can be saved when IndexedDB answers again.
import type { Context } from './context.js'
import { CandorError } from './errors.js'
import { HISTORY_MAX, parseHistory } from './history.js'
import { mayPass, reconnect, storageReason, toMemory } from './load.js'
import { isNewer, signalKey } from './record.js'
import type { Change, Writes } from './storage.js'
import type { HistoryEntry, Problem } from './types.js'

/** A write is tried this many times (reopening in between) before memory takes over. */
const WRITE_TRIES = 3

/** What the visitor changed while in memory: each key with the time of its change, the history entries, an erase. */
export interface Held {
  keys: Map<string, number>
  entries: HistoryEntry[]
  clearedAt?: number
}

/** The durable part of one instance: `persist` writes, `recover` saves what memory mode held. */
export interface Durable {
  persist(keys: string[], fn: Change, entries?: HistoryEntry[]): Promise<void>
  /** Called after an erase: if IndexedDB comes back, it is erased there too, and what was held before goes. */
  erased(t: number): void
  recover(): Promise<void>
}

/**
 * What a recovery writes: memory's value of each held key unless another tab chose later (the last choice
 * the visitor made wins), deletions of what was stored before an erase, and the history merged.
 * Pure: `current` is what IndexedDB holds of `keys` now; `kept` is what memory holds.
 */
export const mergeRecovery = (current: Map<string, unknown>, held: Held, before: string[], kept: Map<string, unknown>): Writes & { skipped: string[] } => {
  const since = held.clearedAt
  const stored = parseHistory(current.get('history'))
  const later = (k: string, t: number) => stored.some((e) => e.at > t && (k == 'meta' ? e.action == 'level' : e.id !== undefined && signalKey(e.id) == k))
  const put: Array<[string, unknown]> = []
  const skipped: string[] = []
  for (const k of before) if (!held.keys.has(k) && !isNewer(current.get(k)) && !later(k, since!)) put.push([k, undefined])
  for (const [k, t] of held.keys)
    if (isNewer(current.get(k))) skipped.push(k)
    else if (!later(k, t)) put.push([k, kept.get(k)])
  const hist = since === undefined ? stored : stored.filter((e) => e.at > since)
  const seen = new Set(hist.map((e) => JSON.stringify(e)))
  const add = held.entries.filter((e) => !seen.has(JSON.stringify(e)))
  const h = current.get('history')
  const next = hist
    .concat(add)
    .sort((a, b) => a.at - b.at)
    .slice(-HISTORY_MAX)
  if ((add.length || since !== undefined) && (h === undefined || Array.isArray(h))) put.push(['history', next.length ? next : undefined])
  return { put, skipped }
}

export const createDurable = (ctx: Context): Durable => {
  let held: Held = { keys: new Map(), entries: [] }
  const inMemory = () => ctx.store.state.storage.kind == 'memory'

  const persist: Durable['persist'] = async (keys, fn, entries = []) => {
    const t = ctx.now()
    // Noted before the write too, so a recovery that checks between the two doesn't miss it.
    const hold = () => {
      if (!inMemory()) return
      for (const k of keys) if (k != 'history') held.keys.set(k, t)
      for (const e of entries) if (!held.entries.includes(e)) held.entries.push(e)
    }
    hold()
    for (let attempt = 0; ; attempt++) {
      const used = ctx.backend
      try {
        await used.change(keys, fn)
        hold()
        break
      } catch (e) {
        if (e instanceof CandorError || attempt >= WRITE_TRIES - 1) throw e
        if (used == ctx.backend && (attempt > 0 || storageReason(e) == 'timeout')) toMemory(ctx, e)
      }
    }
    if (!inMemory()) ctx.tabs?.post()
  }

  let recovering = false
  const recover = async () => {
    if (recovering || !mayPass(ctx)) return
    recovering = true
    const mem = ctx.backend
    const skipped = new Set<string>()
    const write = async (fresh: Context['backend']) => {
      // What memory holds now (values that faded are gone from it), and what the visitor did there.
      const kept = new Map(await mem.all())
      const h = { ...held, keys: new Map(held.keys), entries: held.entries.slice() }
      // After an erase, records, the level and the choices and counts on measuring stored before it go too (as an erase
      // with storage working empties them all); what another tab chose since stays.
      const before = h.clearedAt === undefined ? [] : (await fresh.all()).map(([k]) => k).filter((k) => k == 'meta' || k == 'measure' || k.startsWith('s:'))
      const keys = [...new Set([...h.keys.keys(), ...before, 'history'])]
      await fresh.change(keys, (cur) => {
        const w = mergeRecovery(cur, h, before, kept)
        w.skipped.forEach((k) => skipped.add(k))
        return w
      })
    }
    const ok = await reconnect(ctx, async (fresh) => {
      // A change the visitor makes while this is written goes to memory: write again until none came.
      for (let started = -1; started != ctx.edits; ) {
        started = ctx.edits
        await write(fresh)
      }
    })
    recovering = false
    if (!ok) return
    held = { keys: new Map(), entries: [] }
    if (skipped.size)
      ctx.store.update({
        problems: ctx.store.state.problems.concat(
          [...skipped].map(
            (key): Problem => ({
              code: 'newer-data',
              key,
              message: `"${key}" was stored by a newer version of Candor: the change made meanwhile was not saved over it`,
            }),
          ),
        ),
      })
  }

  return {
    persist,
    erased(t) {
      if (inMemory()) held = { keys: new Map(), entries: [], clearedAt: t }
    },
    recover,
  }
}
