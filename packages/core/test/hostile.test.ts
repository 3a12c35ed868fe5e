// Hostile input to @candor/core, named by the cases of table (b) in
// shared/research/reliability-anchors.md ("S01" … "S24"), so they can be counted.
//
// Covered here: S01 (core side: site strings kept verbatim, never parsed), S05, S06, S07, S08, S09,
//   S10, S11, S12, S15, S20, S23, S24.
// Covered elsewhere: S01, S05/S06, S11, S13 and S23 as rendered → packages/widget/test/hostile.test.tsx;
//   S14 → properties.test.ts (d) and tabs.test.ts; S17/S18/S19 → e2e (strict CSP, zero network).
// Not applicable to what exists: S02 (no rich-text opt-in), S03 (no URLs in the catalog), S04 (no theme
//   values in the catalog), S16 (a same-origin script that patches built-ins: out of scope, document only),
//   S21 (the core reads no URL), S22 (UI redress: widget and e2e), S13 (layout: widget).
// A `// Keeps true:` comment above a test says what it keeps true.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CandorError, createCandor, fingerprint, validateCatalog, type Candor, type Catalog, type ListedSignal } from '../src/index'
import { catalog, freshIdb, noUnhandled, open, raw, seed } from './fixtures'
import { checkCatalog } from '../src/catalog'

beforeEach(freshIdb)

const SITE = catalog.site
const DECLARED = ['topics', 'region', 'compact']
const AT = '2026-05-03T09:00:00.000Z'
const NOW = Date.UTC(2026, 4, 3, 9)

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '"><iframe src=javascript:alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;b&gt;not bold&lt;/b&gt;',
]

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join()
const PROTO = protoNames()
const notPolluted = () => {
  expect(protoNames()).toBe(PROTO)
  const probe = {} as Record<string, unknown>
  for (const k of ['granted', 'polluted', 'value', 'off', 'level', 'enabled']) expect(probe[k], `Object.prototype.${k}`).toBeUndefined()
}

/**
 * Sets keys on Object.prototype for the length of `fn`, as another script on the page might, and returns
 * what `fn` returns as JSON text (own properties only). Assertions run afterwards: a polluted prototype
 * breaks the test runner's own `expect`.
 */
const polluted = async (keys: Record<string, unknown>, fn: () => Promise<unknown> | unknown): Promise<string> => {
  const proto = Object.prototype as Record<string, unknown>
  for (const [k, v] of Object.entries(keys)) proto[k] = v
  try {
    return JSON.stringify(await fn())
  } catch (e) {
    return JSON.stringify({ threw: String(e) })
  } finally {
    for (const k of Object.keys(keys)) delete proto[k]
  }
}

/** Everything the page can see of an instance, as plain data. */
const view = (c: Candor) => ({
  level: c.level,
  signals: DECLARED.map((id) => {
    const { value, state, source, setAt, expiresAt } = c.explain(id)
    return { id, value, state, source, setAt, expiresAt }
  }),
  history: c.history.map((h) => ({ ...h })),
  orphans: c.orphans,
})
const stored = async () => JSON.stringify(await raw(SITE))

/** The instance rejects `p` with CandorError(`code`); returns its problems. */
const rejects = async (p: Promise<unknown>, code: string) => {
  const e = await p.then(
    () => {
      throw new Error(`expected a rejection with ${code}`)
    },
    (e: unknown) => e,
  )
  expect(e).toBeInstanceOf(CandorError)
  expect((e as CandorError).code).toBe(code)
  return (e as CandorError).problems
}
const throws = (fn: () => unknown, code: string) => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(CandorError)
    expect((e as CandorError).code).toBe(code)
    return (e as CandorError).problems
  }
  throw new Error(`expected a CandorError ${code}`)
}

/** An instance with some choices made, and what it and its storage look like. */
const withChoices = async (o: Parameters<typeof open>[0] = {}) => {
  const c = await open({ now: () => NOW, ...o })
  await c.set('topics', ['sports'])
  await c.set('compact', false)
  await c.setLevel('declared')
  return { c, raw: await stored(), view: view(c) }
}

/** Import is refused with `import-invalid`, and neither memory nor storage changed. */
const refusedImport = async (input: unknown) => {
  const s = await withChoices()
  const problems = await rejects(s.c.import(input), 'import-invalid')
  expect(await stored()).toBe(s.raw)
  expect(view(s.c)).toEqual(s.view)
  notPolluted()
  s.c.destroy()
  return problems
}

const doc = (over: Record<string, unknown> = {}) => ({
  format: 'candor/preferences',
  version: 1,
  site: SITE,
  exportedAt: AT,
  level: null,
  values: {},
  history: [],
  ...over,
})

const sig = (over: Record<string, unknown> = {}) => ({ id: 'x', type: 'boolean', label: 'X', purpose: 'P', ...over })

afterEach(notPolluted)

// ---------------------------------------------------------------------------------------------

