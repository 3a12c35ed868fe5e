// '@candor/core/testing': an instance for a site's own unit tests — "as a visitor who follows Science",
// "at level off", "as the shared page" — in memory, touching no storage at all, set up synchronously.
import { createCandor } from './candor.js'
import { CandorError } from './errors.js'
import type { Candor, Catalog, Level, SignalId, SignalValue, Value } from './types.js'
import { checkValue } from './value.js'

/** Options of `createTestCandor`; with a catalog from `defineCatalog`, `values` are checked against it when compiling. */
export interface TestCandorOptions<C extends Catalog = Catalog> {
  catalog: C
  /** Declared values, by signal id. */
  values?: { [K in SignalId<C>]?: SignalValue<C, K> }
  level?: Level
  /** The clock; default a fixed time, so dates in tests don't move. */
  now?: () => number
  /** Global Privacy Control; default `false`. */
  gpc?: boolean
  /** `true`: the page as everyone sees it (a preview, as a shared link opens it). */
  shared?: boolean
}

/** 2026-01-01T00:00:00Z: the default clock of a test instance. */
const FIXED = Date.UTC(2026, 0, 1)

/**
 * A Candor instance with the given preferences already declared, ready at once. Throws a `CandorError`
 * for a value that doesn't fit its signal.
 * @example const candor = createTestCandor({ catalog, values: { topics: ['science'] } }); render(<Front candor={candor} />)
 */
export const createTestCandor = <const C extends Catalog>(o: TestCandorOptions<C>): Candor<C> => {
  const c: Candor = createCandor({ catalog: o.catalog as Catalog, storage: 'memory', snapshot: false, gpc: o.gpc ?? false, now: o.now ?? (() => FIXED) })
  for (const [id, v] of Object.entries(o.values ?? {}) as [string, Value][]) {
    const def = c.catalog.signals.find((s) => s.id == id)
    const why = def ? checkValue(def, v) : `"${id}" is not declared in the catalog`
    if (why) throw new CandorError('invalid-value', `createTestCandor: values.${id}: ${why}`, [`values.${id}: ${why}`])
    // Memory changes before set() returns; the in-memory write that follows can't fail.
    void c.set(id, v)
  }
  if (o.level) void c.setLevel(o.level)
  if (o.shared) c.preview(true)
  return c as unknown as Candor<C>
}
