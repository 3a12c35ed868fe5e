import { effect } from '@preact/signals-core'
import { describe, expect, it, vi } from 'vitest'
import { createCandor } from '../src/index'
import { catalog, freshIdb, seed, tick } from './fixtures'

// The widget renders from candor.signals: each must follow the instance, or the panel shows stale state.
describe('the signals adapter', () => {
  it('starts from the instance as it is: the level GPC gives, the storage in use, nothing in the history', () => {
    const c = createCandor({ catalog, storage: 'memory', gpc: true, shared: true })
    expect(c.signals.level.value).toBe('declared')
    expect(c.signals.storage.value).toEqual(c.storage)
    expect(c.signals.history.value).toEqual([])
    expect(c.signals.problems.value).toEqual([])
    expect(c.signals.preview.value).toBe(true)
    expect(c.signals.version.value).toBe(0)
    expect(c.signals.usage.value).toEqual({})
  })

  it('follows every change: level, history, preview, problems and a version that effects can track', async () => {
    const c = createCandor({ catalog, storage: 'memory', gpc: false })
    const versions: number[] = []
    const stop = effect(() => void versions.push(c.signals.version.value))
    await c.setLevel('off')
    expect(c.signals.level.value).toBe('off')
    expect(c.signals.history.value.map((h) => h.action)).toEqual(['level'])
    c.preview(true)
    expect(c.signals.preview.value).toBe(true)
    await c.set('compact', true)
    expect(c.signals.history.value).toBe(c.history)
    expect(c.signals.problems.value).toBe(c.problems)
    expect(c.signals.storage.value).toBe(c.storage)
    stop()
    // One run per change, each a new version: a batch tells its effects once.
    expect(versions).toEqual([0, 1, 2, 3])
  })

  it('shows what the first read of storage found, and the switch to memory when storage fails', async () => {
    freshIdb()
    await seed('daily-planet', { 's:compact': { v: 1, value: true, setAt: -1, fp: 'x' } })
    const c = createCandor({ catalog, gpc: false })
    await c.ready
    expect(c.signals.problems.value).toEqual([
      { code: 'corrupt-record', key: 's:compact', message: 'A stored value for "compact" is damaged: skipped (left as it is)' },
    ])
    expect(c.signals.storage.value).toEqual({ kind: 'indexeddb' })
    c.destroy()
    vi.stubGlobal('indexedDB', undefined)
    try {
      const d = createCandor({ catalog, gpc: false })
      await d.ready
      expect(d.signals.storage.value).toMatchObject({ kind: 'memory', reason: 'unavailable' })
      d.destroy()
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('a GPC visitor who chooses everything sees "all" there too', async () => {
    const c = createCandor({ catalog, storage: 'memory', gpc: true })
    await c.setLevel('all')
    expect(c.signals.level.value).toBe('all')
  })

  it('usage follows the page’s reads a task later (a read inside a computed must not write a signal)', async () => {
    const c = createCandor({ catalog, storage: 'memory', gpc: false })
    c.get('compact', { reason: 'Chooses the layout' })
    expect(c.signals.usage.value).toEqual({})
    await tick()
    expect(c.signals.usage.value.compact).toMatchObject({ count: 1, reasons: ['Chooses the layout'] })
  })
})
