import { beforeEach, describe, expect, it, vi } from 'vitest'
import { freshIdb, open, until } from './fixtures'

beforeEach(freshIdb)

describe('tabs', () => {
  it('a change in one tab reaches another open tab', async () => {
    const a = await open()
    const b = await open()
    await a.set('topics', ['science'])
    await until(() => b.get('topics')?.toString() == 'science')
    await a.setLevel('off')
    await until(() => b.level == 'off')
    await a.clear()
    await until(() => b.level == 'all' && b.get('topics') === undefined)
    a.destroy()
    b.destroy()
  })

  it('two tabs writing different signals at the same moment lose nothing', async () => {
    const a = await open()
    const b = await open()
    await Promise.all([a.set('topics', ['sports']), b.set('compact', true), a.setLevel('declared'), b.turnOff('region')])
    const c = await open()
    expect(c.get('topics')).toEqual(['sports'])
    expect(c.get('compact')).toBe(true)
    expect(c.level).toBe('declared')
    expect(c.explain('region').state).toBe('off')
    expect(c.history).toHaveLength(4)
    for (const x of [a, b, c]) x.destroy()
  })

  it('a forged message can only cause a re-read, never change a value', async () => {
    const a = await open()
    await a.set('compact', true)
    const forged = new BroadcastChannel('candor:daily-planet')
    forged.postMessage({ set: { compact: false }, level: 'off' })
    forged.postMessage('candor:changed')
    await new Promise((r) => setTimeout(r, 30))
    expect(a.get('compact')).toBe(true)
    expect(a.level).toBe('all')
    forged.close()
    a.destroy()
  })

  it('works without BroadcastChannel (older Safari)', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    try {
      const a = await open()
      await a.set('compact', true)
      expect(a.get('compact')).toBe(true)
      a.destroy()
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