describe('S01 site-provided text in the core', () => {
  it('S01: HTML/script payloads in labels, descriptions, purposes, groups, option labels, bases and reasons are kept verbatim, never parsed or stripped', async () => {
    const hostile: Catalog = {
      site: 'evil-site',
      signals: PAYLOADS.map((p, i) => ({
        id: 's' + i,
        type: 'choice' as const,
        label: p,
        purpose: p,
        description: p,
        group: p,
        source: 'inferred' as const,
        options: [{ value: 'a', label: p }],
      })),
    }
    expect(validateCatalog(hostile)).toEqual(hostile)
    const c = createCandor({ catalog: hostile, storage: 'memory' })
    await c.ready
    PAYLOADS.forEach((p, i) => {
      expect(c.explain('s' + i).signal).toMatchObject({ label: p, purpose: p, description: p, group: p, options: [{ value: 'a', label: p }] })
      c.infer('s' + i, 'a', { basis: p })
      c.get('s' + i, { reason: p })
      expect(c.explain('s' + i).basis).toBe(p)
    })
    await new Promise((r) => setTimeout(r, 0))
    PAYLOADS.forEach((p, i) => expect(c.usage['s' + i]!.reasons).toEqual([p]))
  })
})

describe('S05 prototype pollution through the catalog or an import file', () => {
  it('S05: "__proto__" and "constructor.prototype" in a catalog are reported as unknown fields at every level and left out; no prototype changes', () => {
    const cases = [
      '{"site":"a","signals":[],"__proto__":{"polluted":true}}',
      '{"site":"a","signals":[],"constructor":{"prototype":{"polluted":true}}}',
      '{"site":"a","signals":[{"id":"x","type":"boolean","label":"X","purpose":"P","__proto__":{"granted":true}}]}',
      '{"site":"a","signals":[{"id":"x","type":"boolean","label":"X","purpose":"P","constructor":{"prototype":{"granted":true}}}]}',
      '{"site":"a","signals":[{"id":"x","type":"choice","label":"X","purpose":"P","options":[{"value":"a","label":"A","__proto__":{"polluted":true}}]}]}',
    ]
    for (const json of cases) {
      const { catalog, unknown } = checkCatalog(JSON.parse(json))
      expect(unknown.join('\n')).toMatch(/(__proto__|constructor): unknown field/)
      expect(JSON.stringify(catalog)).not.toMatch(/polluted|granted|__proto__|constructor/)
      for (const s of catalog.signals) expect(Object.getPrototypeOf(s)).toBeNull()
      notPolluted()
    }
  })

  it('S05: "__proto__" / "constructor" anywhere in an import file are data, never a prototype; refused where they name a signal', async () => {
    const refused = [
      '{"format":"candor/preferences","version":1,"site":"daily-planet","level":null,"values":{"__proto__":{"value":true,"setAt":"2026-05-03T09:00:00.000Z"}},"history":[]}',
      '{"format":"candor/preferences","version":1,"site":"daily-planet","level":null,"values":{"constructor":{"prototype":{"granted":true}}},"history":[]}',
      // The entry's own "__proto__" key holds the value: it is not the entry's value.
      '{"format":"candor/preferences","version":1,"site":"daily-planet","level":null,"values":{"compact":{"__proto__":{"value":true},"setAt":"2026-05-03T09:00:00.000Z"}},"history":[]}',
    ]
    for (const json of refused) {
      await refusedImport(json)
      freshIdb()
    }
    const accepted = [
      // At the top level and inside an entry or a history entry, they are ignored.
      '{"__proto__":{"level":"off","granted":true},"format":"candor/preferences","version":1,"site":"daily-planet","level":null,"values":{},"history":[]}',
      '{"format":"candor/preferences","version":1,"site":"daily-planet","level":null,"values":{"compact":{"value":true,"setAt":"2026-05-03T09:00:00.000Z","__proto__":{"off":true},"constructor":{"prototype":{"off":true}}}},"history":[]}',
      '{"format":"candor/preferences","version":1,"site":"daily-planet","level":null,"values":{},"history":[{"at":"2026-05-03T09:00:00.000Z","action":"set","__proto__":{"polluted":true}}]}',
    ]
    for (const json of accepted) {
      freshIdb()
      const c = await open({ now: () => NOW })
      await c.import(json)
      notPolluted()
      expect(c.level).toBe('all')
      const rows = await raw(SITE)
      if (rows['s:compact']) {
        expect(Object.keys(rows['s:compact'] as object).sort()).toEqual(['fp', 'setAt', 'v', 'value'])
        expect(c.get('compact')).toBe(true)
      }
      for (const h of c.history) expect(Object.keys(h).every((k) => ['at', 'action', 'id', 'value'].includes(k))).toBe(true)
      c.destroy()
    }
  })
})

