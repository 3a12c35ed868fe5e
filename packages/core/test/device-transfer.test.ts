// Preferences carried to another device by link (#candor-import=…): two databases stand for two devices.
import fc from 'fast-check'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CandorError, type Catalog, type TransferProposal } from '../src/index'
import { DAY, catalog, clock, freshIdb, open, raw } from './fixtures'

beforeEach(freshIdb)

const PREFIX = '#candor-import='
const fragmentOf = (link: string) => link.slice(link.indexOf('#'))
/** The payload of a link, as JSON, to alter it as an attacker or a damaged copy would. */
const unpacked = (link: string) => JSON.parse(inflateRawSync(Buffer.from(fragmentOf(link).slice(PREFIX.length), 'base64url')).toString())
const packed = (doc: unknown) => PREFIX + deflateRawSync(JSON.stringify(doc)).toString('base64url')

/** A link made on a first device that declared topics, a layout and a level. */
const firstDevice = async (t = clock()) => {
  const a = await open({ now: t.now })
  await a.set('topics', ['science', 'sports'])
  await a.set('compact', true)
  await a.setLevel('declared')
  const link = await a.transferLink('https://news.example/front?page=2#top')
  a.destroy()
  freshIdb()
  return { link, t }
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => expect.unreachable('expected the link to be refused'),
    (e: unknown) => e,
  )
  expect(e).toBeInstanceOf(CandorError)
  expect((e as CandorError).code).toBe('transfer-invalid')
  return (e as CandorError).problems[0]!
}

