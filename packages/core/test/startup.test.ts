import { beforeEach, describe, expect, it, vi } from 'vitest'
import { edit } from '../src/editing'
import { startCandor } from '../src/startup'
import { catalog, freshIdb, open } from './fixtures'

beforeEach(freshIdb)

describe('startCandor: reads at once, loads the editing part on first need', () => {
  it('reads what is stored without loading it; the first write loads it once', async () => {
    await (await open()).set('topics', ['science'])
    const load = vi.fn(async () => edit)
    const c = startCandor({ catalog, gpc: false }, load)
    await c.ready
    expect(c.get('topics')).toEqual(['science'])
    expect(c.export().values.topics?.value).toEqual(['science'])
    expect(load).not.toHaveBeenCalled()
    expect(c.signals).toBeUndefined()
    await Promise.all([c.set('compact', true), c.set('topics', ['sports'])])
    expect(load).toHaveBeenCalledTimes(1)
    expect(c.get('topics')).toEqual(['sports'])
    expect(c.signals.version.value).toBeGreaterThan(0)
    const again = await open()
    expect(again.get('compact')).toBe(true)
  })

  it('a failed load rejects that write, stores nothing, and the next one tries again', async () => {
    let fail = true
    const c = startCandor({ catalog, gpc: false }, async () => {
      if (fail) throw new Error('offline')
      return edit
    })
    await c.ready
    await expect(c.set('compact', true)).rejects.toThrow('offline')
    expect(c.get('compact')).toBeUndefined()
    fail = false
    await c.set('compact', true)
    expect((await open()).get('compact')).toBe(true)
  })

  it('load() loads it on intent, so the write that follows is at once', async () => {
    const c = startCandor({ catalog, gpc: false }, async () => edit)
    await c.load()
    void c.set('compact', true)
    expect(c.get('compact')).toBe(true)
  })

  it('loads the measuring part only when the catalog measures and the page gave a loader; without one a view is never held out', async () => {
    const { createView } = await import('../src/measure/view')
    const measures = { ...catalog, measure: { holdout: 0.5 } }
    await (await open()).set('compact', true)
    const loadMeasuring = vi.fn(async () => createView)
    const c = startCandor({ catalog: measures, gpc: false, draw: 0 }, async () => edit, loadMeasuring)
    await c.ready
    expect(loadMeasuring).toHaveBeenCalledTimes(1)
    c.get('compact')
    expect(c.arm).toBe('holdout')
    const d = startCandor({ catalog: measures, gpc: false, draw: 0 }, async () => edit)
    await d.ready
    d.get('compact')
    expect(d.arm).toBe('tailored')
    c.destroy()
    d.destroy()
  })

  it('before any part is loaded: the ledger answers, and the measurement says nothing is measured', async () => {
    const c = startCandor({ catalog: { ...catalog, measure: { holdout: 0.2 } }, gpc: false }, async () => edit)
    await c.ready
    c.get('compact', { reason: 'Chooses the layout' })
    expect(c.usage.compact?.count).toBe(1)
    expect(c.measurement).toEqual({ holdout: 0, epsilon: 1, truthful: expect.any(Number), holdouts: true, reports: false, reportsThisWeek: 0, goals: [] })
    await c.setHoldouts(false)
    expect(c.measurement.holdouts).toBe(false)
    c.destroy()
  })

  it('in a view held out, explain says a value in use is paused for the holdout; at level off there is nothing to pause', async () => {
    const { createView } = await import('../src/measure/view')
    await (await open()).set('compact', true)
    const c = startCandor(
      { catalog: { ...catalog, measure: { holdout: 0.5 } }, gpc: false, draw: 0 },
      async () => edit,
      async () => createView,
    )
    await c.ready
    expect(c.get('compact')).toBeUndefined()
    expect(c.explain('compact')).toMatchObject({ state: 'forbidden-by-level', paused: 'holdout', value: true })
    await c.setLevel('off')
    expect(c.explain('compact').paused).toBeUndefined()
    c.destroy()
  })
})

describe('startCandor carries no message text: a catalog with a problem loads its words (issue 22)', () => {
  const withTypo = { ...catalog, signals: [{ ...catalog.signals[0]!, purpse: 'typo' }, ...catalog.signals.slice(1)] }
  const badSignal = { ...catalog, signals: [...catalog.signals, { id: 'broken', type: 'boolean', label: 'Broken' }] }
  const words = () => import('../src/catalog-words')

  it('a right catalog never asks for the words', async () => {
    const loadWords = vi.fn(words)
    const c = startCandor({ catalog, gpc: false }, async () => edit, undefined, loadWords)
    await c.ready
    expect(loadWords).not.toHaveBeenCalled()
    expect(c.problems).toEqual([])
  })

  it('problems are named by path and rule at once, then said in words, "did you mean" included, once the words load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const loadWords = vi.fn(words)
    const c = startCandor(
      { catalog: { ...withTypo, signals: [...withTypo.signals, ...badSignal.signals.slice(-1)] } as never, gpc: false, lenient: true },
      async () => edit,
      undefined,
      loadWords,
    )
    expect(c.problems.map((p) => p.message)).toEqual(['signals[0].purpse: unknown', 'signals[3].purpose: required'])
    expect(c.catalog.signals.map((s) => s.id)).toEqual(['topics', 'region', 'compact'])
    await c.ready
    await vi.waitFor(() => expect(c.problems[0]?.message).toContain('did you mean "purpose"?'))
    expect(c.problems).toEqual([
      { code: 'unknown-field', message: 'signals[0].purpse: unknown field, did you mean "purpose"? (ignored)' },
      { code: 'left-out', message: 'signals[3].purpose: required' },
    ])
    expect(loadWords).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('signals[0].purpse: unknown field, did you mean "purpose"?'))
    expect(error).toHaveBeenCalledWith(expect.stringContaining('were left out, the rest is used:\n  signals[3].purpose: required'))
    warn.mockRestore()
    error.mockRestore()
  })

  it('words that fail to load leave the problems by path and rule, and the instance works', async () => {
    const c = startCandor(
      { catalog: withTypo as never, gpc: false },
      async () => edit,
      undefined,
      () => Promise.reject(new Error('offline')),
    )
    await c.ready
    await new Promise((r) => setTimeout(r))
    expect(c.problems).toEqual([{ code: 'unknown-field', message: 'signals[0].purpse: unknown' }])
    await c.set('compact', true)
    expect(c.get('compact')).toBe(true)
  })

  it('a catalog that cannot be used throws by path and rule; wordedCatalog throws the same refusal in words', async () => {
    const bad = { site: 'Daily Planet', signals: [{ id: 'x', type: 'boolean', label: 'X' }] }
    expect(() => startCandor({ catalog: bad as never }, async () => edit)).toThrow(
      expect.objectContaining({ code: 'catalog-invalid', problems: ['site: site', 'signals[0].purpose: required'] }),
    )
    const { wordedCatalog } = await words()
    expect(() => wordedCatalog(bad, false)).toThrow(
      expect.objectContaining({
        code: 'catalog-invalid',
        problems: ['site: must be a slug like "daily-planet": lowercase letters, digits and "-", starting with a letter', 'signals[0].purpose: required'],
      }),
    )
  })
})
