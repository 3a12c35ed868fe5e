// A catalog made with defineCatalog (or `as const`) types its ids and options: a typo is a compile error.
// `pnpm typecheck` checks this file: each @ts-expect-error must meet an error, or the check fails.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { type AnyCandor, type Candor, type Catalog, createCandor, defineCatalog, type SignalId, type SignalValue, type Value } from '../src/index'
import { createTestCandor } from '../src/testing'

const catalog = defineCatalog({
  site: 'typed',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics',
      purpose: 'Orders the stories',
      options: [
        { value: 'science', label: 'Science' },
        { value: 'sports', label: 'Sports' },
      ],
    },
    { id: 'region', type: 'choice', label: 'Region', purpose: 'Shows events near you', options: [{ value: 'eu', label: 'Europe' }] },
    { id: 'compact', type: 'boolean', label: 'Compact', purpose: 'Fits more on a screen' },
  ],
})

describe('a typed catalog', () => {
  it('types ids and values, and refuses what it does not declare', async () => {
    const candor = createCandor({ catalog, storage: 'memory' })
    expectTypeOf<SignalId<typeof catalog>>().toEqualTypeOf<'topics' | 'region' | 'compact'>()
    expectTypeOf(candor.get('topics')).toEqualTypeOf<('science' | 'sports')[] | undefined>()
    expectTypeOf(candor.get('region')).toEqualTypeOf<'eu' | undefined>()
    expectTypeOf(candor.get('compact')).toEqualTypeOf<boolean | undefined>()
    await candor.set('topics', ['science'])
    await candor.toggle('region', 'eu')
    expect(candor.get('topics')).toEqual(['science'])
    expect(candor.get('region')).toBe('eu')

    // @ts-expect-error an id the catalog doesn't declare
    expect(() => candor.get('topcs')).toThrow(/topcs/)
    // @ts-expect-error an option the catalog doesn't declare
    await expect(candor.set('topics', ['sprots'])).rejects.toThrow(/sprots/)
    // @ts-expect-error a boolean is not an option
    await expect(candor.set('compact', 'yes')).rejects.toThrow()
    // @ts-expect-error toggling an option another signal has
    await expect(candor.toggle('region', 'science')).rejects.toThrow()
  })

  it('`as const` types the same way, and the test instance too', () => {
    const literal = { site: 'typed', signals: [{ id: 'compact', type: 'boolean', label: 'C', purpose: 'P' }] } as const satisfies Catalog
    const c = createTestCandor({ catalog: literal, values: { compact: true } })
    expectTypeOf(c.get('compact')).toEqualTypeOf<boolean | undefined>()
    // @ts-expect-error not in this catalog
    expect(() => c.get('topics')).toThrow()
  })

  it('leaves a catalog typed as Catalog as open as before', () => {
    const wide: Catalog = catalog
    const c = createCandor({ catalog: wide, storage: 'memory' })
    expectTypeOf<ReturnType<typeof c.get<'anything-at-all'>>>().toEqualTypeOf<Value | undefined>()
    expectTypeOf<SignalValue>().toEqualTypeOf<Value>()
  })

  it('passes a typed instance wherever any instance is taken', () => {
    const typed: Candor<typeof catalog> = createCandor({ catalog, storage: 'memory' })
    const anyOf = (c: AnyCandor) => c.catalog.site
    expect(anyOf(typed)).toBe('typed')
  })
})
