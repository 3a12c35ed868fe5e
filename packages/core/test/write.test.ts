import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CandorError, type Candor } from '../src/index'
import { DAY, catalog, clock, freshIdb, memoryStorage, open, raw, seed } from './fixtures'

beforeEach(freshIdb)

describe('set', () => {
  it('stores the value with when it was set and when it expires, surviving a new instance', async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('topics', ['sports', 'science'])
    const stored = (await raw('daily-planet'))['s:topics']
    expect(stored).toMatchObject({ v: 1, value: ['sports', 'science'], setAt: t.t, expiresAt: t.t + 180 * DAY })
    expect((await open({ now: t.now })).get('topics')).toEqual(['sports', 'science'])
  })

  it('refuses a wrong type or an unknown option with a clear error, and stores nothing', async () => {
    const c = await open()
    await c.set('topics', ['sports'])
    const attempts: Array<[string, unknown, RegExp]> = [
      ['topics', ['sports', 'cooking'], /"cooking" is not an option: use "sports", "science"/],
      ['topics', 'sports', /must be a list of options/],
      ['topics', ['sports', 'sports'], /lists an option twice/],
      ['region', 'mars', /must be one of "eu", "us"/],
      ['compact', 'yes', /must be true or false/],
      // A value JSON can't write is still named, by its type.
      ['topics', [10n], /the value bigint is not an option/],
    ]
    for (const [id, value, message] of attempts) {
      const err = await c.set(id, value as never).catch((e) => e)
      expect(err).toBeInstanceOf(CandorError)
      expect(err.code).toBe('invalid-value')
      expect(err.message).toMatch(message)
    }
    await expect(c.set('income', true)).rejects.toMatchObject({ code: 'undeclared-signal' })
    expect(c.get('topics')).toEqual(['sports'])
    expect((await raw('daily-planet'))['s:topics']).toMatchObject({ value: ['sports'] })
    expect(c.history.filter((h) => h.action == 'set')).toHaveLength(1)
  })

  it('a one-off value stays visible but is never used for tailoring', async () => {
    const c = await open()
    await c.set('topics', ['science'], { oneOff: true })
    expect(c.get('topics')).toBeUndefined()
    expect(c.explain('topics')).toMatchObject({ state: 'one-off', value: ['science'] })
    // And on the next visit: read back from storage, it is still one-off.
    const next = await open()
    expect(next.get('topics')).toBeUndefined()
    expect(next.explain('topics').state).toBe('one-off')
    await c.set('topics', ['science'])
    expect(c.get('topics')).toEqual(['science'])
  })
})

describe('turnOff, turnOn, forget, renew', () => {
  it('turnOff keeps the value and stops its use; turnOn resumes it, across visits', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.turnOff('compact')
    const next = await open()
    expect(next.get('compact')).toBeUndefined()
    expect(next.explain('compact').value).toBe(true)
    await next.turnOn('compact')
    expect((await open()).get('compact')).toBe(true)
  })

  it('forget deletes it from storage', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.forget('compact')
    expect(c.explain('compact').state).toBe('unset')
    expect((await raw('daily-planet'))['s:compact']).toBeUndefined()
  })

  it('renew restarts the lifetime and keeps the date it was declared', async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('topics', ['sports'])
    const setAt = t.t
    t.advance(100 * DAY)
    await c.renew('topics')
    expect(c.explain('topics')).toMatchObject({ setAt, expiresAt: t.t + 180 * DAY, state: 'active' })
    await expect(c.renew('compact')).rejects.toThrow(/nothing to renew/)
  })

  it("keeps a history of the visitor's changes, newest last, at most 200", async () => {
    const t = clock()
    const c = await open({ now: t.now })
    await c.set('compact', true)
    t.advance(1000)
    await c.turnOff('compact')
    await c.setLevel('declared')
    expect(c.history.map((h) => [h.action, h.id, h.value])).toEqual([
      ['set', 'compact', true],
      ['off', 'compact', undefined],
      ['level', undefined, 'declared'],
    ])
    for (let i = 0; i < 210; i++) await c.set('compact', i % 2 == 0)
    expect(c.history).toHaveLength(200)
    const stored = (await raw('daily-planet')).history as unknown[]
    expect(stored).toHaveLength(200)
    expect((await open()).history).toEqual(c.history)
  })
})