describe('S06 Object.prototype already polluted by another script', () => {
  // Keys another script might set, including signal ids and the record keys of storage.
  const POLLUTION = {
    value: true,
    enabled: true,
    granted: true,
    consent: true,
    state: 'active',
    level: 'all',
    off: false,
    oneOff: false,
    v: 1,
    setAt: 0,
    fp: 'x',
    topics: { v: 1, value: ['sports'], setAt: 0, fp: 'x' },
    compact: { v: 1, value: true, setAt: 0, fp: 'x' },
    region: { v: 1, value: 'eu', setAt: 0, fp: 'x' },
    's:compact': { v: 1, value: true, setAt: 0, fp: 'x' },
    meta: { v: 1, level: 'all' },
  }

  /** What a visitor would see of each signal, as plain data. */
  const seen = (c: Candor) =>
    DECLARED.map((id) => {
      const e = c.explain(id)
      return [id, e.state, Array.isArray(e.value) ? e.value.join() : e.value === undefined ? 'no value' : e.value, c.get(id) === undefined ? 'unused' : 'used']
    })

  it('S06: polluted before createCandor with nothing stored: every signal is still unset, get() finds nothing, export lists nothing', async () => {
    for (const storage of ['indexeddb', 'memory'] as const) {
      freshIdb()
      const out = await polluted(POLLUTION, async () => {
        const c = createCandor({ catalog, storage, gpc: true })
        await c.ready
        const r = { signals: seen(c), level: c.level, exported: Object.keys(c.export().values), orphans: c.orphans.length, problems: c.problems.length }
        c.destroy()
        return r
      })
      expect(JSON.parse(out), storage).toEqual({
        signals: DECLARED.map((id) => [id, 'unset', 'no value', 'unused']),
        // GPC lowered the default; the polluted "level" doesn't raise it.
        level: 'declared',
        exported: [],
        orphans: 0,
        problems: 0,
      })
    }
  })

  it('S06: polluted before a later visit: what is off stays off, what is unset stays unset', async () => {
    const a = await open()
    await a.set('topics', ['science'])
    await a.turnOff('topics')
    a.destroy()
    const out = await polluted(POLLUTION, async () => {
      const c = await open()
      const r = seen(c)
      c.destroy()
      return r
    })
    expect(JSON.parse(out)).toEqual([
      ['topics', 'off', 'science', 'unused'],
      ['region', 'unset', 'no value', 'unused'],
      ['compact', 'unset', 'no value', 'unused'],
    ])
  })

  // Keeps true: a polluted Object.prototype.source/description/lifetime/options adds no field to a validated
  // signal and does not make a valid catalog invalid.
  it('S06: a polluted Object.prototype (source, description, lifetime, options) does not leak into the validated catalog', async () => {
    const leaked = await polluted({ source: 'inferred', description: '<img src=x onerror=alert(1)>', lifetime: '1h' }, () => {
      const c = createCandor({ catalog, storage: 'memory' })
      let inferable = true
      try {
        c.infer('compact', true, { basis: 'forged' })
      } catch {
        inferable = false
      }
      return { catalog: validateCatalog(catalog), inferable }
    })
    expect(JSON.parse(leaked)).toEqual({ catalog: JSON.parse(JSON.stringify(catalog)), inferable: false })
    const refused = await polluted({ options: [] }, () => validateCatalog(catalog))
    expect(JSON.parse(refused)).toEqual(JSON.parse(JSON.stringify(catalog)))
  })
})

describe('S07 a file from another format or version', () => {
  it('S07: other format names, other versions and other sites are refused, naming the reason; nothing changes', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'candor:daily-planet', tables: [] } }, /^format: expected "candor\/preferences"/],
      [doc({ format: 'dexie' }), /^format:/],
      [doc({ format: 'Candor/Preferences' }), /^format:/],
      [doc({ format: undefined }), /^format:/],
      [doc({ version: 999 }), /^version: 999 is not supported/],
      [doc({ version: 2 }), /^version: 2 is not supported/],
      [doc({ version: '1' }), /^version: "1" is not supported/],
      [doc({ version: undefined }), /^version: undefined is not supported/],
      [doc({ site: 'evil-corp' }), /^site: this file is for "evil-corp"/],
      [doc({ site: undefined }), /^site:/],
    ]
    for (const [input, reason] of cases) {
      const problems = await refusedImport(input)
      expect(problems[0]).toMatch(reason)
      freshIdb()
    }
  })
})

describe('S08 malformed files', () => {
  const good = async () => {
    const c = await open({ now: () => NOW })
    await c.set('topics', ['science'])
    await c.set('compact', true)
    const text = JSON.stringify(c.export())
    c.destroy()
    freshIdb()
    return text
  }

  it('S08: truncated JSON, trailing garbage, an empty or blank file, NaN, and JSON that is not an object are refused; nothing changes', async () => {
    const text = await good()
    const inputs = [
      text.slice(0, 1),
      text.slice(0, text.length / 2),
      text.slice(0, -1),
      text + 'garbage',
      text + '}',
      text + ',',
      '',
      '   \n',
      'null',
      '[]',
      '"a string"',
      '42',
      'true',
      text.replace('"version":1', '"version":NaN'),
      "{'format':'candor/preferences'}",
    ]
    for (const input of inputs) {
      const problems = await refusedImport(input)
      expect(problems).toHaveLength(1)
      freshIdb()
    }
  })

  it('S08: a byte-order mark is refused with a clear "not valid JSON" (the widget reads files with File.text(), which drops it)', async () => {
    const text = await good()
    expect(await refusedImport('\ufeff' + text)).toEqual(['file: not valid JSON'])
  })

  it('S08: 1e309 (Infinity) and other numbers where text or a version is expected are refused, not coerced', async () => {
    const inputs = [
      '1e309',
      JSON.stringify(doc()).replace('"version":1', '"version":1e309'),
      JSON.stringify(doc({ values: { compact: { value: true, setAt: 'X' } } })).replace('"setAt":"X"', '"setAt":1e309'),
      JSON.stringify(doc({ values: { compact: { value: 'X', setAt: AT } } })).replace('"value":"X"', '"value":1e309'),
      JSON.stringify(doc({ values: { compact: { value: true, setAt: AT, expiresAt: 'X' } } })).replace('"expiresAt":"X"', '"expiresAt":1e309'),
      JSON.stringify(doc({ values: { compact: { value: true, setAt: AT } } })).replace('"level":null', '"level":1e309'),
    ]
    for (const input of inputs) {
      await refusedImport(input)
      freshIdb()
    }
  })

  it('S08: lone surrogates and invalid dates are refused; duplicate keys follow JSON.parse (the last wins), applied whole', async () => {
    await refusedImport(doc({ values: { region: { value: '\ud800', setAt: AT } } }))
    freshIdb()
    await refusedImport(doc({ values: { compact: { value: true, setAt: '2026-13-45T99:00:00Z' } } }))
    freshIdb()
    const c = await open({ now: () => NOW })
    const dup = JSON.stringify(doc({ values: { compact: { value: true, setAt: AT } } })).replace('"level":null', '"level":"off","level":"declared"')
    await c.import(dup)
    expect(c.level).toBe('declared')
    expect(c.get('compact')).toBe(true)
    expect((await raw(SITE)).meta).toEqual({ v: 1, level: 'declared' })
  })
})

