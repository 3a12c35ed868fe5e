// Property-based tests (fast-check) for what @candor/core does with input it doesn't control:
//   (a) validateCatalog with arbitrary JSON-like input and mutated valid catalogs;
//   (b) set() with arbitrary ids, values and options on a fresh instance;
//   (c) import() with arbitrary documents: mutated valid exports, `__proto__`/`constructor` keys,
//       wrong types, huge strings, damaged JSON text;
//   (d) the cross-tab protocol: arbitrary messages on BroadcastChannel('candor:<site>') (S14).
// Objects are built with own data properties (as JSON.parse builds them), so a generated
// `__proto__` key is data, exactly as in a parsed file. Runs are bounded (whole file < 10 s).
// A `// Keeps true:` comment above a property says what it keeps true.
import fc from 'fast-check'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { CandorError, validateCatalog, type Candor, type Catalog, type PreferencesExport } from '../src/index'
import { catalog, freshIdb, noUnhandled, open, raw } from './fixtures'

beforeEach(freshIdb)

// How often each branch of a property ran: `PROPERTY_STATS=1 npx vitest run …/properties.test.ts` prints it.
const stats: Record<string, number> = {}
const tally = (key: string) => void (stats[key] = (stats[key] ?? 0) + 1)
// The branches each property tallies, by the letter of its describe. Every one must have run at least once,
// so a generator that drifts can't leave a branch (and the assertions inside it) untested. Not checked: a
// property that didn't run (-t, .skip: it tallied nothing) or whose describe has a failed test (already reported).
const BRANCHES: Record<string, string[]> = {
  a: ['refused', 'accepted'],
  b: ['resolved', 'undeclared-signal', 'invalid-value'],
  c: ['refused', 'applied'],
  d: ['invalidation', 'other message'],
}
const failedIn = new Set<string>()
beforeEach(({ task, onTestFailed }) => onTestFailed(() => void failedIn.add(task.suite?.name.slice(1, 2) ?? '')))
afterAll(() => {
  if (process.env.PROPERTY_STATS) console.log(stats)
  const ran = (p: string) => !failedIn.has(p) && Object.keys(stats).some((k) => k.startsWith(p + ': '))
  const never = Object.entries(BRANCHES).flatMap(([p, keys]) => (ran(p) ? keys.map((k) => `${p}: ${k}`).filter((k) => !stats[k]) : []))
  expect(never, 'branches of a property that never ran').toEqual([])
})

const SITE = catalog.site
const FIELDS = ['id', 'type', 'label', 'purpose', 'options', 'source', 'lifetime', 'group', 'description', 'sensitive']

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Sets an own, enumerable data property, as JSON.parse does (so `__proto__` stays data). */
const own = (o: object, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
const objectOf = (entries: Array<[string, unknown]>): Record<string, unknown> => {
  const o: Record<string, unknown> = {}
  for (const [k, v] of entries) own(o, k, v)
  return o
}

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'then',
  'length',
  'site',
  'signals',
  'format',
  'version',
  'values',
  'level',
  'history',
  'value',
  'setAt',
  'off',
  'oneOff',
  'granted',
  'polluted',
  ...FIELDS,
]
/** Keys that make an object unconvertible to a primitive when their value isn't a function. */
const TRAP_KEYS = ['toString', 'valueOf']

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }))
const leaf = fc.oneof(fc.boolean(), fc.integer(), fc.double(), fc.constant(null), text)

/** JSON-like values (plus NaN/±Infinity/-0) whose object keys are often hostile. */
const jsonish = (traps = false) => {
  const key = fc.oneof(text, fc.constantFrom(...HOSTILE_KEYS, ...(traps ? TRAP_KEYS : [])))
  return fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ maxDepth: 3, depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectOf),
  })).value
}
const anyJson = jsonish()

