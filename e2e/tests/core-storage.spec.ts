// @candor/core on real IndexedDB in real Chromium: what a visitor would notice.
import type { Page } from '@playwright/test'
import { catalog, createCandor, expect, hangIndexedDBOpen, makeCatalog, openHarness, snapshot, test, waitForHarness } from './fixtures'

const DB = `candor:${catalog.site}`
const STORE = 'prefs'

/** Writes raw records straight into the core's database (creating it and its store if need be). */
async function seed(page: Page, records: Record<string, unknown>) {
  await page.evaluate(
    async ({ name, store, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store)
        }
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite')
        for (const [key, value] of Object.entries(records)) tx.objectStore(store).put(value, key)
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
        tx.onabort = () => reject(tx.error)
      })
      db.close()
    },
    { name: DB, store: STORE, records },
  )
}

/** The keys and records in the core's database, or `null` when the database does not exist. */
async function dump(page: Page) {
  return page.evaluate(
    async ({ name, store }) => {
      const names = (await indexedDB.databases()).map((info) => info.name)
      if (!names.includes(name)) return null
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      try {
        if (!db.objectStoreNames.contains(store)) return {}
        const os = db.transaction(store).objectStore(store)
        const [keys, values] = await Promise.all(
          [os.getAllKeys(), os.getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result as unknown[])
                request.onerror = () => reject(request.error)
              }),
          ),
        )
        return Object.fromEntries(keys!.map((key, i) => [String(key), values![i]]))
      } finally {
        db.close()
      }
    },
    { name: DB, store: STORE },
  )
}

async function reloadHarness(page: Page) {
  await page.reload()
  await waitForHarness(page)
}

test.describe('values persist', () => {
  test('a value and a level survive a reload', async ({ page }) => {
    await openHarness(page)
    await createCandor(page)
    expect((await snapshot(page)).storage).toEqual({ kind: 'indexeddb' })

    await page.evaluate(async () => {
      await window.candor.set('topics', ['sports'])
      await window.candor.set('compact', false)
      await window.candor.setLevel('declared')
    })
    // Reload right after the promises resolve: resolved means saved.
    await reloadHarness(page)
    await createCandor(page)

    const after = await snapshot(page)
    expect(after.storage).toEqual({ kind: 'indexeddb' })
    expect(after.get.topics).toEqual(['sports'])
    expect(after.get.compact, 'a stored `false` is a value, not "unset"').toBe(false)
    expect(after.get.region).toBeUndefined()
    expect(after.level).toBe('declared')
    expect(after.problems).toEqual([])
    expect(after.history.map((entry) => entry.action)).toEqual(['set', 'set', 'level'])
  })

  test('the layout on disk is one record per signal plus meta and history', async ({ page }) => {
    await openHarness(page)
    await createCandor(page)
    await page.evaluate(async () => {
      await window.candor.set('topics', ['science'])
      await window.candor.setLevel('declared')
    })
    const records = (await dump(page)) as Record<string, any>
    expect(records).not.toBeNull()
    expect(records['s:topics']).toMatchObject({ v: 1, value: ['science'], setAt: expect.any(Number) })
    // lifetime '180d'
    expect(records['s:topics'].expiresAt - records['s:topics'].setAt).toBe(180 * 24 * 60 * 60 * 1000)
    expect(records.meta).toMatchObject({ v: 1, level: 'declared' })
    expect(Array.isArray(records.history)).toBe(true)
  })
})