describe('S09 oversized and deeply nested files', () => {
  const fast = async (input: unknown, budgetMs: number) => {
    const t = performance.now()
    const problems = await refusedImport(input)
    expect(performance.now() - t).toBeLessThan(budgetMs)
    return problems
  }

  it('S09: a 5 MB file is refused before it is parsed, as text or as an object', async () => {
    const big = 'x'.repeat(5 << 20)
    expect(await fast(JSON.stringify(doc({ history: [{ at: AT, action: 'set', id: big }] })), 1000)).toEqual([expect.stringMatching(/^file: too large/)])
    freshIdb()
    expect(await fast(doc({ note: big }), 1000)).toEqual([expect.stringMatching(/^file: too large/)])
  })

  it('S09: 10^5 levels of nesting, as text or as an object, anywhere in the file: refused without a stack overflow or a freeze', async () => {
    const N = 100_000
    const arrays = '['.repeat(N) + ']'.repeat(N)
    const objects = '{"a":'.repeat(N) + '1' + '}'.repeat(N)
    const texts = [
      arrays,
      objects,
      JSON.stringify(doc({ values: { topics: { value: 'X', setAt: AT } } })).replace('"X"', arrays),
      JSON.stringify(doc({ values: { compact: 'X' } })).replace('"X"', objects),
      JSON.stringify(doc({ level: 'X' })).replace('"X"', objects),
    ]
    for (const t of texts) {
      await fast(t, 2000)
      freshIdb()
    }
    // The same history nesting is dropped, not refused: history is informational.
    const c = await open({ now: () => NOW })
    await c.import(JSON.stringify(doc({ history: 'X' })).replace('"X"', `[${arrays}]`))
    expect(c.history.map((h) => h.action)).toEqual(['import'])
    c.destroy()
    freshIdb()
    // An object nested 10^5 deep, handed over in code.
    const deep: Record<string, unknown> = {}
    let o = deep
    for (let i = 0; i < N; i++) o = (o.a = {}) as Record<string, unknown>
    expect(await fast(doc({ values: { compact: deep } }), 2000)).toEqual(['file: not JSON data'])
  })

  it('S09: more than 5000 signals in one file are refused by count', async () => {
    const values: Record<string, unknown> = {}
    for (let i = 0; i < 5001; i++) values['s' + i] = { value: true, setAt: AT }
    expect(await refusedImport(doc({ values }))).toEqual([expect.stringMatching(/^values: lists 5001 signals; at most 5000/)])
  })
})