/** A value a site can't turn into a string (own `toString`/`valueOf` that aren't functions), anywhere inside. */
const hasTrap = (v: unknown, depth = 0): boolean =>
  depth < 10 && typeof v == 'object' && v !== null && Object.entries(v).some(([k, x]) => TRAP_KEYS.includes(k) || hasTrap(x, depth + 1))

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/)
const label = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() != '')
const optionsArb = fc.uniqueArray(fc.record({ value: fc.stringMatching(/^[\w.-]{1,12}$/), label }), {
  minLength: 1,
  maxLength: 5,
  selector: (o) => o.value,
})
const signalArb = fc
  .record(
    {
      id: slug,
      type: fc.constantFrom('boolean', 'choice', 'multi'),
      label,
      purpose: label,
      options: optionsArb,
      source: fc.constantFrom('declared', 'inferred'),
      lifetime: fc.stringMatching(/^[1-9]\d{0,4}[hdw]$/),
      group: label,
      description: label,
      sensitive: fc.boolean(),
    },
    { requiredKeys: ['id', 'type', 'label', 'purpose', 'options'] },
  )
  .map((s) => {
    if (s.type != 'boolean') return s as Record<string, unknown>
    const { options: _, ...rest } = s
    return rest as Record<string, unknown>
  })
const validCatalog = fc.record({ site: slug, signals: fc.uniqueArray(signalArb, { maxLength: 6, selector: (s) => s.id }) })

/** One change to a valid document: a field deleted, wrapped in a list, turned into text, replaced, or a key added. */
const mutationArb = (replacement: fc.Arbitrary<unknown>, fields: string[]) =>
  fc.record({
    at: fc.nat(),
    sub: fc.nat(),
    field: fc.constantFrom(...fields, ...HOSTILE_KEYS),
    how: fc.constantFrom('delete', 'wrap', 'stringify', 'replace', 'replace'),
    replacement,
  })
type Mutation = { at: number; sub: number; field: string; how: string; replacement: unknown }

const mutate = (target: Record<string, unknown>, m: Mutation) => {
  // No JSON document gives an array its own "length": redefining it throws in the generator itself.
  if (Array.isArray(target) && m.field == 'length') return
  const v = Object.prototype.hasOwnProperty.call(target, m.field) ? target[m.field] : undefined
  if (m.how == 'delete') delete target[m.field]
  else if (m.how == 'wrap') own(target, m.field, [v])
  else if (m.how == 'stringify') own(target, m.field, typeof v == 'string' ? v : (JSON.stringify(v) ?? 'undefined'))
  else own(target, m.field, m.replacement)
}

