import { beforeEach, describe, expect, it } from 'vitest'
import { CandorError, type PreferencesExport } from '../src/index'
import { DAY, clock, freshIdb, open, raw, seed } from './fixtures'

beforeEach(freshIdb)

const refused = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => {
      throw new Error('expected the import to be refused')
    },
    (e) => e,
  )
  expect(e).toBeInstanceOf(CandorError)
  expect(e.code).toBe('import-invalid')
  return (e as CandorError).problems
}

describe('export', () => {
  it('returns a versioned document with each value, its dates and the level', async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('topics', ['sports'])
    await c.set('compact', true)
    await c.turnOff('compact')
    await c.setLevel('declared')
    const doc = c.export()
    expect(doc).toMatchObject({
      format: 'candor/preferences',
      version: 1,
      site: 'daily-planet',
      exportedAt: new Date(t.t).toISOString(),
      level: 'declared',
      values: {
        topics: { value: ['sports'], setAt: new Date(t.t).toISOString(), expiresAt: new Date(t.t + 180 * 864e5).toISOString() },
        compact: { value: true, off: true },
      },
    })
    expect(doc.history.map((h) => h.action)).toEqual(['set', 'set', 'off', 'level'])
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })

  it('holds exactly what is stored: a one-off value, no flags that were not set, the default level and measuring choices', async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('compact', true, { oneOff: true })
    const doc = c.export()
    expect(doc.level).toBeNull()
    expect(doc.values).toEqual({ compact: { value: true, setAt: new Date(t.t).toISOString(), oneOff: true } })
    expect(doc.orphans).toEqual({})
    expect(doc.measure).toEqual({ holdouts: true, reports: null, weeks: {} })
    await c.setHoldouts(false)
    await c.setReports(false)
    expect(c.export().measure).toMatchObject({ holdouts: false, reports: false })
    // An inferred signal turned off before the visitor declared it: there is no value to write.
    await c.turnOff('region')
    expect(Object.keys(c.export().values.region!).sort()).toEqual(['off', 'setAt'])
    c.destroy()
  })

  it('is an ordinary object: a page may edit the document before offering it as a file', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.set('topics', ['sports'])
    const doc = c.export()
    delete doc.values.compact
    doc.values.topics = { ...doc.values.topics!, value: ['science'] }
    expect(Object.keys(doc.values)).toEqual(['topics'])
    expect(doc.values.topics?.value).toEqual(['science'])
    c.destroy()
  })

  it('leaves out a value from the moment it fades, and lists a removed signal’s value as an orphan', async () => {
    const t = clock()
    await seed('daily-planet', { 's:retired': { v: 1, value: 'x', setAt: t.t, fp: 'f' } })
    const c = await open({ now: t.now })
    await c.set('topics', ['sports'])
    t.advance(180 * DAY - 1)
    expect(Object.keys(c.export().values)).toEqual(['topics'])
    expect(c.export().orphans).toEqual({ retired: { value: 'x', setAt: new Date(t.t - 180 * DAY + 1).toISOString() } })
    t.advance(1)
    expect(c.export().values).toEqual({})
    c.destroy()
  })
})