describe('S10 unknown ids, wrong types and extra fields in a file', () => {
  // Note: the anchor's advice is "unknown/removed ignored and listed in an import report"; Candor refuses the whole
  // file instead and lists them (documented: "Applies an export whole, or nothing").
  it('S10: unknown and removed signals are refused and listed; nothing is applied', async () => {
    const problems = await refusedImport(
      doc({
        values: {
          income: { value: true, setAt: AT },
          legacy: { value: 'a', setAt: AT },
          compact: { value: true, setAt: AT },
        },
      }),
    )
    expect(problems).toEqual(['values.income: this site declares no such signal', 'values.legacy: this site declares no such signal'])
  })

  it('S10: "true" strings, numbers for booleans, a list for a choice, text for a list and bad flags are refused, never coerced', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ compact: { value: 'true', setAt: AT } }, 'values.compact.value: must be true or false'],
      [{ compact: { value: 'false', setAt: AT } }, 'values.compact.value: must be true or false'],
      [{ compact: { value: 1, setAt: AT } }, 'values.compact.value: must be true/false, an option, or a list of options'],
      [{ region: { value: ['eu'], setAt: AT } }, 'values.region.value: must be one of "eu", "us"'],
      [{ topics: { value: 'sports', setAt: AT } }, 'values.topics.value: must be a list of options from "sports", "science"'],
      [{ compact: { value: true, setAt: AT, off: 'true' } }, 'values.compact.off: must be true or false'],
      [{ compact: { value: true, setAt: AT, oneOff: 1 } }, 'values.compact.oneOff: must be true or false'],
      [{ compact: { value: true, setAt: 1777798800000 } }, 'values.compact.setAt: must be an ISO 8601 date'],
      [{ compact: { value: true } }, 'values.compact.setAt: must be an ISO 8601 date'],
      [{ compact: true }, 'values.compact: must be { value, setAt, … }'],
    ]
    for (const [values, problem] of cases) {
      expect(await refusedImport(doc({ values }))).toEqual([problem])
      freshIdb()
    }
    expect(await refusedImport(doc({ level: 'ALL' }))).toEqual(['level: must be "off", "declared", "all" or null'])
    freshIdb()
    expect(await refusedImport(doc({ values: [] }))).toEqual(['values: must be an object of signal id → value'])
  })

  it('S10: extra fields are ignored: nothing but known fields is stored', async () => {
    const c = await open({ now: () => NOW })
    await c.import(
      doc({
        comment: 'from my old laptop',
        values: { compact: { value: true, setAt: AT, note: '<script>', granted: true, fp: 'forged', v: 99 } },
        history: [{ at: AT, action: 'set', id: 'compact', value: true, extra: 'x' }],
      }),
    )
    const rows = await raw(SITE)
    expect(rows['s:compact']).toEqual({ v: 1, value: true, setAt: Date.parse(AT), fp: fingerprint(catalog.signals[2]!) })
    expect(c.get('compact')).toBe(true)
    expect((rows.history as object[])[0]).toEqual({ at: Date.parse(AT), action: 'set', id: 'compact', value: true })
  })

  // Keeps true: import drops history entries whose action Candor does not know, so the history after an
  // import is the one the next load reads.
  it('S10: history entries with unknown actions are dropped on import, as they are on the next load', async () => {
    const c = await open({ now: () => NOW })
    await c.import(
      doc({
        history: [
          { at: AT, action: '<img src=x onerror=alert(1)>' },
          { at: AT, action: 'set', id: 'compact', value: true },
        ],
      }),
    )
    const next = await open({ now: () => NOW })
    expect(c.history).toEqual(next.history)
  })
})

describe('S11 hostile signal ids', () => {
  const IDS: unknown[] = [
    '',
    'x'.repeat(10_000),
    'a'.repeat(65),
    '__proto__',
    'hasOwnProperty',
    'toString',
    'valueOf',
    'prototype ',
    't\u043epics' /* Cyrillic о */,
    '\uff54opics' /* fullwidth t */,
    'topics\u200b',
    ' topics',
    'Topics',
    '1',
    1,
    null,
    ['topics'],
  ]

  it('S11: "", 10 kB, __proto__, hasOwnProperty, toString, look-alikes, numbers are refused in the catalog, each by path', () => {
    for (const id of IDS) {
      const problems = throws(() => validateCatalog({ site: 'a', signals: [sig({ id })] }), 'catalog-invalid')
      expect(problems).toEqual([expect.stringMatching(/^signals\[0\]\.id: must be a slug/)])
      expect(throws(() => validateCatalog({ site: id, signals: [] }), 'catalog-invalid')).toEqual([expect.stringMatching(/^site: must be a slug/)])
    }
  })

  it('S11: "constructor" is a valid slug, and works end to end without touching any prototype', async () => {
    const cat: Catalog = {
      site: 'constructor',
      signals: [
        { id: 'constructor', type: 'boolean', label: 'C', purpose: 'P' },
        {
          id: 'proto',
          type: 'multi',
          label: 'P',
          purpose: 'P',
          options: [
            { value: '__proto__', label: 'A' },
            { value: 'constructor', label: 'B' },
          ],
        },
      ],
    }
    const a = createCandor({ catalog: cat, gpc: false })
    await a.ready
    await a.set('constructor', true)
    await a.set('proto', ['__proto__', 'constructor'])
    expect(a.get('constructor')).toBe(true)
    const file = JSON.parse(JSON.stringify(a.export()))
    expect(Object.keys(file.values)).toEqual(['constructor', 'proto'])
    freshIdb()
    const b = createCandor({ catalog: cat, gpc: false })
    await b.ready
    await b.import(file)
    expect(b.get('constructor')).toBe(true)
    expect(b.get('proto')).toEqual(['__proto__', 'constructor'])
    await new Promise((r) => setTimeout(r, 0)) // the ledger's signal updates after the current task
    expect(b.usage.constructor).toMatchObject({ count: 1 })
    notPolluted()
  })

  it('S11: the API refuses undeclared hostile ids with a typed error and changes nothing', async () => {
    const s = await withChoices()
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(10_000), 't\u043epics', 'meta', 'history', 's:topics']
    await noUnhandled(async () => {
      for (const id of ids) {
        throws(() => s.c.get(id), 'undeclared-signal')
        throws(() => s.c.explain(id), 'undeclared-signal')
        await rejects(s.c.set(id, true), 'undeclared-signal')
        await rejects(s.c.turnOff(id), 'undeclared-signal')
        await rejects(s.c.forget(id), 'undeclared-signal')
      }
    })
    expect(await stored()).toBe(s.raw)
    expect(view(s.c)).toEqual(s.view)
  })
})

