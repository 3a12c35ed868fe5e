import { describe, expect, it, vi } from 'vitest'
import type { CandorError } from '../src/errors'
import { createTestCandor } from '../src/testing'
import { catalog } from './fixtures'

describe('createTestCandor', () => {
  it('is a visitor who follows Science at once, touching no storage', () => {
    const touched: string[] = []
    const watch = (name: string) => new Proxy({}, { get: (_, k) => void touched.push(`${name}.${String(k)}`) })
    vi.stubGlobal('indexedDB', watch('indexedDB'))
    vi.stubGlobal('localStorage', watch('localStorage'))
    const c = createTestCandor({ catalog, values: { topics: ['science'], compact: true } })
    expect(c.get('topics')).toEqual(['science'])
    expect(c.get('compact')).toBe(true)
    expect(c.explain('topics').setAt).toBe(Date.UTC(2026, 0, 1))
    expect(touched).toEqual([])
    vi.unstubAllGlobals()
  })

  it('at level off, and as the shared page, nothing tailors', () => {
    expect(createTestCandor({ catalog, values: { topics: ['science'] }, level: 'off' }).get('topics')).toBeUndefined()
    const shared = createTestCandor({ catalog, values: { topics: ['science'] }, shared: true })
    expect(shared.previewing).toBe(true)
    expect(shared.get('topics')).toBeUndefined()
  })

  it('refuses a value that does not fit, naming it', () => {
    expect(() => createTestCandor({ catalog, values: { topics: ['cooking'] } })).toThrow(/values\.topics: "cooking" is not an option/)
    expect(() => createTestCandor({ catalog, values: { income: 'high' } })).toThrow(/values\.income: "income" is not declared/)
    const e = (() => {
      try {
        createTestCandor({ catalog, values: { compact: 'yes' } as never })
      } catch (e) {
        return e as CandorError
      }
    })()
    expect(e).toMatchObject({
      code: 'invalid-value',
      message: 'createTestCandor: values.compact: must be true or false',
      problems: ['values.compact: must be true or false'],
    })
  })

  it('takes the clock and Global Privacy Control it is given', () => {
    const t = Date.UTC(2026, 5, 1)
    const c = createTestCandor({ catalog, values: { compact: true }, now: () => t, gpc: true })
    expect(c.explain('compact').setAt).toBe(t)
    expect(c.gpc).toBe(true)
    expect(c.level).toBe('declared')
    expect(createTestCandor({ catalog }).gpc).toBe(false)
    expect(createTestCandor({ catalog }).level).toBe('all')
  })
})