describe('a transfer link', () => {
  it('carries the declared values and level to another device, which stores nothing until the visitor accepts', async () => {
    const { link, t } = await firstDevice()
    expect(link).toMatch(/^https:\/\/news\.example\/front\?page=2#candor-import=[\w-]+$/)
    const b = await open({ now: t.now })
    const p = await b.readTransfer(fragmentOf(link))
    expect(p).toEqual({
      madeAt: t.t,
      changes: [
        { id: 'topics', value: ['science', 'sports'] },
        { id: 'compact', value: true },
      ],
      level: { value: 'declared', replaces: 'all' },
      skipped: [],
    })
    expect(await raw('daily-planet')).toEqual({})
    await b.acceptTransfer(p)
    expect(b.get('topics')).toEqual(['science', 'sports'])
    expect(b.level).toBe('declared')
    expect(b.history.at(-1)).toEqual({ at: t.t, action: 'transfer' })
    // The lifetime starts on this device, as a value declared here would.
    expect(b.export().values.topics!.expiresAt).toBe(new Date(t.t + 180 * DAY).toISOString())
    b.destroy()
    const again = await open({ now: t.now })
    expect(again.get('topics')).toEqual(['science', 'sports'])
    expect(again.get('compact')).toBe(true)
    expect(again.history.at(-1)?.action).toBe('transfer')
  })

  it('says what each value replaces here, and leaves out what is already the same', async () => {
    const { link, t } = await firstDevice()
    const b = await open({ now: t.now })
    await b.set('topics', ['sports'])
    await b.set('compact', true)
    await b.setLevel('declared')
    expect(await b.readTransfer(fragmentOf(link))).toEqual({
      madeAt: t.t,
      changes: [{ id: 'topics', value: ['science', 'sports'], replaces: ['sports'] }],
      skipped: [],
    })
  })

  it('proposes a value over one here that is not in use (one-off), and takes a list in another order as the same', async () => {
    const { link, t } = await firstDevice()
    const b = await open({ now: t.now })
    await b.set('compact', true, { oneOff: true })
    await b.set('topics', ['sports', 'science'])
    await b.setLevel('declared')
    expect(await b.readTransfer(fragmentOf(link))).toEqual({ madeAt: t.t, changes: [{ id: 'compact', value: true }], skipped: [] })
  })

  it('is made for a path of this site as well as a whole address', async () => {
    const t = clock()
    const a = await open({ now: t.now })
    await a.set('compact', true)
    vi.stubGlobal('location', new URL('https://news.example/front?x=1#top'))
    expect(await a.transferLink('/sport')).toMatch(/^https:\/\/news\.example\/sport#candor-import=/)
    vi.unstubAllGlobals()
  })

  it('carries only what is in use for good: not a value turned off, one-off, faded, or inferred', async () => {
    const t = clock()
    const a = await open({ now: t.now })
    await a.set('topics', ['science'])
    await a.turnOff('topics')
    await a.set('compact', true, { oneOff: true })
    a.infer('region', 'eu', { basis: 'your IP address' })
    expect(unpacked(await a.transferLink('https://x.example/')).p).toEqual([])
  })

  it('skips what this site no longer declares or whose meaning changed, when the catalog changed since', async () => {
    const { link, t } = await firstDevice()
    const changed: Catalog = {
      ...catalog,
      signals: [{ ...catalog.signals[0]!, purpose: 'Picks the stories of your newsletter' }, catalog.signals[1]!],
    }
    const b = await open({ now: t.now, catalog: changed })
    const p = await b.readTransfer(fragmentOf(link))
    expect(p.changes).toEqual([])
    expect(p.skipped).toEqual([
      { id: 'topics', why: 'changed' },
      { id: 'compact', why: 'removed' },
    ])
  })

  it("under Global Privacy Control, keeps this browser's level rather than one that uses inferred values", async () => {
    const t = clock()
    const a = await open({ now: t.now })
    await a.setLevel('all')
    const link = await a.transferLink('https://x.example/')
    freshIdb()
    const b = await open({ now: t.now, gpc: true })
    const p = await b.readTransfer(fragmentOf(link))
    expect(p.level).toBeUndefined()
    expect(p.levelKept).toBe('gpc')
  })
})

describe('a transfer link refused, with nothing stored', () => {
  const cases: Array<[string, (link: string, t: ReturnType<typeof clock>) => string, RegExp]> = [
    ['another form of fragment', () => '#candor-import', /^fragment: not a Candor transfer link/],
    ['the shared fragment', () => '#candor=shared', /^fragment: not a Candor transfer link/],
    ['characters a link never has', (l) => fragmentOf(l) + '!', /^fragment: not a Candor transfer link/],
    ['cut short', (l) => fragmentOf(l).slice(0, -12), /^fragment: damaged or cut short/],
    ['not compressed JSON', () => PREFIX + Buffer.from('hello').toString('base64url'), /^fragment: damaged or cut short/],
    ['compressed, but not JSON', () => PREFIX + deflateRawSync('{"v":1').toString('base64url'), /^fragment: damaged or cut short/],
    ['oversized', () => PREFIX + 'A'.repeat(40_000), /^fragment: too large \(40000 characters; at most 32768\)/],
    ['a small link that unpacks into too much', () => packed({ v: 1, pad: ' '.repeat(300_000) }), /^fragment: too large once unpacked/],
    ['for another site', (l) => packed({ ...unpacked(l), s: 'the-daily-bugle' }), /^site: made for "the-daily-bugle", not "daily-planet"/],
    ['from a newer format', (l) => packed({ ...unpacked(l), v: 2 }), /^version: made by a newer Candor \(format 2; this one reads 1\)/],
    ['older than 15 minutes', (l, t) => (t.advance(15 * 60_000 + 1), fragmentOf(l)), /^madeAt: made 15 minutes ago; a link works for 15/],
    ['made well in the future', (l, t) => (t.advance(-6 * 60_000), fragmentOf(l)), /^clock: made later than this device's clock/],
    ['a level that does not exist', (l) => packed({ ...unpacked(l), l: 'everything' }), /^level: must be/],
    ['an entry of the wrong shape', (l) => packed({ ...unpacked(l), p: [['topics', 3, 'x']] }), /^fragment: damaged or cut short/],
    ['a signal named twice', (l) => packed({ ...unpacked(l), p: [...unpacked(l).p, unpacked(l).p[0]] }), /^fragment: damaged or cut short/],
    [
      'more values than a catalog may declare',
      (l) => packed({ ...unpacked(l), k: 'x', p: Array.from({ length: 2001 }, (_, i) => ['s' + i, true, 'x']) }),
      /^fragment: too large \(more than 2000 values\)/,
    ],
    [
      'a signal the same catalog does not declare',
      (l) => packed({ ...unpacked(l), p: [['age', true, 'x']] }),
      /^values\.age: this site declares no such signal/,
    ],
    [
      'an option the signal does not declare',
      (l) => {
        const d = unpacked(l)
        return packed({ ...d, p: [['topics', ['crypto'], d.p[0][2]]] })
      },
      /^values\.topics: .*crypto/,
    ],
  ]
  for (const [what, make, why] of cases)
    it(what, async () => {
      const { link, t } = await firstDevice()
      const b = await open({ now: t.now })
      expect(await refusal(b.readTransfer(make(link, t)))).toMatch(why)
      expect(await raw('daily-planet')).toEqual({})
    })

  it('a proposal an app altered: accepting it refuses the value and stores nothing', async () => {
    const { link, t } = await firstDevice()
    const b = await open({ now: t.now })
    const p = await b.readTransfer(fragmentOf(link))
    const altered: TransferProposal = { ...p, changes: [...p.changes, { id: 'topics', value: ['crypto'] }] }
    await expect(b.acceptTransfer(altered)).rejects.toMatchObject({ code: 'invalid-value' })
    await expect(b.acceptTransfer({} as TransferProposal)).rejects.toMatchObject({ code: 'transfer-invalid' })
    expect(await raw('daily-planet')).toEqual({})
    expect(b.get('topics')).toBeUndefined()
  })
})

describe('transfer links, for any values', () => {
  const values = fc.record(
    {
      topics: fc.subarray(['sports', 'science']),
      compact: fc.boolean(),
      level: fc.constantFrom(undefined, 'off', 'declared', 'all'),
    },
    { requiredKeys: [] },
  )

  it('round-trip exactly, and any change to their bytes is refused or proposes only valid values', async () => {
    await fc.assert(
      fc.asyncProperty(values, fc.nat(), fc.nat(255), async (v, at, bits) => {
        freshIdb()
        const t = clock()
        const a = await open({ now: t.now })
        if (v.topics) await a.set('topics', v.topics)
        if (v.compact !== undefined) await a.set('compact', v.compact)
        if (v.level) await a.setLevel(v.level as 'off')
        const link = await a.transferLink('https://x.example/')
        freshIdb()
        const b = await open({ now: t.now })
        const p = await b.readTransfer(fragmentOf(link))
        await b.acceptTransfer(p)
        const values = (c: typeof a) => Object.fromEntries(Object.entries(c.export().values).map(([id, e]) => [id, e.value]))
        expect(values(b)).toEqual(values(a))
        expect(b.level).toBe(v.level ?? 'all')
        // One byte changed: refused, or a proposal whose every value this catalog takes.
        const bytes = Buffer.from(fragmentOf(link).slice(PREFIX.length), 'base64url')
        bytes[at % bytes.length]! ^= bits || 1
        const c = await open({ now: t.now, storage: 'memory' })
        const q = await c.readTransfer(PREFIX + bytes.toString('base64url')).catch((e: CandorError) => e)
        if (q instanceof CandorError) expect(q.code).toBe('transfer-invalid')
        // Accepting checks each value again, so it resolves only for values this catalog takes.
        else await c.acceptTransfer(q)
        for (const x of [a, b, c]) x.destroy()
      }),
      { numRuns: 60 },
    )
  })
})