describe('S03 URLs in the configuration', () => {
  it('S03: the catalog has no place for a URL: link fields of any scheme are reported by name and left out, so none can reach a page', () => {
    for (const url of [
      'javascript:alert(1)',
      ' jaVasCript:alert(1)',
      '\tjavascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'https://example.com/privacy',
    ]) {
      const { catalog, unknown: problems } = checkCatalog({ site: 'daily-planet', privacyPolicyUrl: url, signals: [sig({ href: url, learnMore: url })] })
      expect(JSON.stringify(catalog)).not.toContain(url.trim().slice(0, 8))
      expect(problems).toEqual([
        expect.stringMatching(/^privacyPolicyUrl: unknown field/),
        expect.stringMatching(/^signals\[0\]\.href: unknown field/),
        expect.stringMatching(/^signals\[0\]\.learnMore: unknown field/),
      ])
    }
  })
})

describe('S12 invalid catalogs', () => {
  const bad = {
    site: 'daily-planet',
    signals: [
      sig({ id: 'a' }),
      sig({ id: 'a' }),
      sig({ id: 'b', label: undefined }),
      sig({ id: 'c', purpose: '' }),
      sig({
        id: 'd',
        type: 'choice',
        options: [
          { value: 'x', label: 'X' },
          { value: 'x', label: 'Y' },
        ],
      }),
      sig({ id: 'e', type: 'multi', options: [] }),
      sig({ id: 'f', options: [{ value: 'x', label: 'X' }] }),
      sig({ id: 'g', defaultValue: true }),
      sig({ id: 'h', type: 'choice', options: [{ value: 'x' }] }),
    ],
  }

  it('S12: duplicate ids and option values, missing labels and purposes, invalid options and unknown fields: every problem listed, the same each time', () => {
    const first = throws(() => validateCatalog(bad), 'catalog-invalid')
    expect(first).toEqual([
      'signals[1].id: "a" is declared twice',
      'signals[2].label: required',
      'signals[3].purpose: must be text of 1 to 2000 characters',
      'signals[4].options[1].value: "x" is listed twice',
      'signals[5].options: required for a multi signal: a list of 1 to 500 { value, label }',
      'signals[6].options: not allowed for a boolean signal',
      'signals[8].options[0].label: required',
    ])
    // The unknown field alone would not have refused it: it is reported with the others' verdict.
    expect(checkCatalog({ site: 'a', signals: [sig({ id: 'g', defaultValue: true })] }).unknown).toEqual([
      expect.stringMatching(/^signals\[0\]\.defaultValue: unknown field/),
    ])
    expect(throws(() => validateCatalog(structuredClone(bad)), 'catalog-invalid')).toEqual(first)
  })

  it('S12: createCandor fails fast with a bad catalog, before storage is touched', async () => {
    throws(() => createCandor({ catalog: bad as never }), 'catalog-invalid')
    expect(await indexedDB.databases()).toEqual([])
  })

  // Keeps true: a type, source or lifetime given as a one-element list (["boolean"]) is refused, never returned.
  it('S12: a type, a source or a lifetime given as a one-element list is refused', () => {
    throws(() => validateCatalog({ site: 'a', signals: [sig({ type: ['boolean'] })] }), 'catalog-invalid')
    throws(() => validateCatalog({ site: 'a', signals: [sig({ source: ['inferred'] })] }), 'catalog-invalid')
    throws(() => validateCatalog({ site: 'a', signals: [sig({ lifetime: ['90d'] })] }), 'catalog-invalid')
  })

  // Keeps true: a type, source or lifetime that cannot become a primitive (JSON {"toString": 1}) is refused with
  // CandorError('catalog-invalid'), not a TypeError.
  it('S12: an object with its own "toString" key as type, source or lifetime gives a CandorError', () => {
    for (const field of ['type', 'source', 'lifetime'])
      throws(
        () => validateCatalog(JSON.parse(`{"site":"a","signals":[{"id":"x","type":"boolean","label":"X","purpose":"P","${field}":{"toString":1}}]}`)),
        'catalog-invalid',
      )
  })
})

