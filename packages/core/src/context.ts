// What the parts of one instance share: the catalog's lookups, the clock, the state, the ledger and
// the storage in use. Created by `createInstance`; the reading part and the editing part both take it.
import { CandorError } from './errors.js'
import type { Ledger } from './ledger.js'
import type { Backend } from './storage.js'
import type { Store } from './store.js'
import type { Tabs } from './tabs.js'
import type { Catalog, SignalDefinition } from './types.js'
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

/** The database of a site's preferences. */
export const dbName = (site: string) => 'candor:' + site

/** The catalog's declaration of `id`; throws for an id the site didn't declare (nothing undeclared can be read). */
export const declared = (ctx: Context, id: string): SignalDefinition => {
  const d = ctx.defs.get(id)
  if (!d)
    throw new CandorError(
      'undeclared-signal',
      `${shown(id)} is not declared in the catalog of "${ctx.site}": a site can only read and change signals it declared with a purpose`,
    )
  return d
}
