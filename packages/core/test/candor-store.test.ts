import { describe, expect, it } from 'vitest'
import { candorStore } from '../src/index'
import { createTestCandor } from '../src/testing'
import { catalog } from './fixtures'

// Svelte's store contract: `subscribe` calls at once with the value, again after every change, and returns its stop.
describe('candorStore', () => {
  it('gives the value at once, then after every change, until stopped', async () => {
    const candor = createTestCandor({ catalog, values: { topics: ['science'] } })
    const seen: unknown[] = []
    const stop = candorStore(candor, (c) => c.get('topics', { reason: 'Orders your reading list' })).subscribe((v) => seen.push(v))
    expect(seen).toEqual([['science']])
    await candor.set('topics', ['sports'])
    expect(seen.at(-1)).toEqual(['sports'])
    await candor.setLevel('off')
    expect(seen.at(-1)).toBeUndefined()
    stop()
    const told = seen.length
    await candor.setLevel('all')
    expect(seen.length).toBe(told)
    expect(candor.usage.topics?.reasons).toEqual(['Orders your reading list'])
  })

  it('is the instance itself by default, and leaves the instance’s own subscribe calling only after changes', async () => {
    const candor = createTestCandor({ catalog })
    const store: unknown[] = []
    const own: unknown[] = []
    candorStore(candor).subscribe((c) => store.push(c))
    candor.subscribe((c) => own.push(c))
    expect(store).toEqual([candor])
    expect(own).toEqual([])
    await candor.set('compact', true)
    expect(store.length).toBeGreaterThan(1)
    expect(store.length).toBe(own.length + 1)
  })
})