describe('S15 crafted or damaged records written by another script', () => {
  const fpCompact = fingerprint(catalog.signals[2]!)

  it('S15: garbage and HTML in stored records is skipped and reported; names stay text; the rest loads', async () => {
    await seed(SITE, {
      's:compact': '<img src=x onerror=alert(1)>',
      's:region': { v: 1, value: '<script>alert(1)</script>', setAt: 1, fp: fingerprint(catalog.signals[1]!) },
      's:<img src=x onerror=alert(1)>': { v: 1, value: true, setAt: 1, fp: 'x' },
      meta: { v: 1, level: '<svg onload=alert(1)>' },
      history: [
        { at: 1, action: '<img src=x onerror=alert(1)>' },
        { at: 2, action: 'set', id: 'compact', value: true },
      ],
    })
    const c = await open()
    expect(c.problems.map((p) => p.key).sort()).toEqual(['s:compact', 's:region'])
    expect(c.get('compact')).toBeUndefined()
    expect(c.get('region')).toBeUndefined()
    expect(c.level).toBe('all')
    expect(c.orphans).toEqual([{ id: '<img src=x onerror=alert(1)>', value: true, setAt: 1 }])
    expect(c.history).toEqual([{ at: 2, action: 'set', id: 'compact', value: true }])
    expect(Object.keys(c.export().orphans!)).toEqual(['<img src=x onerror=alert(1)>'])
  })

  // Keeps true: a stored record with a finite but far-future time (setAt 1e300) does not stop the visitor
  // from exporting.
  it('S15: a record with a far-future time (setAt: 1e300) does not break export()', async () => {
    await seed(SITE, { 's:compact': { v: 1, value: true, setAt: 1e300, fp: fpCompact } })
    const c = await open()
    expect(() => c.export()).not.toThrow()
  })

  // Keeps true: an orphan stored under "s:__proto__" is an own key of export().orphans, whose prototype stays
  // Object.prototype.
  it('S15: an orphan stored under "s:__proto__" appears in the export like any other', async () => {
    await seed(SITE, { 's:__proto__': { v: 1, value: true, setAt: 5, fp: 'x' } })
    const c = await open()
    expect(c.orphans.map((o) => o.id)).toEqual(['__proto__'])
    const orphans = c.export().orphans!
    expect(Object.getPrototypeOf(orphans)).toBe(Object.prototype)
    expect(Object.keys(orphans)).toEqual(['__proto__'])
  })
})

describe('S20 no per-user identifiers', () => {
  const visit = async () => {
    freshIdb()
    let t = NOW
    const c = await open({ now: () => t })
    await c.set('topics', ['sports', 'science'])
    t += 1000
    await c.set('region', 'eu', { oneOff: true })
    await c.turnOff('topics')
    await c.setLevel('declared')
    c.infer('region', 'us', { basis: 'time zone' })
    await c.forget('region')
    return { dump: JSON.stringify(await raw(SITE)), file: JSON.stringify(c.export()), dbs: await indexedDB.databases() }
  }

  it('S20: the same choices on two devices store and export byte-identical data: nothing random, no device data', async () => {
    const a = await visit()
    const b = await visit()
    expect(b.dump).toBe(a.dump)
    expect(b.file).toBe(a.file)
    expect(a.dbs.map((d) => d.name)).toEqual(['candor:daily-planet'])
    for (const text of [a.dump, a.file]) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|[0-9a-f]{16,}|userAgent|Mozilla|navigator/i)
  })

  it('S20: stored records and the export hold only the documented fields', async () => {
    const { dump, file } = await visit()
    const rows = JSON.parse(dump) as Record<string, Record<string, unknown>>
    for (const [key, r] of Object.entries(rows)) {
      if (key == 'meta') expect(Object.keys(r).every((k) => ['v', 'level'].includes(k))).toBe(true)
      else if (key == 'history')
        for (const h of r as unknown as object[]) expect(Object.keys(h).every((k) => ['at', 'action', 'id', 'value'].includes(k))).toBe(true)
      else {
        expect(key).toMatch(/^s:[a-z][a-z0-9-]*$/)
        expect(Object.keys(r).every((k) => ['v', 'value', 'setAt', 'expiresAt', 'off', 'oneOff', 'fp'].includes(k))).toBe(true)
        // The fingerprint is a hash of the site's catalog, the same for every visitor.
        expect(r.fp).toBe(fingerprint(catalog.signals.find((s) => 's:' + s.id == key)!))
      }
    }
    const exported = JSON.parse(file)
    expect(Object.keys(exported).sort()).toEqual(['exportedAt', 'format', 'history', 'level', 'measure', 'orphans', 'site', 'values', 'version'])
  })
})

describe('S23 placeholders in site strings', () => {
  it('S23: {{x}}, {title}, ${x}, $& and %s in catalog strings are kept verbatim by the core, in errors too', async () => {
    const marks = ['{{x}}', '{title}', '{label}', '${x}', '$& $1 $`', '%s %d', '{0}', '{{constructor}}']
    const text = marks.join(' ')
    const cat: Catalog = {
      site: 'a',
      signals: [
        { id: 'x', type: 'choice', source: 'inferred', label: text, purpose: text, description: text, group: text, options: [{ value: 'a', label: text }] },
      ],
    }
    expect(validateCatalog(cat)).toEqual(cat)
    const c = createCandor({ catalog: cat, gpc: false })
    await c.ready
    expect(c.explain('x').signal).toMatchObject({ label: text, purpose: text, description: text, group: text, options: [{ value: 'a', label: text }] })
    c.infer('x', 'a', { basis: text })
    c.get('x', { reason: text })
    expect(c.explain('x').basis).toBe(text)
    await c.set('x', 'a')
    c.destroy()
    // The site now means something else by the signal: renew's error quotes the label as it is.
    const changed = createCandor({
      catalog: { ...cat, signals: [{ ...(cat.signals[0] as ListedSignal), options: [{ value: 'b', label: text }] }] },
      gpc: false,
    })
    await changed.ready
    const problems = await rejects(changed.renew('x'), 'invalid-value')
    expect(problems[0]).toContain(`"${text}"`)
    changed.destroy()
  })
})