describe('subscribe', () => {
  it('calls back after each change until unsubscribed', async () => {
    const c = await open()
    let calls = 0
    const stop = c.subscribe(() => calls++)
    expect(calls).toBe(0)
    await c.set('compact', true)
    const after = calls
    expect(after).toBeGreaterThan(0)
    stop()
    await c.set('compact', false)
    expect(calls).toBe(after)
  })

  it('does not loop when the callback reads preferences', async () => {
    const c = await open()
    let calls = 0
    c.subscribe((x) => {
      calls++
      x.get('compact')
    })
    await c.set('compact', true)
    await new Promise((r) => setTimeout(r, 20))
    expect(calls).toBeLessThan(5)
  })
})

describe('no network, no identifier', () => {
  it('stores only the signal records, the level and the history', async () => {
    const c = await open()
    await c.set('compact', true)
    await c.setLevel('declared')
    expect(Object.keys(await raw('daily-planet')).sort()).toEqual(['history', 'meta', 's:compact'])
    expect(JSON.stringify(await raw('daily-planet'))).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/)
  })

  it('the core source makes no request of any kind', async () => {
    const { readFileSync, readdirSync } = await import('node:fs')
    const dir = new URL('../src/', import.meta.url)
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue
      const src = readFileSync(new URL(f, dir), 'utf8')
      expect(src, f).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|new Image\(/)
    }
  })
  void catalog
})

// Instances of these tests are destroyed after each: a live one would answer another test's BroadcastChannel messages.
const live: Candor[] = []
const tracked = async (o?: Parameters<typeof open>[0]) => {
  const c = await open(o)
  live.push(c)
  return c
}
afterEach(() => live.splice(0).forEach((c) => c.destroy()))