test.describe('two tabs', () => {
  test('writing different signals at the same moment loses nothing, and each tab sees the other', async ({ context, page }) => {
    const tabA = page
    const tabB = await context.newPage()
    await Promise.all([openHarness(tabA), openHarness(tabB)])
    await createCandor(tabA)
    await createCandor(tabB)

    // Tab B notes when it first sees tab A's value (explain() is not a read, so it doesn't touch usage).
    await tabB.evaluate(() => {
      const w = window as unknown as { seenTopicsAt?: number }
      const timer = setInterval(() => {
        const value = window.candor.explain('topics').value
        if (Array.isArray(value) && value.includes('science')) {
          w.seenTopicsAt = Date.now()
          clearInterval(timer)
        }
      }, 2)
    })

    // Both tabs write at the same wall-clock moment.
    const at = Date.now() + 300
    const [doneA] = await Promise.all([
      tabA.evaluate(async (at) => {
        await new Promise((resolve) => setTimeout(resolve, at - Date.now()))
        await Promise.all([window.candor.set('topics', ['science']), window.candor.set('region', 'eu')])
        return Date.now()
      }, at),
      tabB.evaluate(async (at) => {
        await new Promise((resolve) => setTimeout(resolve, at - Date.now()))
        await window.candor.set('compact', true)
      }, at),
    ])

    // Cross-tab delivery: the target is 100 ms (BroadcastChannel); allow slack, don't assert timings.
    await expect.poll(() => tabB.evaluate(() => window.candor.get('topics')), { timeout: 2_000 }).toEqual(['science'])
    await expect.poll(() => tabB.evaluate(() => window.candor.get('region')), { timeout: 2_000 }).toBe('eu')
    await expect.poll(() => tabA.evaluate(() => window.candor.get('compact')), { timeout: 2_000 }).toBe(true)
    const seenAt = await tabB.evaluate(() => (window as unknown as { seenTopicsAt?: number }).seenTopicsAt)
    if (seenAt) {
      test.info().annotations.push({ type: 'cross-tab latency', description: `${seenAt - doneA} ms after set() resolved` })
    }

    // A later write from a tab must not put back its stale view of the other tab's values.
    await tabB.evaluate(() => window.candor.set('compact', false))
    await expect.poll(() => tabA.evaluate(() => window.candor.get('compact')), { timeout: 2_000 }).toBe(false)

    // A third tab, loaded fresh from disk, has everything.
    const tabC = await context.newPage()
    await openHarness(tabC)
    await createCandor(tabC)
    const fresh = await snapshot(tabC)
    expect(fresh.get).toEqual({ topics: ['science'], region: 'eu', compact: false })
    const sets = fresh.history.filter((entry) => entry.action === 'set').map((entry) => `${entry.id}=${JSON.stringify(entry.value)}`)
    expect.soft(sets.sort(), 'history written by both tabs').toEqual(['compact=false', 'compact=true', 'region="eu"', 'topics=["science"]'].sort())
  })

  test('a change in one tab reaches a tab that only reads', async ({ context, page }) => {
    const tabB = await context.newPage()
    await Promise.all([openHarness(page), openHarness(tabB)])
    await createCandor(page)
    await createCandor(tabB)
    expect(await tabB.evaluate(() => window.candor.get('topics'))).toBeUndefined()

    await page.evaluate(() => window.candor.set('topics', ['sports']))
    await expect.poll(() => tabB.evaluate(() => window.candor.get('topics')), { timeout: 2_000 }).toEqual(['sports'])

    await page.evaluate(() => window.candor.setLevel('off'))
    await expect.poll(() => tabB.evaluate(() => window.candor.level), { timeout: 2_000 }).toBe('off')
    expect(await tabB.evaluate(() => window.candor.get('topics')), 'level off: nothing is used').toBeUndefined()
  })

  // The tab re-reads storage when another tab's change arrives. A change the visitor makes in this
  // tab while that re-read is in flight must not be undone by it. To hit that moment every time,
  // the test listens on the core's BroadcastChannel itself and acts as soon as the message arrives.
  type Act = 'level-off' | 'clear' | 'set-topics'
  const duringReRead: Array<{ act: Act; name: string; expected: { level: string; get: object }; history: string[] }> = [
    {
      act: 'level-off',
      name: 'setLevel("off")',
      expected: { level: 'off', get: { topics: undefined, region: undefined, compact: undefined } },
      history: ['set', 'set', 'level'],
    },
    {
      act: 'clear',
      name: 'clear()',
      expected: { level: 'all', get: { topics: undefined, region: undefined, compact: undefined } },
      history: [],
    },
    {
      act: 'set-topics',
      name: 'set("topics")',
      expected: { level: 'all', get: { topics: ['science'], region: undefined, compact: true } },
      history: ['set', 'set', 'set'],
    },
  ]
  for (const { act, name, expected, history: expectedHistory } of duringReRead) {
    test(`${name} made while the tab catches up with another tab's change is not undone in that tab`, async ({ context, page }) => {
      const tabB = await context.newPage()
      await Promise.all([openHarness(page), openHarness(tabB)])
      await createCandor(page)
      await createCandor(tabB)
      await page.evaluate(() => window.candor.set('topics', ['sports']))

      await page.evaluate(
        ({ channel, act }) => {
          const listener = new BroadcastChannel(channel)
          listener.onmessage = () => {
            listener.close()
            const c = window.candor
            ;(window as unknown as { acted: Promise<void> }).acted =
              act === 'level-off' ? c.setLevel('off') : act === 'clear' ? c.clear() : c.set('topics', ['science'])
          }
        },
        { channel: `candor:${catalog.site}`, act },
      )
      await tabB.evaluate(() => window.candor.set('compact', true))
      await page.waitForFunction(() => (window as unknown as { acted?: Promise<void> }).acted !== undefined)
      await page.evaluate(() => (window as unknown as { acted: Promise<void> }).acted)

      // What is stored is right (a fresh tab sees it)...
      const tabC = await context.newPage()
      await openHarness(tabC)
      await createCandor(tabC)
      const truth = await snapshot(tabC)
      expect(truth.level).toBe(expected.level)
      expect(truth.get).toEqual(expected.get)

      // ...and the tab where the visitor acted must show and use the same.
      await expect
        .poll(
          async () => {
            const { level, get } = await snapshot(page)
            return { level, get }
          },
          { message: `tab A after ${name}`, timeout: 2_000 },
        )
        .toEqual({ level: expected.level, get: expected.get })
      expect(
        truth.history.map((entry) => entry.action),
        'stored history',
      ).toEqual(expectedHistory)
      const history = (await snapshot(page)).history.map((entry) => entry.action)
      expect.soft(history, `tab A's history after ${name}`).toEqual(expectedHistory)
    })
  }
})

