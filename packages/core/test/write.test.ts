import { beforeEach, describe, expect, it } from 'vitest'
import { CandorError } from '../src/index'
import { DAY, catalog, clock, freshIdb, open, raw } from './fixtures'

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
