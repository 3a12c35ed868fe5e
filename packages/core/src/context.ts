// What the parts of one instance share: the catalog's lookups, the clock, the state, the ledger and
// the storage in use. Created by `createInstance`; the reading part and the editing part both take it.
import { fingerprint } from './catalog-check.js'
import { CandorError } from './errors.js'
import { createLedger, type Ledger } from './ledger.js'
import { dbName } from './names.js'
import { parseMeasureRow } from './record.js'
import { idbBackend, memoryBackend, type Backend } from './storage.js'
import { createStore, type Store } from './store.js'
import type { Tabs } from './tabs.js'
import type { CandorOptions, Catalog, Problem, SignalDefinition } from './types.js'
import { shown } from './value.js'

export interface Context {
  readonly catalog: Catalog
  readonly site: string
  readonly defs: ReadonlyMap<string, SignalDefinition>
  /** Each signal's fingerprint (see `fingerprint`), by id. */
  readonly fps: ReadonlyMap<string, string>
  readonly now: () => number
  readonly gpc: boolean
  /** `storage: 'memory'`: nothing persistent is ever touched. */
  readonly memoryOnly: boolean
  readonly store: Store
  readonly ledger: Ledger
  /** Where records are read and written now: IndexedDB, or memory after a fault. */
  backend: Backend
  /** A new IndexedDB backend for the site (the first one, or one after a passing fault). */
  connect(): Backend
  /** This tab's own changes, counted: a re-read that started before one of them is stale when it ends. */
  edits: number
  tabs?: Tabs
  destroyed: boolean
  /** Set by the editing part: saves what the visitor changed in memory once IndexedDB answers again. */
  recover?: () => Promise<void>
}

/** The catalog's declaration of `id`; throws for an id the site didn't declare (nothing undeclared can be read). */
export const declared = (ctx: Context, id: string): SignalDefinition => {
  const d = ctx.defs.get(id)
  if (!d)
    throw new CandorError('undeclared-signal', `${shown(id)} is not declared in the catalog of "${ctx.site}": declare it there, with its purpose, to use it`)
  return d
}

/** How long IndexedDB may take to answer, in ms, before memory takes over. */
const DEFAULT_TIMEOUT = 2000

/** A catalog taken by the rules, and its problems in words (see catalog-words.ts). */
export interface TakenCatalog {
  catalog: Catalog
  problems: Problem[]
  /** The catalog's problems in words, when they come later than the instance (the reader loads them): what rewords those in state. */
  later?: Promise<(problems: readonly Problem[]) => Problem[]> | undefined
}

const freeze = (c: Catalog): Catalog => {
  if (c.measure) Object.freeze(Object.freeze(c.measure).goals)?.forEach(Object.freeze)
  for (const s of c.signals) {
    s.options?.forEach(Object.freeze)
    Object.freeze(s.options)
    Object.freeze(s)
  }
  Object.freeze(c.signals)
  return Object.freeze(c)
}

const browserGpc = () => {
  try {
    return (globalThis.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true
  } catch {
    return false
  }
}

/** The context of a new instance; `lost` is called when the connection to IndexedDB closes under it. */
export const createContext = (taken: TakenCatalog, options: CandorOptions, lost: () => void): Context => {
  const catalog = freeze(taken.catalog)
  const { site } = catalog
  const now = options.now || Date.now
  const memoryOnly = options.storage == 'memory'
  const store = createStore({
    records: new Map(),
    inferred: new Map(),
    storedLevel: undefined,
    previewing: options.shared === true,
    history: [],
    problems: taken.problems,
    storage: memoryOnly ? { kind: 'memory', reason: 'page-only', detail: 'the site asked for storage: "memory"' } : { kind: 'indexeddb' },
    clock: 0,
    measure: parseMeasureRow(undefined),
    view: undefined,
  })
  const ctx: Context = {
    catalog,
    site,
    defs: new Map(catalog.signals.map((s) => [s.id, s])),
    fps: new Map(catalog.signals.map((s) => [s.id, fingerprint(s)])),
    now,
    gpc: options.gpc ?? browserGpc(),
    memoryOnly,
    store,
    ledger: createLedger(now),
    // A connection closed under us (site data cleared, the database deleted in another tab): re-read a task
    // later, once the deletion is done, so the page stops using what the visitor deleted.
    connect: () => idbBackend(dbName(site), options.timeout ?? DEFAULT_TIMEOUT, () => setTimeout(lost)),
    backend: memoryBackend(),
    edits: 0,
    destroyed: false,
  }
  if (!memoryOnly) ctx.backend = ctx.connect()
  return ctx
}