describe('what each change leaves behind', () => {
  it('names each change in the history as the visitor made it', async () => {
    const c = await tracked()
    c.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
    await c.confirm('region')
    await c.set('topics', ['sports'])
    await c.turnOff('topics')
    await c.turnOn('topics')
    await c.renew('topics')
    const undo = await c.toggle('compact', undefined, { page: '/front' })
    await undo()
    await c.forget('topics')
    expect(c.history.map((h) => [h.action, h.id])).toEqual([
      ['confirm', 'region'],
      ['set', 'topics'],
      ['off', 'topics'],
      ['on', 'topics'],
      ['renew', 'topics'],
      ['set', 'compact'],
      ['forget', 'compact'],
      ['forget', 'topics'],
    ])
    expect(c.history.at(-3)?.page).toBe('/front')
  })

  it('toggling the chosen option off forgets the signal, and its undo puts back what was there', async () => {
    const c = await tracked()
    await c.set('region', 'eu')
    const undo = await c.toggle('region', 'eu')
    expect(c.explain('region').state).toBe('unset')
    expect(c.history.at(-1)?.action).toBe('forget')
    await undo()
    expect(c.get('region')).toBe('eu')
    expect(c.history.at(-1)?.action).toBe('set')
    // Nothing damaged was stored on the way: the next visit reads it all.
    const next = await tracked()
    expect(next.problems).toEqual([])
    expect(next.get('region')).toBe('eu')
  })

  it('keeps a page path in the history cut to 300 characters', async () => {
    const c = await tracked()
    await c.toggle('compact', undefined, { page: '/' + 'p'.repeat(400) })
    expect(c.history.at(-1)?.page).toHaveLength(300)
  })

  it('turnOn of a signal turned off before it had a value leaves it unset, storing nothing damaged', async () => {
    const c = await tracked()
    await c.turnOff('region')
    await c.turnOn('region')
    expect(c.explain('region').state).toBe('unset')
    const next = await tracked()
    expect(next.problems).toEqual([])
    expect(next.explain('region').state).toBe('unset')
  })

  it('forget drops what the site inferred on this page too', async () => {
    const c = await tracked()
    c.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
    expect(c.get('region')).toBe('eu')
    await c.forget('region')
    expect(c.get('region')).toBeUndefined()
  })

  it('says which call was misused, in its message and its problems', async () => {
    const c = await tracked()
    await expect(c.set('compact', 'yes' as never)).rejects.toMatchObject({
      message: 'set("compact"): the value must be true or false',
      problems: ['compact: must be true or false'],
    })
    await expect(c.toggle('compact', 'x')).rejects.toMatchObject({
      message: expect.stringMatching(/^toggle\("compact"\): /),
      problems: [expect.stringMatching(/^compact: /)],
    })
    await expect(c.renew('compact')).rejects.toMatchObject({ message: 'renew("compact"): the value is not set, so there is nothing to renew' })
    await expect(c.setHoldouts('yes' as never)).rejects.toMatchObject({ code: 'invalid-value', message: 'setHoldouts("yes"): pass true or false' })
    await expect(c.setReports(1 as never)).rejects.toMatchObject({ code: 'invalid-value', message: 'setReports(1): pass true or false' })
    await expect(c.forgetOrphan(5 as never)).rejects.toMatchObject({ code: 'invalid-value', message: 'forgetOrphan(5): a signal id is a string' })
  })

  it('changing a choice on measuring keeps the counts stored, and holdouts can be turned on again', async () => {
    const measures = { ...catalog, measure: { holdout: 0.5 } }
    await (await tracked()).set('compact', true)
    const c = await tracked({ catalog: measures, draw: 0 })
    c.get('compact')
    await new Promise((r) => setTimeout(r, 0))
    const counted = ((await raw('daily-planet')).measure as { weeks: unknown }).weeks
    expect(counted).not.toEqual({})
    await c.setReports(false)
    await c.setHoldouts(false)
    await c.setHoldouts(true)
    expect(c.measurement.holdouts).toBe(true)
    expect(await raw('daily-planet')).toMatchObject({ measure: { v: 1, reports: false, weeks: counted } })
    expect((await tracked({ catalog: measures })).measurement.holdouts).toBe(true)
  })

  it('clear() also drops the reports counted as pages went away, so nothing of before is counted after', async () => {
    const items = new Map<string, string>([['candor:daily-planet:reported', '{"2026-04-27":2}']])
    const ls = memoryStorage(items)
    const { vi } = await import('vitest')
    vi.stubGlobal('localStorage', ls)
    try {
      const c = await tracked()
      await c.clear()
      expect(items.has('candor:daily-planet:reported')).toBe(false)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('import over what a newer Candor stored', () => {
  it('refuses, writing nothing, when the file would overwrite a newer row: a record, the level or the measuring choices', async () => {
    const a = await tracked()
    await a.set('topics', ['sports'])
    await a.setLevel('declared')
    await a.setReports(false)
    const file = JSON.stringify(a.export())
    for (const [key, row] of [
      ['s:topics', { v: 99, value: 'future' }],
      ['meta', { v: 99, level: 'all' }],
      ['measure', { v: 99 }],
    ] as const) {
      freshIdb()
      await seed('daily-planet', { [key]: row })
      const b = await tracked()
      await expect(b.import(file), key).rejects.toMatchObject({ code: 'newer-data' })
      expect((await raw('daily-planet'))[key]).toEqual(row)
      b.destroy()
    }
  })

  it('brings the measuring choices with the file, and a file that makes none leaves them as they are', async () => {
    const a = await tracked()
    await a.setHoldouts(false)
    await a.setReports(true)
    const file = a.export()
    freshIdb()
    const b = await tracked()
    await b.import(file)
    expect(b.measurement.holdouts).toBe(false)
    expect((await raw('daily-planet')).measure).toMatchObject({ holdouts: false, reports: true })
    await b.import({ ...file, measure: { holdouts: true, reports: null } })
    expect(b.measurement.holdouts).toBe(true)
    expect((await raw('daily-planet')).measure).not.toHaveProperty('reports')
    await b.setReports(false)
    const { measure: _, ...bare } = file
    await b.import(bare)
    expect((await raw('daily-planet')).measure).toMatchObject({ reports: false })
  })
})

describe('changes made in a row, without waiting', () => {
  // A write's transaction may end after the visitor's next change to the same signal: what it stored must not
  // be put back over that change in memory (the soak saw a forgotten value come back, and one erased).
  it('set, then forget at once: the value stays forgotten, in memory and in storage', async () => {
    const c = await open()
    const set = c.set('topics', ['science'])
    const forget = c.forget('topics')
    // Once the first write is stored, and the second isn't yet: the page shows the last change.
    await set
    expect(c.explain('topics').setAt).toBeUndefined()
    await forget
    expect(c.explain('topics').setAt).toBeUndefined()
    expect(c.export().values).toEqual({})
    expect((await raw('daily-planet'))['s:topics']).toBeUndefined()
  })

  it('set, then erase at once: nothing comes back', async () => {
    const c = await open()
    const set = c.set('compact', false)
    const erase = c.clear()
    await Promise.all([set, erase])
    expect(c.explain('compact').setAt).toBeUndefined()
    expect(Object.keys(await raw('daily-planet'))).toEqual([])
  })
})