describe('S24 misuse of the public API', () => {
  it('S24: createCandor without a valid catalog throws CandorError("catalog-invalid") at once', () => {
    for (const o of [undefined, null, {}, { catalog: 'x' }, { catalog: { site: 'a', signals: 'x' } }, { catalog: [] }])
      throws(() => createCandor(o as never), 'catalog-invalid')
  })

  it('S24: undeclared ids, wrong value types and impossible calls give typed errors, change nothing, and leave no unhandled rejection', async () => {
    const s = await withChoices()
    const c = s.c
    await noUnhandled(async () => {
      throws(() => c.get('nope'), 'undeclared-signal')
      throws(() => c.get(undefined as never), 'undeclared-signal')
      throws(() => c.explain(42 as never), 'undeclared-signal')
      throws(() => c.infer('nope', true, { basis: 'x' }), 'undeclared-signal')
      throws(() => c.infer('compact', true, { basis: 'x' }), 'not-inferred')
      throws(() => c.infer('region', 'mars', { basis: 'x' }), 'invalid-value')
      throws(() => c.infer('region', 'eu', undefined as never), 'invalid-value')
      throws(() => c.infer('region', 'eu', { basis: '  ' }), 'invalid-value')
      for (const v of [undefined, null, 1, 'yes', {}, [], ['sports'], { value: true }]) await rejects(c.set('compact', v as never), 'invalid-value')
      for (const v of [undefined, null, 'sports', ['sports', 'sports'], ['cooking'], [1], [null], {}])
        await rejects(c.set('topics', v as never), 'invalid-value')
      await rejects(c.set('nope', true), 'undeclared-signal')
      await rejects(c.turnOff('nope'), 'undeclared-signal')
      await rejects(c.turnOn('nope'), 'undeclared-signal')
      await rejects(c.forget('nope'), 'undeclared-signal')
      await rejects(c.renew('nope'), 'undeclared-signal')
      await rejects(c.renew('region'), 'invalid-value')
      await rejects(c.confirm('nope'), 'undeclared-signal')
      await rejects(c.confirm('region'), 'not-inferred')
      await rejects(c.forgetOrphan('compact'), 'invalid-value')
      for (const l of ['max', undefined, null, 1, 'OFF']) await rejects(c.setLevel(l as never), 'invalid-value')
      for (const d of [undefined, null, 42, 'x', {}, []]) await rejects(c.import(d), 'import-invalid')
      // Fire and forget, as careless site code does: the rejections are the caller's, and typed.
      const floating = [c.set('nope', true), c.setLevel('max' as never), c.import(null)]
      for (const p of floating) await rejects(p, p == floating[0] ? 'undeclared-signal' : p == floating[1] ? 'invalid-value' : 'import-invalid')
    })
    expect(await stored()).toBe(s.raw)
    expect(view(c)).toEqual(s.view)
  })

  it('S24: calls made before ready work, and misuse before ready is typed too', async () => {
    await noUnhandled(async () => {
      const c = createCandor({ catalog, gpc: false, now: () => NOW })
      expect(c.get('compact')).toBeUndefined()
      const writes = [c.set('compact', true), c.setLevel('declared'), c.set('topics', ['science'])]
      const misuse = c.set('compact', 'yes' as never)
      expect(c.export().format).toBe('candor/preferences')
      await rejects(misuse, 'invalid-value')
      await Promise.all(writes)
      expect(await c.ready).toBe(c)
      expect(c.get('compact')).toBe(true)
      expect(c.level).toBe('declared')
      const next = await open({ now: () => NOW })
      expect(next.get('compact')).toBe(true)
      expect(next.get('topics')).toEqual(['science'])
      expect(next.level).toBe('declared')
      c.destroy()
      next.destroy()
    })
  })

  it('S24: two instances created at once for one site both get ready and agree', async () => {
    const [a, b] = [createCandor({ catalog, gpc: false }), createCandor({ catalog, gpc: false })]
    await Promise.all([a.ready, b.ready, a.set('compact', true), b.set('topics', ['sports'])])
    const c = await open()
    expect(c.get('compact')).toBe(true)
    expect(c.get('topics')).toEqual(['sports'])
    for (const x of [a, b, c]) x.destroy()
  })

  // Keeps true: ids and values that cannot become text (a BigInt, a Symbol, a null-prototype object) give a
  // CandorError, not a TypeError.
  it('S24: ids and values that cannot become text still give a CandorError', async () => {
    const c = await open()
    await rejects(c.set('topics', [1n] as never), 'invalid-value')
    throws(() => c.get(Symbol('compact') as never), 'undeclared-signal')
    await rejects(c.set(Object.create(null), true), 'undeclared-signal')
  })

  // Keeps true: a subscriber that throws does not make set() fail, and memory and storage hold the same value
  // afterwards.
  it('S24: a subscriber that throws does not make set() fail or leave memory and storage apart', async () => {
    const c = await open()
    c.subscribe(() => {
      throw new Error('bug in site code')
    })
    await c.set('compact', true).catch(() => {})
    expect((await raw(SITE))['s:compact']).toMatchObject({ value: c.explain('compact').value })
    expect((await open()).get('compact')).toBe(true)
  })
})
