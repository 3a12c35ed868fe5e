import { describe, expect, it } from 'vitest'
import type { Context } from '../src/context'
import { load, mayPass, storageReason } from '../src/load'
import { createStore } from '../src/store'

// Each error a browser gives, told apart: the reason Candor reports, how often a read is tried before
// memory takes over, and whether that memory mode may pass (a later chance reopens and saves what it held).
const ex = (name: string, message = '') => new DOMException(message, name)

/** An instance's context whose storage throws `e` on every read, counting the reads. */
const failing = (e: unknown) => {
  let reads = 0
  const ctx = {
    defs: new Map(),
    fps: new Map(),
    now: () => 1000,
    memoryOnly: false,
    edits: 0,
    destroyed: false,
    store: createStore({
      records: new Map(),
      inferred: new Map(),
      storedLevel: undefined,
      previewing: false,
      history: [],
      problems: [],
      storage: { kind: 'indexeddb' },
      clock: 0,
      measure: { v: 1, weeks: {} },
      view: undefined,
    }),
    backend: {
      all: async () => {
        reads++
        throw e
      },
    },
  } as unknown as Context
  return { ctx, reads: () => reads }
}

describe('a storage error → the reason, the tries, whether it may pass', () => {
  // [what the browser gives, reason, reads before memory takes over, may pass]
  const table: Array<[string, unknown, string, number, boolean]> = [
    ['QuotaExceededError (a full disk)', ex('QuotaExceededError', 'The quota has been exceeded.'), 'quota', 3, true],
    ['QuotaExceededError whose message doesn’t say quota (a full disk)', ex('QuotaExceededError', 'The disk is full.'), 'quota', 3, true],
    ['an abort whose message names the quota', ex('AbortError', 'Quota exceeded'), 'quota', 3, true],
    ['InvalidStateError (Firefox private mode, a closing connection)', ex('InvalidStateError', 'A mutation operation was attempted'), 'blocked', 1, false],
    ['InvalidStateError, a connection closing (Chrome after sleep)', ex('InvalidStateError', 'The database connection is closing.'), 'blocked', 1, false],
    ['UnknownError, the backing store (a corrupt LevelDB)', ex('UnknownError', 'Internal error opening backing store'), 'failed', 3, true],
    ['UnknownError, permission denied (site data blocked)', ex('UnknownError', 'The user denied permission to access the database.'), 'blocked', 1, false],
    ['VersionError', ex('VersionError', 'The requested version is less than the existing version.'), 'failed', 3, true],
    ['an open that hangs (Candor’s own timeout)', ex('TimeoutError', 'IndexedDB did not answer'), 'timeout', 1, true],
    ['a transaction aborted', ex('AbortError', 'The transaction was aborted.'), 'failed', 3, true],
    ['SecurityError (an opaque origin)', ex('SecurityError', 'The operation is insecure.'), 'blocked', 1, false],
    ['SecurityError in Safari’s words', ex('SecurityError', 'IDBFactory.open() called in an invalid security context'), 'blocked', 1, false],
    ['no indexedDB at all', Object.assign(new Error('indexedDB is not defined'), { name: 'MissingAPIError' }), 'unavailable', 1, false],
    ['not an error at all', 'a string', 'failed', 3, true],
  ]

  it.each(table)('%s', async (_, error, reason, reads, passes) => {
    expect(storageReason(error)).toBe(reason)
    const f = failing(error)
    expect(await load(f.ctx, true)).toBe(false)
    expect(f.reads()).toBe(reads)
    const s = f.ctx.store.state
    expect(s.storage).toMatchObject({ kind: 'memory', reason })
    // The page is told why, in one problem that names the reason.
    const told = s.problems.filter((p) => p.code == 'storage').map((p) => p.message)
    expect(told).toHaveLength(1)
    expect(told[0]).toMatch(new RegExp(`^Preferences can't be saved \\(${reason}\\): \\S`))
    expect(mayPass(f.ctx)).toBe(passes)
  })

  it('a memory-only instance never passes back to storage, whatever the reason', () => {
    const f = failing(ex('UnknownError'))
    const ctx = { ...f.ctx, memoryOnly: true, store: f.ctx.store } as Context
    f.ctx.store.update({ storage: { kind: 'memory', reason: 'failed' } })
    expect(mayPass(ctx)).toBe(false)
  })
})