describe('import', () => {
  it('round-trips an export into a new browser', async () => {
    const a = await open()
    await a.set('topics', ['sports', 'science'])
    await a.set('compact', true)
    await a.setLevel('declared')
    const file = JSON.stringify(a.export())
    await a.clear()
    freshIdb()
    const b = await open()
    await b.import(file)
    expect(b.get('topics')).toEqual(['sports', 'science'])
    expect(b.get('compact')).toBe(true)
    expect(b.level).toBe('declared')
    expect(b.history.at(-1)?.action).toBe('import')
    const c = await open()
    expect(c.get('topics')).toEqual(['sports', 'science'])
  })

  it('refuses a file that is not a Candor export, or is for another site, saying why', async () => {
    const c = await open()
    expect(await refused(c.import('not json'))).toEqual(['file: not valid JSON'])
    expect(await refused(c.import({ format: 'dexie' }))).toEqual([expect.stringMatching(/^format: expected "candor\/preferences"/)])
    const other = { ...c.export(), site: 'evil-corp' }
    expect(await refused(c.import(other))).toEqual(['site: this file is for "evil-corp", not "daily-planet"'])
    expect(await refused(c.import({ ...c.export(), version: 9 }))).toEqual([expect.stringMatching(/^version: 9 is not supported/)])
    expect(await refused(c.import('x'.repeat(2 << 20)))).toEqual([expect.stringMatching(/^file: too large/)])
  })

  it('validates the whole file and applies none of it when any part is bad', async () => {
    const c = await open()
    await c.set('compact', false)
    const before = await raw('daily-planet')
    const doc: PreferencesExport = {
      ...c.export(),
      level: 'all',
      values: {
        topics: { value: ['sports'], setAt: '2026-05-03T09:00:00.000Z' },
        compact: { value: 'yes' as never, setAt: '2026-05-03T09:00:00.000Z' },
        income: { value: true, setAt: '2026-05-03T09:00:00.000Z' },
        region: { value: 'eu', setAt: 'yesterday' },
      },
    }
    expect(await refused(c.import(doc))).toEqual([
      'values.compact.value: must be true or false',
      'values.income: this site declares no such signal',
      'values.region.setAt: must be an ISO 8601 date',
    ])
    expect(c.get('topics')).toBeUndefined()
    expect(c.get('compact')).toBe(false)
    expect(await raw('daily-planet')).toEqual(before)
  })

  it('refuses dates that aren’t ISO 8601 text, flags that aren’t true or false, a value-less entry that isn’t off, and bad measuring choices', async () => {
    const c = await open()
    await c.set('compact', true)
    const doc = c.export()
    const setAt = doc.values.compact!.setAt
    const problems = await refused(
      c.import({
        ...doc,
        values: {
          compact: { value: true, setAt: Date.parse(setAt) as never },
          topics: { value: ['sports'], setAt: 'May 3, 2026' },
          region: { setAt, off: 'yes' as never },
        },
        measure: { holdouts: 'no' as never, reports: 'sometimes' as never, weeks: {} },
      }),
    )
    expect(problems).toEqual([
      'values.compact.setAt: must be an ISO 8601 date',
      'values.topics.setAt: must be an ISO 8601 date',
      'values.region.value: required',
      'values.region.off: must be true or false',
      'measure.holdouts: must be true or false',
      'measure.reports: must be true, false or null',
    ])
    expect(await refused(c.import({ ...doc, measure: 'none' as never }))).toEqual(['measure: must be { holdouts, reports, weeks } or left out'])
    expect(await refused(c.import({ ...doc, values: { compact: { value: true, setAt, expiresAt: 'soon' } } }))).toEqual([
      'values.compact.expiresAt: must be an ISO 8601 date or left out',
    ])
    c.destroy()
  })

  it('keeps a one-off value one-off, and a value-less entry that is off as off', async () => {
    const a = await open()
    await a.set('topics', ['science'], { oneOff: true })
    await a.turnOff('region')
    const file = a.export()
    freshIdb()
    const b = await open()
    await b.import(file)
    expect(b.explain('topics')).toMatchObject({ state: 'one-off', value: ['science'] })
    expect(b.explain('region').state).toBe('off')
    a.destroy()
    b.destroy()
  })

  it('treats "__proto__" in a file as data, never as a prototype', async () => {
    const c = await open()
    const evil = JSON.parse(
      `{"format":"candor/preferences","version":1,"site":"daily-planet","exportedAt":"2026-05-03T09:00:00.000Z","level":null,"values":{"__proto__":{"value":true,"setAt":"2026-05-03T09:00:00.000Z"}},"history":[]}`,
    )
    expect(await refused(c.import(evil))).toEqual(['values.__proto__: this site declares no such signal'])
    expect(({} as Record<string, unknown>).value).toBeUndefined()
  })

  it('merges: signals not in the file keep their values', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.import({ ...c.export(), values: { topics: { value: ['science'], setAt: '2026-05-03T09:00:00.000Z' } } })
    expect(c.get('compact')).toBe(true)
    expect(c.get('topics')).toEqual(['science'])
  })
})
