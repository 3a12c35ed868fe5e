import { batch, computed, effect, signal, untracked } from '@preact/signals-core'
import { fingerprint, validateCatalog } from './catalog'
import { CandorError } from './errors'
import { parseLifetime } from './lifetime'
import { HISTORY_MAX, LEVELS, SCHEMA, isNewer, parseHistory, parseMeta, parseRec, signalKey, type Rec } from './record'
import { idbBackend, memoryBackend, preopen as warm, type Backend, type Change } from './storage'
import { writeSnapshot } from './snapshot'
import { watchTabs } from './tabs'
import { toExport } from './exporting'
import type {
  Candor,
  Catalog,
  Explanation,
  HistoryEntry,
  Level,
  Problem,
  ReadOptions,
  StorageReason,
  StorageStatus,
  UsageEntry,
  UsageLedger,
  Value,
} from './types'
import { checkValue, copyValue, shown } from './value'

/** Options of `createCandor`. */
export interface CandorOptions {
  /** The site's signals, each with its purpose. Checked at once: a bad catalog throws a `CandorError` listing every problem. */
  catalog: Catalog
  /** `'memory'` keeps everything for this page only (tests, server rendering). Default `'indexeddb'`. */
  storage?: 'indexeddb' | 'memory'
  /** How long to wait for IndexedDB, in ms, before working in memory. Default 2000. */
  timeout?: number
  /** Overrides `navigator.globalPrivacyControl`. */
  gpc?: boolean
  /** The clock, in ms since epoch. Default `Date.now`. */
  now?: () => number
  /**
   * Keep a synchronous copy of the declared values in use in localStorage (see `readSnapshot`),
   * for pages that must tailor before IndexedDB opens. Default `true`: every page of the site
   * keeps it current, whichever way it uses Candor.
   */
  snapshot?: boolean
}

const DAY = 864e5

const dbName = (site: string) => 'candor:' + site

/**
 * Starts opening the site's database before the catalog is in, so `ready` comes sooner: for a page that
 * knows its site early (the drop-in, on a returning visit). Never throws.
 * @example preopen('news.example'); const candor = createCandor({ catalog: await loadCatalog() })
 */
export const preopen = (site: string) => warm(dbName(site))

const reasonOf = (e: unknown): StorageReason => {
  const { name = '', message = '' } = (e || {}) as DOMException
  if (name == 'QuotaExceededError' || /quota/i.test(message)) return 'quota'
  if (name == 'TimeoutError') return 'timeout'
  if (name == 'MissingAPIError') return 'unavailable'
  if (name == 'SecurityError' || name == 'InvalidStateError' || /denied|insecure|mutation/i.test(message)) return 'blocked'
  return 'failed'
}
const describe = (e: unknown) => {
  const { name, message } = (e || {}) as Error
  return name ? name + ': ' + message : String(e)
}

const freeze = (c: Catalog): Catalog => {
  for (const s of c.signals) {
    s.options?.forEach((o) => Object.freeze(o))
    Object.freeze(s.options)
    Object.freeze(s)
  }
  Object.freeze(c.signals)
  return Object.freeze(c)
}

/** Appends to the stored history, leaving a history in a shape we don't know alone. */
const appendHistory = (stored: unknown, ...entries: HistoryEntry[]): unknown =>
  stored === undefined || Array.isArray(stored) ? parseHistory(stored).concat(entries).slice(-HISTORY_MAX) : stored

/**
 * Creates the instance that reads and writes one site's preferences. Throws a `CandorError`
 * when the catalog is invalid; everything after that works even when storage doesn't.
 * @example
 * const candor = createCandor({ catalog })
 * await candor.ready
 * if (candor.get('compact', { reason: 'Chooses the layout' })) document.body.classList.add('compact')
 */