test.describe('clear()', () => {
  test('erases everything, history and level included, also after a reload', async ({ page }) => {
    await openHarness(page)
    // The level a visitor starts with, from a site never used in this browser.
    await createCandor(page, makeCatalog('another-site'))
    const defaultLevel = await page.evaluate(() => window.candor.level)

    await createCandor(page)
    await page.evaluate(async () => {
      await window.candor.set('topics', ['sports', 'science'])
      await window.candor.set('region', 'us')
      await window.candor.set('compact', true)
      await window.candor.setLevel('off')
    })
    expect((await snapshot(page)).history.length).toBeGreaterThan(0)

    await page.evaluate(() => window.candor.clear())
    const now = await snapshot(page)
    expect(now.get).toEqual({ topics: undefined, region: undefined, compact: undefined })
    expect(now.stored).toEqual({ topics: undefined, region: undefined, compact: undefined })
    expect(now.history).toEqual([])
    expect(now.level).toBe(defaultLevel)

    await reloadHarness(page)
    await createCandor(page)
    const after = await snapshot(page)
    expect(after.storage).toEqual({ kind: 'indexeddb' })
    expect(after.get).toEqual({ topics: undefined, region: undefined, compact: undefined })
    expect(after.stored).toEqual({ topics: undefined, region: undefined, compact: undefined })
    expect(after.history).toEqual([])
    expect(after.level).toBe(defaultLevel)

    // Nothing left on disk but, at most, an empty database or an empty history.
    const records = await dump(page)
    const left = Object.entries(records ?? {}).filter(([key, value]) => !(key === 'history' && Array.isArray(value) && value.length === 0) && key !== 'meta')
    expect(left).toEqual([])
    if (records?.meta) expect(records.meta).not.toHaveProperty('level', 'off')
  })
})

test.describe('without IndexedDB the page keeps working in memory', () => {
  const variants: Array<{ name: string; script: () => void; reasons: string[] }> = [
    {
      name: 'window.indexedDB is missing',
      script: () => {
        delete (window as { indexedDB?: IDBFactory }).indexedDB
      },
      reasons: ['unavailable'],
    },
    {
      name: 'indexedDB.open throws a SecurityError',
      script: () => {
        IDBFactory.prototype.open = function open() {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        }
      },
      reasons: ['unavailable', 'blocked', 'failed'],
    },
    {
      name: 'indexedDB.open never settles',
      script: hangIndexedDBOpen,
      reasons: ['timeout'],
    },
  ]

  for (const variant of variants) {
    test(variant.name, async ({ page }) => {
      test.setTimeout(45_000)
      await page.addInitScript(variant.script)
      await openHarness(page)
      const { ms } = await createCandor(page, catalog, 20_000)
      test.info().annotations.push({ type: 'ready after', description: `${ms} ms` })

      const before = await snapshot(page)
      expect(before.storage.kind).toBe('memory')
      const reason = (before.storage as { reason?: string }).reason
      expect(reason, 'storage.reason').toEqual(expect.any(String))
      expect(variant.reasons, `storage.reason is ${reason}`).toContain(reason)

      await page.evaluate(async () => {
        await window.candor.set('topics', ['sports'])
        await window.candor.set('compact', true)
        await window.candor.setLevel('declared')
      })
      const after = await snapshot(page)
      expect(after.get).toEqual({ topics: ['sports'], region: undefined, compact: true })
      expect(after.level).toBe('declared')
      expect(after.history.map((entry) => entry.action)).toEqual(['set', 'set', 'level'])
      expect(after.storage.kind).toBe('memory')

      await page.evaluate(() => window.candor.clear())
      expect((await snapshot(page)).get).toEqual({ topics: undefined, region: undefined, compact: undefined })
    })
  }

  test('another tab blocks the database (open queued behind a blocked delete)', async ({ page }) => {
    test.setTimeout(45_000)
    await openHarness(page)
    // An old connection that ignores versionchange, and a delete waiting on it: any open now waits forever.
    await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onupgradeneeded = () => request.result.createObjectStore('prefs')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      ;(window as unknown as { heldDb: IDBDatabase }).heldDb = db
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name)
        request.onblocked = () => resolve()
      })
    }, DB)
    const { ms } = await createCandor(page, catalog, 20_000)
    test.info().annotations.push({ type: 'ready after', description: `${ms} ms` })
    const state = await snapshot(page)
    expect(state.storage).toMatchObject({ kind: 'memory', reason: expect.any(String) })
    await page.evaluate(() => window.candor.set('topics', ['science']))
    expect(await page.evaluate(() => window.candor.get('topics'))).toEqual(['science'])
  })
})