const BIG = 'x'.repeat(1_200_000)
const replacementArb = (traps = false) =>
  fc.oneof(
    { weight: 4, arbitrary: jsonish(traps) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', '   ', 'x'.repeat(3000), 'true', '1e309', Infinity, NaN) },
  )

const mutatedCatalog = (traps = false) =>
  fc.tuple(validCatalog, fc.array(mutationArb(replacementArb(traps), [...FIELDS, 'value', 'label']), { minLength: 1, maxLength: 3 })).map(([cat, ms]) => {
    const c = structuredClone(cat) as { site: string; signals: Array<Record<string, unknown>> }
    for (const m of ms) {
      // An earlier mutation may have replaced the list itself.
      const list: unknown[] = Array.isArray(c.signals) ? c.signals : []
      const s = list[m.at % Math.max(1, list.length)] as Record<string, unknown> | undefined
      const opts = s?.options
      const target = m.sub % 3 == 0 || !s ? c : Array.isArray(opts) && opts.length && m.sub % 3 == 1 ? (opts[m.at % opts.length] as Record<string, unknown>) : s
      if (typeof target == 'object' && target) mutate(target as Record<string, unknown>, m)
    }
    return c
  })

const catalogInput = (traps = false) =>
  fc.oneof({ weight: 1, arbitrary: jsonish(traps) }, { weight: 1, arbitrary: validCatalog }, { weight: 3, arbitrary: mutatedCatalog(traps) })

/** Does the catalog match its TypeScript types (and so its JSON schema)? */
const conforms = (c: Catalog): boolean =>
  typeof c.site == 'string' &&
  Array.isArray(c.signals) &&
  c.signals.every(
    (s) =>
      Object.keys(s).every((k) => FIELDS.includes(k)) &&
      typeof s.id == 'string' &&
      ['boolean', 'choice', 'multi'].includes(s.type) &&
      typeof s.label == 'string' &&
      typeof s.purpose == 'string' &&
      (s.source === undefined || s.source === 'declared' || s.source === 'inferred') &&
      (s.lifetime === undefined || typeof s.lifetime == 'string') &&
      (s.group === undefined || typeof s.group == 'string') &&
      (s.description === undefined || typeof s.description == 'string') &&
      (s.sensitive === undefined || typeof s.sensitive == 'boolean') &&
      (s.options === undefined ||
        (Array.isArray(s.options) && s.options.every((o: { value: unknown; label: unknown }) => typeof o.value == 'string' && typeof o.label == 'string'))),
  )

const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join()
const PROTO = protoNames()
const notPolluted = () => {
  expect(protoNames()).toBe(PROTO)
  const probe = {} as Record<string, unknown>
  for (const k of ['granted', 'polluted', 'value', 'off', 'level', 'enabled']) expect(probe[k], `Object.prototype.${k}`).toBeUndefined()
}

/** Validates, returning the error instead of throwing it. */
const attempt = (input: unknown): { ok: Catalog } | { error: unknown } => {
  try {
    return { ok: validateCatalog(input) }
  } catch (error) {
    return { error }
  }
}

const expectCatalogError = (error: unknown) => {
  expect(error).toBeInstanceOf(CandorError)
  expect((error as CandorError).code).toBe('catalog-invalid')
  const problems = (error as CandorError).problems
  expect(problems.length).toBeGreaterThan(0)
  for (const p of problems) expect(typeof p).toBe('string')
}

// ---------------------------------------------------------------------------------------------
// (a) catalog validation

describe('(a) validateCatalog with arbitrary input', () => {
  it('throws nothing but CandorError("catalog-invalid"), or returns a catalog that re-validates to an equal value', () => {
    fc.assert(
      fc.property(catalogInput(), (input) => {
        const before = structuredClone(input)
        const r = attempt(input)
        tally('a: ' + ('error' in r ? 'refused' : 'accepted'))
        if ('error' in r) expectCatalogError(r.error)
        else {
          expect(validateCatalog(r.ok)).toEqual(r.ok)
          expect(r.ok).not.toBe(input)
        }
        // The input is only read, never changed, and no prototype is touched.
        expect(input).toEqual(before)
        notPolluted()
      }),
      { numRuns: 400 },
    )
  })

  it('accepts every well-formed catalog unchanged', () => {
    fc.assert(
      fc.property(validCatalog, (cat) => {
        expect(validateCatalog(cat)).toEqual(cat)
      }),
      { numRuns: 150 },
    )
  })

  // Keeps true: every catalog validateCatalog returns matches its declared types: type, source and lifetime
  // are strings, never one-element lists like ["boolean"].
  it('returns only catalogs that match the declared types (strings where strings are declared)', () => {
    fc.assert(
      fc.property(catalogInput(), (input) => {
        const r = attempt(input)
        if ('ok' in r) expect(conforms(r.ok), JSON.stringify(r.ok)).toBe(true)
      }),
      {
        numRuns: 300,
        examples: [[{ site: 'a', signals: [{ id: 'x', type: ['boolean'], label: 'X', purpose: 'P' }] }]],
      },
    )
  })

  // Keeps true: validateCatalog fails only with CandorError, also on objects that cannot become a primitive
  // (JSON `{"toString": 1}`) as type, source or lifetime.
  it('throws only CandorError even when objects carry their own "toString"/"valueOf" keys (as JSON can)', () => {
    fc.assert(
      fc.property(catalogInput(true), (input) => {
        const r = attempt(input)
        if ('error' in r) expectCatalogError(r.error)
      }),
      {
        numRuns: 300,
        examples: [[JSON.parse('{"site":"a","signals":[{"id":"x","type":{"toString":1},"label":"X","purpose":"P"}]}')]],
      },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Helpers for the instance properties

const DECLARED = ['topics', 'region', 'compact']

/** Everything the page can see of an instance, as plain data. */
const view = (c: Candor) => ({
  level: c.level,
  signals: DECLARED.map((id) => {
    const { value, state, source, setAt, expiresAt } = c.explain(id)
    return { id, value, state, source, setAt, expiresAt }
  }),
  history: c.history.map((h) => ({ ...h })),
  problems: c.problems.map((p) => ({ ...p })),
  orphans: c.orphans,
})

/** The raw records in IndexedDB, as text: equal text means byte-identical stored state. */
const stored = async () => JSON.stringify(await raw(SITE))

const validSet = fc.oneof(
  fc.tuple(fc.constant('topics'), fc.subarray(['sports', 'science'])),
  fc.tuple(fc.constant('region'), fc.constantFrom('eu', 'us')),
  fc.tuple(fc.constant('compact'), fc.boolean()),
)
/** A few valid changes, so a refused call has stored state to leave alone. */
const setup = fc.array(fc.oneof(validSet, fc.tuple(fc.constant('level'), fc.constantFrom('off', 'declared', 'all'))), { maxLength: 3 })
const applySetup = async (c: Candor, ops: Array<[string, unknown]>) => {
  for (const [id, v] of ops) await (id == 'level' ? c.setLevel(v as never) : c.set(id, v as never))
}

// ---------------------------------------------------------------------------------------------
// (b) set

const HOSTILE_IDS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'x'.repeat(10_000),
  't\u043epics' /* Cyrillic о */,
  'topics\u200b',
  'TOPICS',
  'topics ',
  's:topics',
  'meta',
  'history',
  '1',
]
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DECLARED) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: anyJson.filter((v) => !hasTrap(v)) },
)
const valueArb = fc.oneof(
  fc.boolean(),
  fc.constantFrom('sports', 'science', 'eu', 'us', 'true', 'false', '', 'cooking', '__proto__'),
  fc.array(fc.constantFrom('sports', 'science', 'eu', 'x', '__proto__'), { maxLength: 4 }),
  text,
  anyJson.filter((v) => !hasTrap(v)),
)
const optionsArg = fc.option(
  fc.oneof(
    fc.record(
      {
        oneOff: fc.oneof(
          fc.boolean(),
          anyJson.filter((v) => !hasTrap(v)),
        ),
      },
      { requiredKeys: [] },
    ),
    anyJson.filter((v) => !hasTrap(v)),
  ),
  { nil: undefined },
)

describe('(b) set with arbitrary ids and values', () => {
  it('either resolves (and get, explain and the stored record match) or rejects with a CandorError leaving memory and storage byte-identical', async () => {
    await noUnhandled(() =>
      fc.assert(
        fc.asyncProperty(
          setup,
          fc.oneof({ weight: 1, arbitrary: validSet }, { weight: 3, arbitrary: fc.tuple(idArb, valueArb) }),
          optionsArg,
          async (ops, [id, value], o) => {
            freshIdb()
            const c = await open()
            await applySetup(c, ops)
            const rawBefore = await stored()
            const memBefore = view(c)
            const copy = structuredClone(value)
            const outcome = await c.set(id as string, value as never, o as never).then(
              () => undefined,
              (e: unknown) => e ?? new Error('rejected with nothing'),
            )
            tally('b: ' + (outcome ? (outcome as CandorError).code : 'resolved'))
            if (outcome) {
              expect(outcome).toBeInstanceOf(CandorError)
              expect(['undeclared-signal', 'invalid-value']).toContain((outcome as CandorError).code)
              expect(await stored()).toBe(rawBefore)
              expect(view(c)).toEqual(memBefore)
            } else {
              const oneOff = !!(o as { oneOff?: unknown } | undefined)?.oneOff
              const state = oneOff ? 'one-off' : c.level == 'off' ? 'forbidden-by-level' : 'active'
              expect(DECLARED).toContain(id)
              expect(c.explain(id as string)).toMatchObject({ value: copy, state })
              expect(c.get(id as string)).toEqual(state == 'active' ? copy : undefined)
              const rec = (await raw(SITE))['s:' + (id as string)]
              expect(rec).toMatchObject({ v: 1, value: copy })
              expect(c.history.at(-1)).toMatchObject({ action: 'set', id })
              // The caller's value is copied: changing it afterwards changes nothing.
              if (Array.isArray(value)) value.push('science')
              expect(c.explain(id as string).value).toEqual(copy)
            }
            notPolluted()
            c.destroy()
          },
        ),
        { numRuns: 150 },
      ),
    )
  }, 30_000)
})

// ---------------------------------------------------------------------------------------------
// (c) import

const NOW = Date.UTC(2026, 4, 3, 9)
const isoArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString())
const valueFor: Record<string, fc.Arbitrary<unknown>> = {
  topics: fc.subarray(['sports', 'science']),
  region: fc.constantFrom('eu', 'us'),
  compact: fc.boolean(),
}
const entryFor = (id: string) =>
  fc.record({ value: valueFor[id]!, setAt: isoArb, expiresAt: isoArb, off: fc.boolean(), oneOff: fc.boolean() }, { requiredKeys: ['value', 'setAt'] })
const validDoc = fc
  .record({
    values: fc.record({ topics: entryFor('topics'), region: entryFor('region'), compact: entryFor('compact') }, { requiredKeys: [] }),
    level: fc.constantFrom(null, 'off', 'declared', 'all'),
    history: fc.array(
      fc.record(
        { at: isoArb, action: fc.constantFrom('set', 'off', 'on', 'level', 'import'), id: fc.constantFrom('topics', 'compact'), value: fc.boolean() },
        { requiredKeys: ['at', 'action'] },
      ),
      { maxLength: 4 },
    ),
  })
  .map((d) => ({ format: 'candor/preferences', version: 1, site: SITE, exportedAt: new Date(NOW).toISOString(), orphans: {}, ...d }) as Record<string, unknown>)

const docReplacement = fc.oneof({ weight: 6, arbitrary: replacementArb() }, { weight: 1, arbitrary: fc.constant(BIG) })
const mutatedDoc = fc
  .tuple(
    validDoc,
    fc.array(
      mutationArb(docReplacement, [
        'format',
        'version',
        'site',
        'level',
        'values',
        'history',
        'value',
        'setAt',
        'expiresAt',
        'off',
        'oneOff',
        'at',
        'action',
        'id',
        ...DECLARED,
        'income',
      ]),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([doc, ms]) => {
    const d = structuredClone(doc)
    for (const m of ms) {
      const values = d.values as Record<string, unknown> | undefined
      const ids = values && typeof values == 'object' ? Object.keys(values) : []
      const history = Array.isArray(d.history) ? d.history : []
      const targets: unknown[] = [
        d,
        values,
        ids.length ? values![ids[m.at % ids.length]!] : undefined,
        history.length ? history[m.at % history.length] : undefined,
      ]
      const target = targets[m.sub % targets.length]
      if (typeof target == 'object' && target) mutate(target as Record<string, unknown>, m)
    }
    return d
  })

/** As the visitor's file: the object, its JSON text, or damaged text (truncated, BOM, trailing garbage). */
const encoded = fc
  .tuple(fc.oneof(validDoc, mutatedDoc, mutatedDoc), fc.constantFrom('object', 'json', 'pretty', 'truncated', 'bom', 'garbage'), fc.nat())
  .map(([doc, how, n]) => {
    if (how == 'object') return doc
    const json = JSON.stringify(doc, null, how == 'pretty' ? 2 : undefined) ?? ''
    if (how == 'truncated') return json.slice(0, n % Math.max(1, json.length))
    if (how == 'bom') return '\ufeff' + json
    if (how == 'garbage') return json + ['}', ',', ' x', '\u0000', ']'][n % 5]
    return json
  })
const importInput = fc.oneof({ weight: 6, arbitrary: encoded }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: text })

/** The document as the instance reads it, to compare what it applied. */
const parsed = (input: unknown): Record<string, unknown> | undefined => {
  if (typeof input != 'string') return input as Record<string, unknown>
  try {
    return JSON.parse(input)
  } catch {
    return undefined
  }
}

describe('(c) import with arbitrary documents', () => {
  it('either applies the whole file or rejects with CandorError("import-invalid") writing nothing; never pollutes Object.prototype', async () => {
    await noUnhandled(() =>
      fc.assert(
        fc.asyncProperty(setup, importInput, async (ops, input) => {
          freshIdb()
          const c = await open({ now: () => NOW })
          await applySetup(c, ops)
          const rawBefore = await stored()
          const memBefore = view(c)
          const outcome = await c.import(input).then(
            () => undefined,
            (e: unknown) => e ?? new Error('rejected with nothing'),
          )
          notPolluted()
          tally('c: ' + (outcome ? 'refused' : 'applied'))
          if (outcome) {
            expect(outcome).toBeInstanceOf(CandorError)
            expect((outcome as CandorError).code).toBe('import-invalid')
            expect(await stored()).toBe(rawBefore)
            expect(view(c)).toEqual(memBefore)
          } else {
            // Everything in the file's values is applied and stored.
            const doc = parsed(input)!
            const values = doc.values as Record<string, Record<string, unknown>>
            const rows = await raw(SITE)
            for (const id of Object.keys(values)) {
              expect(DECLARED).toContain(id)
              const e = values[id]!
              const rec = rows['s:' + id] as Record<string, unknown>
              expect(rec).toBeDefined()
              if (e.value !== undefined) expect(c.explain(id).value).toEqual(e.value)
              expect(rec.value).toEqual(e.value)
              expect(rec.off).toBe(e.off === true ? true : undefined)
            }
            if (doc.level != null) expect(c.level).toBe(doc.level)
            expect(c.history.at(-1)?.action).toBe('import')
          }
          c.destroy()
        }),
        { numRuns: 200 },
      ),
    )
  }, 30_000)

  // Was a bug: a date before 1970 imported "successfully", then the next load dropped it as damaged.
  // Now import refuses what storage can't keep, so whatever it applies, the next load reads.
  it('what an import applied is what the next page load reads', async () => {
    const anyIso = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00.000Z`)
    const doc = fc.record({ value: fc.boolean(), setAt: anyIso }).map((e) => ({
      format: 'candor/preferences',
      version: 1,
      site: SITE,
      exportedAt: new Date(NOW).toISOString(),
      level: null,
      values: { compact: e },
      history: [],
    }))
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        freshIdb()
        const c = await open({ now: () => NOW })
        const applied = await c.import(d).then(
          () => true,
          (e) => {
            expect(e).toBeInstanceOf(CandorError)
            expect(e.code).toBe('import-invalid')
            return false
          },
        )
        if (!applied) expect(d.values.compact.setAt < '1970').toBe(true)
        const next = await open({ now: () => NOW })
        expect(next.problems).toEqual([])
        expect(next.explain('compact').value).toEqual(c.explain('compact').value)
        c.destroy()
        next.destroy()
      }),
      {
        numRuns: 50,
        examples: [
          [
            {
              format: 'candor/preferences',
              version: 1,
              site: SITE,
              exportedAt: '2026-05-03T09:00:00.000Z',
              level: null,
              values: { compact: { value: true, setAt: '0000-01-01T00:00:00.000Z' } },
              history: [],
            },
          ],
        ],
      },
    )
  })

  it('round-trips: what export() writes, import() accepts on a fresh device, with the same values', async () => {
    await fc.assert(
      fc.asyncProperty(setup, async (ops) => {
        freshIdb()
        const a = await open({ now: () => NOW })
        await applySetup(a, ops)
        const file: PreferencesExport = JSON.parse(JSON.stringify(a.export()))
        freshIdb()
        const b = await open({ now: () => NOW })
        await b.import(file)
        expect(view(b).signals).toEqual(view(a).signals)
        expect(b.level).toBe(a.level)
        a.destroy()
        b.destroy()
      }),
      { numRuns: 60 },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// (d) cross-tab protocol

const messageArb = fc.oneof(
  fc.constant('candor:changed'),
  fc.constantFrom('candor:changed ', 'CANDOR:CHANGED', 'candor:change', ''),
  anyJson,
  fc.record({ set: fc.dictionary(fc.constantFrom(...DECLARED), anyJson), level: fc.constantFrom('off', 'all', 'declared') }, { requiredKeys: [] }),
  fc.record({ type: fc.constant('candor:changed'), signal: fc.constantFrom(...DECLARED), value: anyJson }),
  fc.constantFrom(new Uint8Array([1, 2, 3]), new Date(0), new Map([['compact', false]]), 'x'.repeat(100_000)),
)

describe('(d) the cross-tab protocol', () => {
  it('S14: arbitrary messages on BroadcastChannel("candor:<site>") never change a value, the level or storage, and never throw', async () => {
    const errors: unknown[] = []
    const onError = (e: unknown) => errors.push(e)
    process.on('uncaughtException', onError)
    process.on('unhandledRejection', onError)
    try {
      await fc.assert(
        fc.asyncProperty(setup, fc.array(messageArb, { minLength: 1, maxLength: 5 }), async (ops, messages) => {
          freshIdb()
          const c = await open()
          await applySetup(c, ops)
          const rawBefore = await stored()
          const memBefore = view(c)
          const forger = new BroadcastChannel('candor:' + SITE)
          const probe = new BroadcastChannel('candor:' + SITE)
          let received = 0
          probe.onmessage = () => received++
          try {
            for (const m of messages) {
              forger.postMessage(m)
              tally(m === 'candor:changed' ? 'd: invalidation' : 'd: other message')
            }
            const end = Date.now() + 1000
            while (received < messages.length && Date.now() < end) await new Promise((r) => setTimeout(r, 1))
            expect(received).toBe(messages.length)
            // Let the re-reads the messages may have started finish.
            await new Promise((r) => setTimeout(r, 10))
            expect(view(c)).toEqual(memBefore)
            expect(await stored()).toBe(rawBefore)
          } finally {
            forger.close()
            probe.close()
            c.destroy()
          }
        }),
        { numRuns: 100 },
      )
    } finally {
      process.off('uncaughtException', onError)
      process.off('unhandledRejection', onError)
    }
    expect(errors).toEqual([])
  }, 30_000)
})