export const createCandor = (options: CandorOptions): Candor => {
  const catalog = freeze(validateCatalog(options?.catalog))
  const { site } = catalog
  const now = options.now || Date.now
  const defs = new Map(catalog.signals.map((s) => [s.id, s]))
  const fps = new Map(catalog.signals.map((s) => [s.id, fingerprint(s)]))
  let gpc = !!options.gpc
  if (options.gpc === undefined)
    try {
      gpc = (globalThis.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true
    } catch {}

  const records = signal(new Map<string, Rec>())
  const inferred = signal(new Map<string, { value: Value; basis: string }>())
  const storedLevel = signal<Level | undefined>(undefined)
  const previewing = signal(false)
  const history = signal<readonly HistoryEntry[]>([])
  const problems = signal<readonly Problem[]>([])
  const memoryOnly = options.storage == 'memory'
  const status = signal<StorageStatus>(
    memoryOnly ? { kind: 'memory', reason: 'page-only', detail: 'the site asked for storage: "memory"' } : { kind: 'indexeddb' },
  )
  const usage = signal<UsageLedger>(Object.create(null))
  // Bumped when a value's lifetime ends, so effects that read it run again.
  const clock = signal(0)
  // The visitor's level; a preview shows the baseline without changing it.
  const level = computed<Level>(() => storedLevel.value ?? (gpc ? 'declared' : 'all'))
  let changes = 0
  const version = computed(() => (records.value, inferred.value, level.value, previewing.value, clock.value, status.value, changes++))

  // A connection closed under us (site data cleared, the database deleted in another tab): re-read a task
  // later, once the deletion is done, so the page stops using what the visitor deleted.
  const open = () => idbBackend(dbName(site), options.timeout ?? 2000, () => setTimeout(reload))
  let backend: Backend = memoryOnly ? memoryBackend() : open()
  const report = (p: Problem) => (problems.value = problems.peek().concat(p))

  // What memory holds, for the in-memory backend that takes over when IndexedDB fails.
  const snapshot = (): Array<[string, unknown]> => [
    ...[...records.peek()].map(([id, r]): [string, unknown] => [signalKey(id), r]),
    ['meta', { v: SCHEMA, level: storedLevel.peek() }],
    ['history', history.peek()],
  ]
  // What the visitor changed while in memory, for IndexedDB if it comes back: each key with the time of its
  // change, the history entries written, and the time of an erase.
  let held = new Map<string, number>()
  let heldEntries = new Set<HistoryEntry>()
  let clearedAt: number | undefined
  const toMemory = (e: unknown) => {
    if (status.peek().kind == 'memory') return
    held = new Map()
    heldEntries = new Set()
    clearedAt = undefined
    backend = memoryBackend(snapshot())
    const reason = reasonOf(e)
    status.value = { kind: 'memory', reason, detail: describe(e) }
    report({ code: 'storage', message: `Preferences can't be saved (${reason}): ${describe(e)}` })
  }

  /** Runs a change against storage: one reopen-and-retry for a passing fault, then memory for the rest of the page. */
  const persist = async (keys: string[], fn: Change, entries: HistoryEntry[] = []): Promise<void> => {
    const t = now()
    // Noted before the write too, so a recovery that checks between the two doesn't miss it.
    const hold = () => {
      if (status.peek().kind != 'memory') return
      for (const k of keys) if (k != 'history') held.set(k, t)
      for (const e of entries) heldEntries.add(e)
    }
    hold()
    for (let attempt = 0; ; attempt++) {
      const used = backend
      try {
        await used.change(keys, fn)
        hold()
        break
      } catch (e) {
        if (e instanceof CandorError || attempt > 2) throw e
        if (used == backend && (attempt > 0 || reasonOf(e) == 'timeout')) toMemory(e)
      }
    }
    if (status.peek().kind == 'indexeddb') tabs?.post()
  }

  const guard = (cur: Map<string, unknown>, key: string) => {
    if (isNewer(cur.get(key)))
      throw new CandorError('newer-data', `A newer version of Candor stored "${key}" on this device; this version won't overwrite it. Update the page's Candor.`)
  }

  // Counts this tab's own changes: a re-read that started before one of them is stale when it ends.
  let edits = 0
  /** Reads everything stored into memory; `false` when storage couldn't be read. */
  const load = async (first: boolean): Promise<boolean> => {
    const started = edits
    let rows: Array<[string, unknown]> | undefined
    // A backing store that fails to open often works on the next try (Dexie retries 3×); a missing or hung one won't.
    for (let i = 0; !rows && i < 3; i++)
      try {
        rows = await backend.all()
      } catch (e) {
        const r = reasonOf(e)
        if (i == 2 || r == 'timeout' || r == 'unavailable' || r == 'blocked') return (toMemory(e), false)
      }
    const recs = new Map<string, Rec>()
    const found: Problem[] = []
    let level: Level | undefined
    let hist: HistoryEntry[] = []
    for (const [key, raw] of rows!) {
      if (isNewer(raw)) {
        found.push({ code: 'newer-data', key, message: `"${key}" was stored by a newer version of Candor: kept as it is, not used` })
        continue
      }
      if (key == 'meta') level = parseMeta(raw)?.level
      else if (key == 'history') hist = parseHistory(raw)
      else if (key.startsWith('s:')) {
        const id = key.slice(2)
        const r = parseRec(raw)
        const def = defs.get(id)
        // Same fingerprint but an impossible value: the record was damaged, not the catalog changed.
        if (!r || (def && r.value !== undefined && r.fp == fps.get(id) && checkValue(def, r.value)))
          found.push({ code: 'corrupt-record', key, message: `A stored value for "${id}" is damaged: skipped (left as it is)` })
        else recs.set(id, r)
      }
    }
    if (edits != started) return load(first)
    const t = now()
    // Values that faded while the visitor was away stay visible as expired for this view; storage drops them now.
    const old = first ? [...recs].filter(([, r]) => r.expiresAt !== undefined && r.expiresAt <= t) : []
    const faded = old.map(([id]): HistoryEntry => ({ at: t, action: 'expired', id }))
    batch(() => {
      records.value = recs
      storedLevel.value = level
      history.value = hist.concat(faded).slice(-HISTORY_MAX)
      problems.value = found.concat(problems.peek().filter((p) => p.code == 'storage'))
    })
    if (old.length)
      await persist(
        [...old.map(([id]) => signalKey(id)), 'history'],
        (cur) => ({
          put: [
            ...old
              .filter(([id]) => (parseRec(cur.get(signalKey(id)))?.expiresAt ?? Infinity) <= t)
              .map(([id]): [string, unknown] => [signalKey(id), undefined]),
            ['history', appendHistory(cur.get('history'), ...faded)],
          ],
        }),
        faded,
      ).catch(() => {})
    return true
  }

  const declared = (id: string) => {
    const d = defs.get(id)
    if (!d)
      throw new CandorError(
        'undeclared-signal',
        `${shown(id)} is not declared in the catalog of "${site}": a site can only read and change signals it declared with a purpose`,
      )
    return d
  }

  const setRec = (id: string, r: Rec | undefined) => {
    const m = new Map(records.peek())
    r ? m.set(id, r) : m.delete(id)
    records.value = m
  }

  /** Applies `make` to memory at once, then to what is stored, in one transaction with the history entry. */
  const commit = async (id: string, action: HistoryEntry['action'], make: (prev: Rec | undefined) => Rec | undefined, value?: Value) => {
    const key = signalKey(id)
    const entry: HistoryEntry = { at: now(), action, id }
    if (value !== undefined) entry.value = copyValue(value)
    let stored: Rec | undefined
    edits++
    batch(() => {
      setRec(id, make(records.peek().get(id)))
      history.value = history.peek().concat(entry).slice(-HISTORY_MAX)
    })
    await persist(
      [key, 'history'],
      (cur) => {
        guard(cur, key)
        stored = make(parseRec(cur.get(key)))
        return { put: [[key, stored], ['history', appendHistory(cur.get('history'), entry)]] }
      },
      [entry],
    )
    // What the transaction wrote is the truth, should another tab have changed the record meanwhile; the same
    // record isn't set again, which would re-render every view of it for nothing.
    if (JSON.stringify(stored) !== JSON.stringify(records.peek().get(id))) setRec(id, stored)
  }

  const expiry = (id: string, t: number) => {
    const ms = defs.get(id)?.lifetime && parseLifetime(defs.get(id)!.lifetime!)
    return ms ? t + ms : undefined
  }
  const fresh = (id: string, value: Value | undefined, t: number): Rec => {
    const r: Rec = { v: SCHEMA, setAt: t, fp: fps.get(id)! }
    if (value !== undefined) r.value = copyValue(value)
    const exp = expiry(id, t)
    if (exp && value !== undefined) r.expiresAt = exp
    return r
  }

  const ledger = new Map<string, { count: number; reasons: string[]; elements: Set<Element>; lastAt: number }>()
  let flushing = false
  const flushUsage = () => {
    flushing = false
    // No prototype: usage["constructor"] is a signal's entry or nothing.
    const out: Record<string, UsageEntry> = Object.create(null)
    for (const [id, u] of ledger) out[id] = { count: u.count, reasons: u.reasons.slice(), elements: [...u.elements], lastAt: u.lastAt }
    usage.value = out
  }
  const recordRead = (id: string, o?: ReadOptions) => {
    let u = ledger.get(id)
    if (!u) ledger.set(id, (u = { count: 0, reasons: [], elements: new Set(), lastAt: 0 }))
    u.count++
    u.lastAt = now()
    const reason = o?.reason
    if (typeof reason == 'string' && reason && u.reasons.length < 20 && !u.reasons.includes(reason)) u.reasons.push(reason.slice(0, 300))
    if (o?.element) u.elements.add(o.element)
    // The ledger signal updates after the current task: a read inside a computed must not write a signal.
    if (!flushing) (flushing = true), queueMicrotask(flushUsage)
  }

  const explain = (id: string): Explanation => {
    const signal = declared(id)
    clock.value
    const r = records.value.get(id)
    const inf = inferred.value.get(id)
    const lvl = previewing.value ? 'off' : level.value
    const e: Explanation = { signal, value: undefined, source: 'declared', state: 'unset', reads: ledger.get(id)?.count ?? 0 }
    if (r) {
      e.setAt = r.setAt
      if (r.expiresAt !== undefined) e.expiresAt = r.expiresAt
    }
    if (r?.value !== undefined) {
      e.value = copyValue(r.value)
      e.state =
        r.expiresAt !== undefined && r.expiresAt <= now()
          ? 'expired'
          : r.off
            ? 'off'
            : r.fp != fps.get(id)
              ? 'needs-review'
              : r.oneOff
                ? 'one-off'
                : lvl == 'off'
                  ? 'forbidden-by-level'
                  : 'active'
    } else if (inf) {
      e.value = copyValue(inf.value)
      e.source = 'inferred'
      e.basis = inf.basis
      e.state = r?.off ? 'off' : lvl != 'all' ? 'forbidden-by-level' : 'active'
    } else if (r?.off) e.state = 'off'
    return e
  }

  const invalid = (what: string, id: string, why: string) =>
    new CandorError('invalid-value', `${what}("${id}"): the value ${why}`, [`${id}: ${why}`])

  // Async methods: misuse rejects the promise, never throws synchronously into the page.
  const set = async (id: string, value: Value, o?: { oneOff?: boolean }) => {
    const why = checkValue(declared(id), value)
    if (why) throw invalid('set', id, why)
    const r = fresh(id, value, now())
    if (o?.oneOff) r.oneOff = true
    await commit(id, 'set', () => r, value)
  }

  const api: Candor = {
    catalog,
    gpc,
    get ready() {
      return ready
    },
    get level() {
      return level.value
    },
    get storage() {
      return status.value
    },
    get usage() {
      return usage.value
    },
    get history() {
      return history.value
    },
    get problems() {
      return problems.value
    },
    get previewing() {
      return previewing.value
    },
    get needsReview() {
      return catalog.signals.filter((s) => explain(s.id).state == 'needs-review').map((s) => s.id)
    },
    get orphans() {
      return [...records.value].filter(([id]) => !defs.has(id)).map(([id, r]) => ({ id, value: r.value, setAt: r.setAt }))
    },
    signals: { level, storage: status, usage, history, problems, version, preview: previewing },
    now,

    get(id, o) {
      const e = explain(id)
      recordRead(id, o)
      return e.state == 'active' ? e.value : undefined
    },
    explain,
    set,
    turnOff: async (id) => {
      declared(id)
      await commit(id, 'off', (p) => (p ? { ...p, off: true } : { ...fresh(id, undefined, now()), off: true }))
    },
    turnOn: async (id) => {
      declared(id)
      await commit(id, 'on', (p) => {
        if (p?.value === undefined) return
        const { off, ...on } = p
        return on
      })
    },
    forget: async (id) => {
      declared(id)
      if (inferred.peek().has(id)) {
        const m = new Map(inferred.peek())
        m.delete(id)
        inferred.value = m
      }
      await commit(id, 'forget', () => undefined)
    },
    renew: async (id) => {
      const d = declared(id)
      const mine = records.peek().get(id)
      if (mine?.value === undefined) throw invalid('renew', id, 'is not set, so there is nothing to renew')
      const why = checkValue(d, mine.value)
      if (why) throw invalid('renew', id, `no longer fits what the site now means by "${d.label}" (it ${why}): set a new one or forget it`)
      const t = now()
      await commit(id, 'renew', (p) => {
        // A value that faded at startup is gone from storage; the visitor's "keep" brings it back.
        const r: Rec = { ...(p?.value !== undefined ? p : mine), fp: fps.get(id)! }
        delete r.expiresAt
        const exp = expiry(id, t)
        if (exp) r.expiresAt = exp
        return r
      })
    },
    confirm: async (id) => {
      declared(id)
      const inf = inferred.peek().get(id)
      if (!inf) throw new CandorError('not-inferred', `confirm("${id}"): there is no inferred value on this page to confirm`)
      await commit(id, 'confirm', () => fresh(id, inf.value, now()), inf.value)
    },
    infer(id, value, o) {
      const d = declared(id)
      if (d.source != 'inferred')
        throw new CandorError('not-inferred', `infer("${id}"): the catalog declares "${id}" as declared by the visitor; add source: "inferred" to infer it`)
      const why = checkValue(d, value)
      if (why) throw invalid('infer', id, why)
      const basis = o?.basis
      if (typeof basis != 'string' || !basis.trim())
        throw new CandorError('invalid-value', `infer("${id}"): a basis is required, e.g. { basis: 'your IP address suggests Europe' }`)
      inferred.value = new Map(inferred.peek()).set(id, { value: copyValue(value), basis: basis.slice(0, 300) })
    },
    setLevel: async (l) => {
      if (!LEVELS.includes(l)) throw new CandorError('invalid-value', `setLevel(${JSON.stringify(l)}): the level must be "off", "declared" or "all"`)
      const entry: HistoryEntry = { at: now(), action: 'level', value: l }
      edits++
      batch(() => {
        storedLevel.value = l
        history.value = history.peek().concat(entry).slice(-HISTORY_MAX)
      })
      await persist(
        ['meta', 'history'],
        (cur) => {
          guard(cur, 'meta')
          return { put: [['meta', { v: SCHEMA, level: l }], ['history', appendHistory(cur.get('history'), entry)]] }
        },
        [entry],
      )
    },
    preview(on) {
      previewing.value = !!on
    },
    expiringSoon(days) {
      const until = now() + days * DAY
      return catalog.signals
        .map((s) => explain(s.id))
        .filter((e) => e.expiresAt !== undefined && e.expiresAt <= until && e.state != 'expired' && e.state != 'unset')
        .sort((a, b) => a.expiresAt! - b.expiresAt!)
    },
    forgetOrphan: async (id) => {
      if (typeof id != 'string') throw new CandorError('invalid-value', `forgetOrphan(${shown(id)}): a signal id is a string`)
      if (defs.has(id)) throw new CandorError('invalid-value', `forgetOrphan("${id}"): "${id}" is declared; use forget("${id}")`)
      await commit(id, 'forget', () => undefined)
    },
    subscribe(fn) {
      let first = true
      return effect(() => {
        version.value
        history.value
        problems.value
        if (first) first = false
        else
          untracked(() => {
            try {
              fn(api)
            } catch (e) {
              // The page's own bug: reported like an uncaught error, never breaking Candor's write.
              ;(globalThis.reportError ?? console.error)(e)
            }
          })
      })
    },
    export() {
      return toExport(site, now(), storedLevel.peek(), records.peek(), (id) => defs.has(id), history.peek())
    },
    import: async (doc) => {
      // The file checker loads only when a visitor imports a file.
      const got = (await import('./importing')).fromExport(doc, catalog, (id) => fps.get(id)!)
      const entry: HistoryEntry = { at: now(), action: 'import' }
      const keys = [...got.records.keys()].map(signalKey)
      edits++
      let hist: HistoryEntry[] = []
      await persist([...keys, 'meta', 'history'], (cur) => {
        keys.forEach((k) => guard(cur, k))
        if (got.level) guard(cur, 'meta')
        const mine = parseHistory(cur.get('history'))
        hist = (mine.length ? mine : got.history).concat(entry).slice(-HISTORY_MAX)
        const put: Array<[string, unknown]> = [...got.records].map(([id, r]) => [signalKey(id), r])
        if (got.level) put.push(['meta', { v: SCHEMA, level: got.level }])
        const stored = cur.get('history')
        put.push(['history', stored === undefined || Array.isArray(stored) ? hist : stored])
        return { put }
      }, [entry])
      batch(() => {
        const m = new Map(records.peek())
        got.records.forEach((r, id) => m.set(id, r))
        records.value = m
        if (got.level) storedLevel.value = got.level
        history.value = hist
      })
    },
    clear: async () => {
      edits++
      writeSnapshot(site, {})
      batch(() => {
        records.value = new Map()
        storedLevel.value = undefined
        history.value = []
      })
      const t = now()
      await persist([], () => ({ clear: true, put: [] }))
      // Erased in memory (before or because storage failed): if IndexedDB comes back, it is erased there too,
      // and what was held before the erase is gone with it.
      if (status.peek().kind == 'memory') {
        clearedAt = t
        held = new Map()
        heldEntries = new Set()
      }
    },
    destroy() {
      destroyed = true
      tabs?.close()
      stopClock()
      stopSnapshot?.()
    },
  }

  // Wakes effects when the next value fades.
  const stopClock = effect(() => {
    clock.value
    const t = now()
    let next = Infinity
    for (const r of records.value.values()) if (r.expiresAt !== undefined && r.expiresAt > t) next = Math.min(next, r.expiresAt)
    if (next == Infinity) return
    const timer = setTimeout(() => clock.value++, Math.min(next - t + 1, 2 ** 31 - 1))
    return () => clearTimeout(timer)
  })

  // The synchronous copy follows what IndexedDB holds: declared values in use at the visitor's
  // level, never inferred ones, never a preview.
  let stopSnapshot: (() => void) | undefined
  const keepSnapshot = () => {
    stopSnapshot = effect(() => {
      const t = now()
      clock.value
      const values: Record<string, Value> = {}
      let until: number | undefined
      if (storedLevel.value != 'off' && status.value.kind == 'indexeddb')
        for (const [id, r] of records.value)
          if (r.value !== undefined && !r.off && !r.oneOff && r.fp == fps.get(id) && !((r.expiresAt ?? Infinity) <= t)) {
            values[id] = r.value
            if (r.expiresAt) until = Math.min(until ?? Infinity, r.expiresAt)
          }
      writeSnapshot(site, values, until)
    })
  }

  /**
   * A fault that passes (Safari's lost connection, a full disk, a hung open): when the page is shown again or
   * another tab writes, try IndexedDB once more; if it works, what the visitor changed meanwhile is saved.
   */
  let recovering = false
  const recover = async () => {
    const s = status.peek()
    if (memoryOnly || recovering || s.kind != 'memory' || !/failed|timeout|quota/.test(s.reason)) return
    recovering = true
    const mem = backend
    const fresh = open()
    const skipped = new Set<string>()
    const write = async () => {
      // What memory holds now (values that faded are gone from it), and what the visitor did there.
      const kept = new Map(await mem.all())
      const since = clearedAt
      const entries = [...heldEntries]
      // After an erase, records and the level stored before it go too; what another tab chose since stays.
      const before = since === undefined ? [] : (await fresh.all()).map(([k]) => k).filter((k) => k == 'meta' || k.startsWith('s:'))
      const keys = [...new Set([...held.keys(), ...before, 'history'])]
      return fresh.change(keys, (cur) => {
        const stored = parseHistory(cur.get('history'))
        // Another tab's change after ours wins: the last choice the visitor made is the one kept.
        const later = (k: string, t: number) =>
          stored.some((e) => e.at > t && (k == 'meta' ? e.action == 'level' : e.id !== undefined && signalKey(e.id) == k))
        const put: Array<[string, unknown]> = []
        for (const k of before) if (!held.has(k) && !isNewer(cur.get(k)) && !later(k, since!)) put.push([k, undefined])
        for (const [k, t] of held)
          if (isNewer(cur.get(k))) skipped.add(k)
          else if (!later(k, t)) put.push([k, kept.get(k)])
        const hist = since === undefined ? stored : stored.filter((e) => e.at > since)
        const seen = new Set(hist.map((e) => JSON.stringify(e)))
        const add = entries.filter((e) => !seen.has(JSON.stringify(e)))
        const h = cur.get('history')
        const next = hist.concat(add).sort((a, b) => a.at - b.at).slice(-HISTORY_MAX)
        if ((add.length || since !== undefined) && (h === undefined || Array.isArray(h))) put.push(['history', next.length ? next : undefined])
        return { put }
      })
    }
    try {
      // A change the visitor makes while this is written goes to memory: write again until none came.
      for (let started = -1; started != edits; ) {
        started = edits
        await write()
      }
    } catch {
      // Still failing: memory it stays, and the next chance tries again (the failed connection is closed).
      return void (recovering = false)
    }
    // Read back through IndexedDB before saying it is used again, so nothing stale is taken for stored.
    backend = fresh
    if (!(await load(false))) {
      backend = mem
      return void (recovering = false)
    }
    recovering = false
    held = new Map()
    heldEntries = new Set()
    clearedAt = undefined
    batch(() => {
      status.value = { kind: 'indexeddb' }
      problems.value = problems
        .peek()
        .filter((p) => p.code != 'storage')
        .concat(
          [...skipped].map((key): Problem => ({ code: 'newer-data', key, message: `"${key}" was stored by a newer version of Candor: the change made meanwhile was not saved over it` })),
        )
    })
    tabs?.post()
  }
  // A destroyed instance no longer follows storage (its connection may still close under it).
  let destroyed = false
  const reload = () => (destroyed ? undefined : status.peek().kind == 'indexeddb' ? load(false) : recover())
  const tabs = memoryOnly ? undefined : watchTabs(site, reload)
  const ready: Promise<Candor> = (memoryOnly ? Promise.resolve() : load(true)).then(
    () => (options.snapshot !== false && keepSnapshot(), api),
    () => api,
  )
  return api
}