test.describe('corrupt records', () => {
  test('a corrupt record seeded before the first visit is skipped and reported; the rest loads', async ({ page }) => {
    await openHarness(page)
    const at = Date.now() - 60_000
    await seed(page, {
      's:topics': '\u0000 not a record {',
      meta: { v: 1, level: 'declared' },
      history: [{ at, action: 'level', value: 'declared' }],
    })
    await createCandor(page)
    const state = await snapshot(page)
    expect(state.storage).toEqual({ kind: 'indexeddb' })
    expect(state.level, 'meta still loads').toBe('declared')
    expect(state.history, 'history still loads').toEqual([{ at, action: 'level', value: 'declared' }])
    expect(state.get.topics).toBeUndefined()
    const corrupt = state.problems.filter((problem) => problem.code === 'corrupt-record')
    expect(corrupt, 'problems').toHaveLength(1)
    expect(corrupt[0]!.message).toEqual(expect.any(String))
    if (corrupt[0]!.key !== undefined) expect(corrupt[0]!.key).toContain('topics')
  })

  test('a corrupt record among good ones is skipped; the good ones load and the bad one can be replaced', async ({ page }) => {
    await openHarness(page)
    await createCandor(page)
    await page.evaluate(async () => {
      await window.candor.set('topics', ['science'])
      await window.candor.set('compact', true)
      await window.candor.set('region', 'eu')
    })
    await reloadHarness(page)
    // Damage two records behind the core's back, before the next instance loads.
    await seed(page, { 's:topics': 42, 's:region': { v: 1, setAt: 'yesterday' } })
    await createCandor(page)

    const state = await snapshot(page)
    expect(state.storage).toEqual({ kind: 'indexeddb' })
    expect(state.get).toEqual({ topics: undefined, region: undefined, compact: true })
    const corrupt = state.problems.filter((problem) => problem.code === 'corrupt-record')
    expect(corrupt.length, JSON.stringify(state.problems)).toBe(2)

    // The visitor sets the value again: it's saved and the problem doesn't come back.
    await page.evaluate(() => window.candor.set('topics', ['sports']))
    await reloadHarness(page)
    await createCandor(page)
    const later = await snapshot(page)
    expect(later.get.topics).toEqual(['sports'])
    expect(later.get.compact).toBe(true)
    expect(later.problems.filter((problem) => problem.key?.includes('topics'))).toEqual([])
  })
})

test('the core makes no request: only the page and /core.js are fetched', async ({ context, page }) => {
  const paths: string[] = []
  context.on('request', (request) => paths.push(new URL(request.url()).pathname))
  await openHarness(page)
  await createCandor(page)
  await page.evaluate(async () => {
    const c = window.candor
    await c.set('topics', ['sports'])
    await c.set('compact', true)
    c.get('topics', { reason: 'Orders the front page' })
    c.infer('region', 'eu', { basis: 'your time zone suggests Europe' })
    c.get('region')
    c.explain('region')
    c.export()
    await c.setLevel('declared')
    await c.forget('compact')
    await c.clear()
    c.destroy()
  })
  await reloadHarness(page)
  await createCandor(page)
  // Give any deferred work (timers, beacons) a moment to show up.
  await page.waitForTimeout(500)
  expect([...new Set(paths)].sort()).toEqual(['/core.html', '/core.js'])
})
