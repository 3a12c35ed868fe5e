// Ranked containers under attack, with the demo's candor.js and catalog (the `demo` project): pages served
// on the demo's origin by the test. A container of 10,000 children, children a script keeps moving while
// Candor ranks them, ranked containers inside ranked containers, and data-candor-keep of -1, 1e9 and "two".
// What is kept: the page stays responsive (no long task over 50 ms from Candor's ranking), nothing is
// removed (the same children before and after), and a bad value is said once in the console, naming the
// attribute and the element, with the page's order kept.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const TOPICS = ['sports', 'science', 'culture', 'business']
const items = (n: number, prefix = '') =>
  Array.from({ length: n }, (_, i) => `<li data-n="${prefix}${i}" data-candor-about="${TOPICS[i % 4]}">${prefix}${i} ${TOPICS[i % 4]}</li>`).join('')
const html = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Attack</title>
<script src="/candor.js" data-catalog="/candor.json"></script></head><body>${body}</body></html>`

/** Serves `body` at `path` on the demo's origin, under candor.js and the demo's catalog. */
const serve = (page: Page, path: string, body: string) =>
  page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(body) }))

interface Candor {
  ready: Promise<{ set(id: string, v: unknown): Promise<void>; load(): Promise<void>; get(id: string): unknown }>
}

/** The children of `selector`, by their data-n, in the order shown. */
const children = (page: Page, selector: string) => page.locator(selector).evaluate((box) => [...box.children].map((c) => c.getAttribute('data-n') ?? c.tagName))

/** Every long task (over 50 ms) the page has had, from a buffered observer installed before any script. */
const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __long: Array<{ start: number; ms: number; by: string }> }).__long.map((t) => ({ ...t })))

/** How long each run of Candor's MutationObserver callback took (candor.js makes the page's only observer). */
const observed = (page: Page) =>
  page.evaluate(() => (window as unknown as { __observed: Array<{ start: number; ms: number }> }).__observed.map((t) => ({ ...t })))

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: Array<{ start: number; ms: number; by: string }>; __observed: Array<{ start: number; ms: number }> }
    w.__long = []
    w.__observed = []
    // Long tasks can't name the script that ran: timing the observer's callbacks attributes ranking to Candor.
    const Real = MutationObserver
    window.MutationObserver = class extends Real {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          const start = performance.now()
          try {
            callback(records, observer)
          } finally {
            w.__observed.push({ start: Math.round(start), ms: Math.round(performance.now() - start) })
          }
        })
      }
    }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__long.push({
            start: Math.round(e.startTime),
            ms: Math.round(e.duration),
            by:
              (e as PerformanceEntry & { attribution?: Array<{ containerType?: string; name?: string }> }).attribution
                ?.map((a) => `${a.name}:${a.containerType}`)
                .join(',') ?? '',
          })
      }).observe({ type: 'longtask', buffered: true })
    } catch {}
  })
})

// The trace's DOM snapshots of 10,000 children are long tasks of their own, in the page: not Candor's.
test.use({ trace: 'off' })

test.describe('ranked containers under attack', () => {
  test('S32: 10,000 children: a change ranks them without a long task over 50 ms, and nothing is removed', async ({ page, browserName }) => {
    // The Long Tasks API is Chromium's.
    test.skip(browserName != 'chromium', 'long tasks are a Chromium API')
    test.setTimeout(60_000)
    await serve(page, '/attack-big.html', `<ul id="big" data-candor-rank="topics" data-candor-demote="muted-topics" data-candor-keep="1">${items(10_000)}</ul>`)
    await page.goto('/attack-big.html')
    const before = await children(page, '#big')
    expect(before).toHaveLength(10_000)
    // The editing part in first, so what is timed is the change and the ranking it causes.
    await page.evaluate(async () => (await (window as unknown as { Candor: Candor }).Candor.ready).load())
    const timed = async (id: string, value: unknown) =>
      page.evaluate(
        async ({ id, value }) => {
          const c = await (window as unknown as { Candor: Candor }).Candor.ready
          // Let long tasks of what came before settle, then time the change's task and what it queues.
          await new Promise((r) => setTimeout(r, 200))
          const t0 = performance.now()
          const saved = c.set(id, value)
          const sync = performance.now() - t0
          // The observers' records (MutationObserver callbacks) run before the next task.
          await new Promise((r) => setTimeout(r, 0))
          const task = performance.now() - t0
          await saved
          return { t0: Math.round(t0), sync: Math.round(sync), task: Math.round(task) }
        },
        { id, value },
      )
    // A first change on another signal: the one-time work of a first change (the measuring part deciding the
    // view, the snapshot) is not the ranking's.
    await timed('compact', true)
    // Each change three times, on a machine other jobs share: Candor's work is the fastest of the three.
    const changes: Array<[string, string, unknown]> = [
      ['science up (2,500 moved)', 'topics', ['science']],
      ['sports down (2,499 moved)', 'muted-topics', ['sports']],
      ['back to the page order', 'muted-topics', []],
      ['science back in place', 'topics', []],
    ]
    const samples = new Map<string, Array<{ t0: number; work: number }>>()
    let order: string[] = []
    for (let round = 0; round < 3; round++)
      for (const [what, id, value] of changes) {
        const t = await timed(id, value)
        const mo = (await observed(page)).filter((o) => o.start >= t.t0 && o.start < t.t0 + t.task)
        samples.set(what, [...(samples.get(what) ?? []), { t0: t.t0, work: t.sync + mo.reduce((sum, o) => sum + o.ms, 0) }])
        if (round == 0 && what.startsWith('sports')) order = await children(page, '#big')
      }
    const long = (await longTasks(page)).filter((t) => t.start + t.ms >= samples.get(changes[0]![0])![0]!.t0 - 1)
    const best = Object.fromEntries([...samples].map(([what, s]) => [what, Math.min(...s.map((x) => x.work))]))
    for (const [what, s] of samples) test.info().annotations.push({ type: `${what}: Candor's work, ms`, description: s.map((x) => x.work).join(' / ') })
    test.info().annotations.push({ type: 'long tasks during the changes', description: JSON.stringify(long) })
    console.log('10k', JSON.stringify({ samples: Object.fromEntries(samples), long }))
    // Nothing removed, nothing added: the same 10,000 children.
    expect(order).toHaveLength(10_000)
    expect([...order].sort()).toEqual([...before].sort())
    // Kept first, then science, then the rest, then sports: the changes took effect.
    expect(order[0]).toBe('0')
    expect(order.slice(1, 2501).every((n) => Number(n) % 4 == 1)).toBe(true)
    expect(order.slice(-2499).every((n) => Number(n) % 4 == 0)).toBe(true)
    expect(await children(page, '#big')).toEqual(before)
    // Candor's share of the change (the change's task and its observer callbacks) is not a long task.
    for (const [what, ms] of Object.entries(best)) expect(ms, `${what}: Candor's work, ms (fastest of 3)`).toBeLessThanOrEqual(50)
  })

  test('S32: children a script keeps moving: Candor keeps its order without taking over the page, and removes none', async ({ page, browserName }) => {
    // The Long Tasks API is Chromium's.
    test.skip(browserName != 'chromium', 'long tasks are a Chromium API')
    test.setTimeout(60_000)
    await serve(page, '/attack-moving.html', `<ul id="moving" data-candor-rank="topics" data-candor-keep="1">${items(400)}</ul>`)
    await page.goto('/attack-moving.html')
    await page.evaluate(async () => (await (window as unknown as { Candor: Candor }).Candor.ready).set('topics', ['culture']))
    const before = await children(page, '#moving')
    const fight = await page.evaluate(async () => {
      const box = document.querySelector('#moving')!
      let moves = 0
      let frames = 0
      const from = performance.now()
      const end = from + 2_000
      // Every frame the page reverses the list; every 5 ms it re-appends a child, or moves one to the front.
      await new Promise<void>((done) => {
        const timer = setInterval(() => {
          const kids = box.children
          const k = kids[Math.floor(Math.random() * kids.length)]!
          Math.random() < 0.5 ? box.append(k) : box.prepend(k)
          moves++
        }, 5)
        const frame = () => {
          frames++
          if (performance.now() > end) return (clearInterval(timer), done())
          box.append(...[...box.children].reverse())
          moves++
          requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      })
      return { moves, frames, from: Math.round(from) }
    })
    // Once the page stops, its children are in Candor's order again.
    await expect.poll(() => children(page, '#moving')).toEqual(before)
    const long = (await longTasks(page)).filter((t) => t.start >= fight.from)
    const work = (await observed(page)).filter((t) => t.start >= fight.from)
    const slowest = Math.max(0, ...work.map((t) => t.ms))
    const spent = work.reduce((sum, t) => sum + t.ms, 0)
    test
      .info()
      .annotations.push(
        { type: 'the page moved children', description: `${fight.moves} times in ${fight.frames} frames` },
        { type: "Candor's answers (observer callbacks)", description: `${work.length}, ${spent} ms in all, the slowest ${slowest} ms` },
        { type: 'long tasks while it lasted', description: JSON.stringify(long) },
      )
    console.log('moving', JSON.stringify({ fight, answers: work.length, spent, slowest, long }))
    expect(before[0]).toBe('0')
    expect(before.slice(1, 101).every((n) => Number(n) % 4 == 2)).toBe(true)
    expect([...(await children(page, '#moving'))].sort()).toEqual([...before].sort())
    // Candor answered the moves without taking the page over: none of its answers was a long task.
    expect(slowest, "Candor's slowest answer to the page's moves (ms)").toBeLessThanOrEqual(50)
  })

  test('S32: ranked containers inside ranked containers: each is ordered, none loses a child', async ({ page }) => {
    const inner = (n: number) => `<ol id="inner${n}" data-candor-rank="topics" data-candor-demote="muted-topics">${items(8, `i${n}-`)}</ol>`
    await serve(
      page,
      '/attack-nested.html',
      `<ul id="outer" data-candor-rank="topics" data-candor-demote="muted-topics">
        <li data-n="a" data-candor-about="sports">${inner(1)}</li>
        <li data-n="b" data-candor-about="science"><div>${inner(2)}</div></li>
        <li data-n="c" data-candor-about="culture">${inner(3)}</li>
      </ul>`,
    )
    await page.goto('/attack-nested.html')
    await page.evaluate(async () => {
      const c = await (window as unknown as { Candor: Candor }).Candor.ready
      await c.set('topics', ['culture'])
      await c.set('muted-topics', ['sports'])
    })
    await expect.poll(() => children(page, '#outer')).toEqual(['c', 'b', 'a'])
    for (const n of [1, 2, 3]) {
      const got = await children(page, `#inner${n}`)
      expect(got, `#inner${n}`).toEqual([`i${n}-2`, `i${n}-6`, `i${n}-1`, `i${n}-3`, `i${n}-5`, `i${n}-7`, `i${n}-0`, `i${n}-4`])
    }
    await expect(page.locator('#outer')).toHaveAttribute('data-candor-state', 'on')
    await expect(page.locator('#inner2')).toHaveAttribute('data-candor-state', 'on')
  })

  test('S33: data-candor-keep of -1, 1e9 and "two": said once each in the console, naming it, and the page keeps its order', async ({ page }) => {
    const errors: string[] = []
    page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
    const boxes = ['-1', '1e9', 'two']
    await serve(
      page,
      '/attack-keep.html',
      `${boxes.map((k, i) => `<ul id="k${i}" data-candor-rank="topics" data-candor-keep="${k}">${items(8)}</ul>`).join('')}
      <ul id="good" data-candor-rank="topics" data-candor-keep="2">${items(8)}</ul>`,
    )
    await page.goto('/attack-keep.html')
    await page.evaluate(async () => (await (window as unknown as { Candor: Candor }).Candor.ready).set('topics', ['business']))
    // The good container is ranked: the change is in, so the others had their chance to be.
    await expect.poll(() => children(page, '#good')).toEqual(['0', '1', '3', '7', '2', '4', '5', '6'])
    for (const [i, k] of boxes.entries()) {
      expect(await children(page, `#k${i}`), `keep="${k}"`).toEqual(['0', '1', '2', '3', '4', '5', '6', '7'])
      await expect(page.locator(`#k${i}`)).not.toHaveAttribute('data-candor-state', 'on')
      const said = errors.filter((e) => e.includes(`<ul data-candor-keep="${k}">`))
      expect(said, `one console error for keep="${k}"`).toHaveLength(1)
      expect(said[0]).toContain('must be a whole number of children from 0')
    }
    expect(errors.filter((e) => e.includes('data-candor-keep="2"'))).toEqual([])
  })
})
