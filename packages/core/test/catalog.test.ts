import { describe, expect, it, vi } from 'vitest'
import { checkCatalog } from '../src/catalog'
import { CandorError, createCandor, fingerprint, type Catalog, type ListedSignal, type SignalDefinition, validateCatalog } from '../src/index'
import { catalog } from './fixtures'

const problems = (input: unknown): string[] => {
  try {
    validateCatalog(input)
  } catch (e) {
    expect(e).toBeInstanceOf(CandorError)
    expect((e as CandorError).code).toBe('catalog-invalid')
    return (e as CandorError).problems
  }
  throw new Error('expected the catalog to be refused')
}

const sig = (over: Record<string, unknown>) => ({ id: 'x', type: 'boolean', label: 'X', purpose: 'Why', ...over })

describe('validateCatalog', () => {
  it('accepts the catalog from the docs and returns a clean copy', () => {
    const out = validateCatalog(catalog)
    expect(out).toEqual(catalog)
    expect(out).not.toBe(catalog)
    expect(out.signals[0]).not.toBe(catalog.signals[0])
  })

  it('refuses a signal whose purpose is not declared, naming its path', () => {
    const list = problems({ site: 's', signals: [sig({ id: 'a' }), sig({ id: 'b' }), sig({ id: 'c', purpose: undefined })] })
    expect(list).toEqual(['signals[2].purpose: required'])
  })

  it('lists every problem at once, each by path', () => {
    const list = problems({
      site: 'Bad Site',
      signals: [
        sig({ id: 'Topics', type: 'list' }),
        sig({ id: 'a', type: 'choice' }),
        sig({ id: 'a', purpose: '  ' }),
        sig({ id: 'b', lifetime: '3 months' }),
        sig({
          id: 'c',
          type: 'multi',
          options: [
            { value: 'x', label: 'X' },
            { value: 'x', label: 'Y' },
            { value: 'has space', label: '' },
          ],
        }),
        sig({ id: 'd', purpse: 'typo', options: [{ value: 'a', label: 'A' }] }),
        sig({ id: 'e', source: 'guessed', sensitive: 'yes' }),
      ],
    })
    expect(list).toEqual([
      'site: must be a slug like "daily-planet": lowercase letters, digits and "-", starting with a letter',
      'signals[0].id: must be a slug like "topics": lowercase letters, digits and "-", starting with a letter',
      'signals[0].type: must be "boolean", "choice" or "multi"',
      'signals[1].options: required for a choice signal: a list of 1 to 500 { value, label }',
      'signals[2].id: "a" is declared twice',
      'signals[2].purpose: must be text of 1 to 2000 characters',
      'signals[3].lifetime: must look like "90d", "12h" or "2w" (whole hours, days or weeks), or be left out',
      'signals[4].options[1].value: "x" is listed twice',
      'signals[4].options[2].value: must be 1 to 64 letters, digits, "_", "." or "-"',
      'signals[4].options[2].label: must be text of 1 to 200 characters',
      'signals[5].options: not allowed for a boolean signal',
      'signals[6].source: must be "declared" or "inferred"',
      'signals[6].sensitive: must be true or false',
    ])
  })

  it('refuses what is not a catalog at all', () => {
    expect(() => validateCatalog(null)).toThrow(/expected an object like \{ site, signals/)
    expect(problems({ site: 'a' })).toEqual(['signals: required: a list of at most 2000 signal declarations'])
    expect(problems({ site: 'a', signals: [sig({ type: 'boolean', options: 5 }), sig({ id: 'y', type: 'choice', options: [null] })] })).toEqual([
      'signals[0].options: not allowed for a boolean signal',
      'signals[1].options[0]: must be { value, label }',
    ])
    expect(problems({ site: 'a', signals: [42] })).toEqual(['signals[0]: must be an object'])
  })

  it('caps the length of text, so megabytes of copy are refused', () => {
    expect(problems({ site: 'a', signals: [sig({ label: 'x'.repeat(5000) })] })).toEqual(['signals[0].label: must be text of 1 to 200 characters'])
  })

  it('accepts the optional fields group, description, sensitive and lifetimes in hours, days and weeks', () => {
    const out = validateCatalog({
      site: 'a',
      signals: [sig({ group: 'Reading', description: 'More', sensitive: true, lifetime: '12h' }), sig({ id: 'y', lifetime: '2w' })],
    })
    expect(out.signals[0]).toMatchObject({ group: 'Reading', description: 'More', sensitive: true, lifetime: '12h' })
  })

  it('makes createCandor throw the same error, with the whole list in its message', () => {
    expect(() => createCandor({ catalog: { site: 'a', signals: [sig({ purpose: undefined })] } as never })).toThrow(
      /Invalid Candor catalog:\n {2}signals\[0\]\.purpose: required/,
    )
    // Each problem on its own line, so a console shows the list as a list.
    expect(() => createCandor({ catalog: { site: 'a', signals: [sig({ purpose: undefined, label: undefined })] } as never })).toThrow(
      'Invalid Candor catalog:\n  signals[0].label: required\n  signals[0].purpose: required',
    )
  })

  it('does not let a JSON "__proto__" key change any object', () => {
    const evil = JSON.parse('{"site":"a","signals":[{"id":"x","type":"boolean","label":"X","purpose":"P","__proto__":{"polluted":true}}]}')
    expect(checkCatalog(evil).unknown).toEqual([expect.stringMatching(/^signals\[0\]\.__proto__: unknown field/)])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('unknown fields', () => {
  it('are reported with the nearest known name, left out, and the rest of the catalog works', () => {
    const { catalog: out, unknown } = checkCatalog({
      site: 'a',
      note: "the site's own",
      signals: [sig({ lifetme: '90d' }), sig({ id: 'y', type: 'choice', options: [{ value: 'a', label: 'A', colour: 'red' }] })],
    })
    expect(unknown).toEqual([
      expect.stringMatching(/^note: unknown field \(ignored; known: site, signals, intro/),
      'signals[0].lifetme: unknown field, did you mean "lifetime"? (ignored)',
      expect.stringMatching(/^signals\[1\]\.options\[0\]\.colour: unknown field \(ignored/),
    ])
    expect(out.signals.map((s) => s.id)).toEqual(['x', 'y'])
    expect('lifetme' in out.signals[0]!).toBe(false)
    expect(Object.keys(out.signals[1]!.options![0]!)).toEqual(['value', 'label'])
  })

  it('reach candor.problems and the console, and the instance tailors by the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const c = createCandor({ catalog: { site: 'a', signals: [sig({ purpse: 'x' })], futureField: 1 } as Catalog, storage: 'memory' })
    await c.set('x', true)
    expect(c.get('x')).toBe(true)
    expect(c.problems.map((p) => [p.code, p.message])).toEqual([
      ['unknown-field', expect.stringMatching(/^futureField: unknown field/)],
      ['unknown-field', 'signals[0].purpse: unknown field, did you mean "purpose"? (ignored)'],
    ])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('purpse')
    warn.mockRestore()
  })

  it('a known field with a bad value still refuses the catalog', () => {
    expect(problems({ site: 'a', signals: [sig({ lifetime: 'forever', lifetme: '1d' })] })).toEqual([
      'signals[0].lifetime: must look like "90d", "12h" or "2w" (whole hours, days or weeks), or be left out',
    ])
  })
})

describe('intro', () => {
  it('is kept as text of at most 2000 characters', () => {
    expect(validateCatalog({ site: 'a', signals: [], intro: 'We tailor the front page to what you follow.' }).intro).toBe(
      'We tailor the front page to what you follow.',
    )
    expect(problems({ site: 'a', signals: [], intro: '' })).toEqual(['intro: must be text of 1 to 2000 characters'])
    expect(problems({ site: 'a', signals: [], intro: 'x'.repeat(2001) })).toEqual(['intro: must be text of 1 to 2000 characters'])
    expect(problems({ site: 'a', signals: [], intro: { html: '<b>' } })).toEqual(['intro: must be text of 1 to 2000 characters'])
  })
})

describe('fingerprint', () => {
  // A listed signal, spread into variants (some deliberately of another type).
  const base = catalog.signals[0] as ListedSignal
  it('ignores labels, so rewording asks nothing of the visitor', () => {
    expect(
      fingerprint({
        ...base,
        label: 'Your topics',
        options: [
          { value: 'sports', label: 'Sport' },
          { value: 'science', label: 'Sci' },
        ],
      }),
    ).toBe(fingerprint(base))
  })
  it('changes with the purpose, the type or the options', () => {
    expect(fingerprint({ ...base, purpose: 'Sells your topics to advertisers' })).not.toBe(fingerprint(base))
    expect(fingerprint({ ...base, type: 'choice' } as SignalDefinition)).not.toBe(fingerprint(base))
    expect(fingerprint({ ...base, options: [{ value: 'sports', label: 'Sports' }] })).not.toBe(fingerprint(base))
  })
})

describe('lenient: the drop-in leaves out what is wrong and uses the rest', () => {
  const long = 'x'.repeat(300)
  const input = {
    site: 'a',
    intro: '',
    measure: { holdout: 2 },
    signals: [sig({ label: long }), sig({ id: 'y' }), sig({ id: 'x', label: 'Good X' }), 'nonsense', sig({ id: 'y' })],
  }

  it('createCandor stays strict: every problem by path, in one CandorError', () => {
    expect(problems(input)).toEqual([
      'intro: must be text of 1 to 2000 characters',
      'signals[0].label: must be text of 1 to 200 characters',
      'signals[2].id: "x" is declared twice',
      'signals[3]: must be an object',
      'signals[4].id: "y" is declared twice',
      'measure.holdout: must be a share of views from 0 to 0.5, e.g. 0.05 for 1 in 20 (a number, not text)',
    ])
  })

  it('lenient: each signal with a problem is left out (its id free for a good one), reported by path; intro and measure too', async () => {
    const checked = checkCatalog(input, true)
    expect(checked.catalog.signals.map((s) => [s.id, s.label])).toEqual([
      ['y', 'X'],
      ['x', 'Good X'],
    ])
    expect(checked.catalog.intro).toBeUndefined()
    expect(checked.catalog.measure).toBeUndefined()
    expect(checked.leftOut).toHaveLength(5)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const c = createCandor({ catalog: input as Catalog, storage: 'memory', lenient: true })
    await c.set('x', true)
    expect(c.get('x')).toBe(true)
    expect(c.problems.filter((p) => p.code == 'left-out').map((p) => p.message)).toEqual(checked.leftOut)
    expect(String(error.mock.calls[0]![0])).toContain('signals[0].label')
    error.mockRestore()
    // Still refused: no site, or no list of signals, leaves nothing to use.
    expect(() => createCandor({ catalog: { signals: [] } as never, lenient: true })).toThrow(CandorError)
  })
})
