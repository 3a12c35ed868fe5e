import { describe, expect, it } from 'vitest'
import { createCandor } from '../src/index'
import { createLedger, MAX_REASON_LENGTH, MAX_REASONS } from '../src/ledger'
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

describe('what the ledger tells the panel', () => {
  it('cuts a long reason to MAX_REASON_LENGTH characters, keeps it once, and drops empty ones', () => {
    const l = createLedger(() => 0)
    const long = 'x'.repeat(MAX_REASON_LENGTH) + ' and more'
    l.read('topics', { reason: long })
    l.read('topics', { reason: long })
    l.read('topics', { reason: '' })
    expect(l.usage().topics!.reasons).toEqual(['x'.repeat(MAX_REASON_LENGTH)])
  })

  it('says when a signal was last read: a re-decided element leaves the time as it was', () => {
    let t = 1000
    const l = createLedger(() => t)
    const el = {} as Element
    l.read('topics', { element: el })
    t = 2000
    l.read('topics', { element: el })
    expect(l.usage().topics).toMatchObject({ count: 1, lastAt: 1000 })
    l.read('topics')
    expect(l.usage().topics).toMatchObject({ count: 2, lastAt: 2000, elements: [el] })
    expect(l.reads('topics')).toBe(2)
    expect(l.reads('compact')).toBe(0)
  })

  it('tells a watcher of a new reason for an element already counted, not of a repeat, and not once it stopped watching', async () => {
    const l = createLedger(() => 0)
    const el = {} as Element
    let told = 0
    const stop = l.watch(() => told++)
    l.read('topics', { element: el, reason: 'Shows the sports desk' })
    await Promise.resolve()
    l.read('topics', { element: el, reason: 'Shows the sports desk' })
    await Promise.resolve()
    expect(told).toBe(1)
    l.read('topics', { element: el, reason: 'Orders the front page' })
    await Promise.resolve()
    expect(told).toBe(2)
    expect(l.usage().topics!.reasons).toEqual(['Shows the sports desk', 'Orders the front page'])
    stop()
    l.read('topics')
    await Promise.resolve()
    expect(told).toBe(2)
  })

  it('hands out a copy: a page that changes what it got changes nothing the panel shows', () => {
    const l = createLedger(() => 0)
    l.read('topics', { reason: 'Shows the sports desk' })
    l.usage().topics!.reasons.push('forged')
    l.read('compact')
    expect(l.usage().topics!.reasons).toEqual(['Shows the sports desk'])
  })
})
