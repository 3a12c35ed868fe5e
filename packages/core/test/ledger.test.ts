import { describe, expect, it } from 'vitest'
import { createCandor } from '../src/index'
import { createLedger, MAX_REASONS } from '../src/ledger'
import { catalog } from './fixtures'

describe('the usage ledger', () => {
  it('is current right after a read: a getter returns what is true now', () => {
    const c = createCandor({ catalog, storage: 'memory' })
    c.get('compact', { reason: 'Headline list' })
    expect(c.usage.compact).toMatchObject({ count: 1, reasons: ['Headline list'] })
    expect(c.explain('compact').reads).toBe(1)
  })

  it('counts a gated element once, however often it is decided again; a call without one counts each time', async () => {
    const c = createCandor({ catalog, storage: 'memory' })
    const a = {} as Element
    const b = {} as Element
    const decide = () => [a, b].forEach((element) => c.get('topics', { reason: 'Shows the sports desk', element }))
    decide()
    c.subscribe(decide)
    for (const v of [true, false, true, false, true]) await c.set('compact', v)
    expect(c.usage.topics).toMatchObject({ count: 2, elements: [a, b] })
    c.get('topics')
    c.get('topics')
    expect(c.usage.topics?.count).toBe(4)
  })

  it('keeps at most MAX_REASONS distinct reasons, and tells watchers once per task', async () => {
    const l = createLedger(() => 0)
    let told = 0
    l.watch(() => told++)
    for (let i = 0; i < 50; i++) l.read('x', { reason: 'r' + i })
    expect(l.usage().x!.reasons).toHaveLength(MAX_REASONS)
    expect(told).toBe(0)
    await Promise.resolve()
    expect(told).toBe(1)
  })
})
