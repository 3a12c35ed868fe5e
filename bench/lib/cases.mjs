// The measured units. Each runs once per round in a fresh browser context and returns named
// numbers (ms unless the name says otherwise); run.mjs interleaves them and reports medians.
import { CATALOG_SIZES, RANKED } from './site.mjs'

const LAUNCHER = 'candor-widget >>> .candor-launcher'
const DIALOG = 'candor-widget >>> dialog.candor-dialog'
const SPORTS = '[data-candor-show="topics:sports"]'
const BASELINE = '[data-candor-baseline="topics"]'

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'loading']

/** In a context of its own: the init script with `cfg`, one page. Always closes the context. */
async function inContext(env, cfg, fn) {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    await ctx.addInitScript({ content: `window.__benchCfg = ${JSON.stringify(cfg)};\n${env.instrument}` })
    const page = await ctx.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    const out = await fn(page, ctx)
    if (errors.length && env.verbose) console.warn('  page errors:', errors.slice(0, 3).join(' | '))
    return out
  } finally {
    await ctx.close().catch(() => {})
  }
}

const url = (env, path) => env.origin + path
const waitReady = (page, timeout = 15000) =>
  page
    .waitForFunction(() => window.__tReady !== undefined, null, { timeout, polling: 16 })
    .then(async () => {
      const v = await page.evaluate(() => window.__tReady)
      if (v < 0) throw new Error('startup failed in the page: ' + (await page.evaluate(() => window.__readyError || window.__rawError)))
      return v
    })
/** Waits until `spec` is up and settled (the init script's `watch`); a timeout says what was missing, and for the launcher what the page asked for. */
async function waitSettled(page, spec, timeout = 10000) {
  try {
    await page.waitForFunction((s) => window.__bench.settled[s] !== undefined, spec, { timeout })
  } catch (e) {
    if (!/timeout/i.test(e?.message ?? '')) throw e
    throw new Error(`${spec} not up within ${timeout / 1000} s${spec == LAUNCHER ? ` (${await launcherAsked(page)})` : ''}`)
  }
}
/** What decides whether candor.js shows its launcher on the page: its script tag's data-launcher and the page's own openers. */
const launcherAsked = (page) =>
  page
    .evaluate(() => {
      const tag = document.querySelector('script[src$="/candor.js"]')
      const n = document.querySelectorAll('[data-candor-open]').length
      return `the page asks data-launcher=${tag?.getAttribute('data-launcher') ?? '(unset)'} and has ${n} [data-candor-open]`
    })
    .catch(() => 'the page could not be read')
const cls = (b) => b.shifts.reduce((a, v) => a + v, 0)
const bench = (page) =>
  page.evaluate(() => ({
    ...window.__bench,
    find: undefined,
    visible: undefined,
    arm: undefined,
    opened: undefined,
    t0: window.__t0,
    tAfter: window.__tAfter,
    tReady: window.__tReady,
  }))

/** Candor's files the page has fetched so far (Resource Timing), by path. */
const candorFetched = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /^\/candor[^/]*\.js$/.test(p)),
  )
/** The panel's code the page has fetched so far (any of Candor's files but candor.js): none before intent. */
const panelFetched = async (page) => (await candorFetched(page)).filter((p) => p != '/candor.js')

/**
 * Clicks `opener` and waits until `spec` is visible: times from the click event's timestamp.
 * Without `rest`, Playwright's click: the pointer moves onto the opener and presses at once (a cold
 * click; its pointerover comes at most a few ms before the click). With `rest` (ms), the
 * pointer moves onto the opener's centre, rests there `rest` ms, then clicks at the same point
 * (intent before the click). `rest` in the result: pointerover → click as the page saw it.
 */
async function clickOpen(page, opener, spec, all, { rest } = {}) {
  await page.evaluate(([s, a]) => window.__bench.arm(s, a), [spec, all])
  if (rest === undefined) await page.locator(opener).first().click()
  else {
    const box = await page.locator(opener).first().boundingBox()
    if (!box) throw new Error(`${opener} has no box to point at`)
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
    await page.mouse.move(x, y)
    // Rest `rest` ms, timed here rather than in the page (whose timers may wait behind the work the
    // intent started, where a visitor's finger would not), then press and release where the pointer
    // is: the click comes `rest` ms + the input round trips after the pointerover.
    await page.waitForTimeout(rest)
    await page.mouse.down()
    await page.mouse.up()
  }
  const o = await page.evaluate(() => window.__bench.opened)
  const b = await page.evaluate(() => {
    const panel = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname == '/candor-panel.js')
    const B = window.__bench
    return { click: B.click, pointerover: B.pointerover, showModalAt: B.showModalAt, panelStart: panel?.startTime, panelEnd: panel?.responseEnd }
  })
  if (o.painted === undefined) throw new Error(`${spec} did not become visible within 15 s of the click`)
  if (all && o.complete === undefined) throw new Error(`${all.n} × ${all.spec} not shown within 15 s of the click`)
  if (b.click === undefined) throw new Error('no click event seen')
  if (rest !== undefined && b.pointerover === undefined) throw new Error(`no pointerover event when the pointer moved onto ${opener}`)
  const rel = (t) => (t !== undefined ? t - b.click : undefined)
  return {
    frame: o.frame - b.click,
    painted: o.painted - b.click,
    settled: rel(o.settled),
    complete: rel(o.complete),
    showModal: rel(b.showModalAt),
    /** pointerover → click: how long the pointer was on the opener before the click */
    rest: b.pointerover !== undefined ? b.click - b.pointerover : undefined,
    /** when candor-panel.js was requested and when it was in, from the click (negative: before it) */
    panelStart: rel(b.panelStart),
    panelEnd: rel(b.panelEnd),
  }
}

/** Every signal of an `n`-signal catalog rendered in the panel (one card each). */
const cards = (n) => ({ spec: 'candor-widget >>> dialog [id$="-card"]', n })

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 1024
}

// ---- 2. startup -----------------------------------------------------------------------------------

async function startupCandor(env) {
  return inContext(env, { watch: [SPORTS, BASELINE], state: [SPORTS, BASELINE] }, async (page) => {
    const out = {}
    await page.goto(url(env, '/candor.html'))
    await waitReady(page)
    await page.waitForFunction((s) => window.__bench.shown[s] !== undefined, BASELINE, { timeout: 5000 })
    let b = await bench(page)
    const res = await page.evaluate(() => performance.getEntriesByName(new URL('/candor.json', location.href).href)[0]?.toJSON())
    out.first_ready = b.tReady - b.t0
    out.first_evaluated = b.tAfter - b.t0
    out.first_catalog = res ? res.responseEnd - res.startTime : undefined
    out.first_baselineVisible = b.shown[BASELINE] - b.t0
    out.first_cls = cls(b)
    // A preference for the returning visit (and a check that these times are IndexedDB's, not the in-memory fallback's).
    const storage = await page.evaluate(async () => {
      const c = await window.Candor.ready
      await c.set('topics', ['sports'])
      return c.storage.kind
    })
    if (storage != 'indexeddb') throw new Error(`Candor runs on ${storage} storage, not IndexedDB`)
    await page.goto(url(env, '/candor.html'))
    await waitReady(page)
    await page.waitForFunction((s) => window.__bench.shown[s] !== undefined, SPORTS, { timeout: 5000 })
    b = await bench(page)
    out.ret_ready = b.tReady - b.t0
    out.ret_evaluated = b.tAfter - b.t0
    out.ret_tailoredState = b.stateOn[SPORTS] - b.t0
    out.ret_tailoredVisible = b.shown[SPORTS] - b.t0
    out.ret_tailoredVisibleNav = b.shown[SPORTS]
    out.ret_fcp = b.fcp
    out.ret_cls = cls(b)
    return out
  })
}

/** The page whose <head> preloads the catalog: script start → `Candor.ready` on a first and a returning visit; the catalog fetched once. */
async function startupPreload(env) {
  return inContext(env, {}, async (page) => {
    await page.goto(url(env, '/candor-preload.html'))
    const ready = await waitReady(page)
    const t0 = await page.evaluate(() => window.__t0)
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname == '/candor.json').length)
    if (fetched != 1) throw new Error(`the catalog was fetched ${fetched} times: the preload did not match candor.js's request`)
    // A returning visit, as startup:candor's.
    await page.evaluate(async () => (await window.Candor.ready).set('topics', ['sports']))
    await page.goto(url(env, '/candor-preload.html'))
    const again = await waitReady(page)
    return { first_ready: ready - t0, ret_ready: again - (await page.evaluate(() => window.__t0)) }
  })
}

async function startupRaw(env) {
  // The same gated element, on a page where nothing gates it: the first frame it can be displayed in.
  return inContext(env, { watch: [SPORTS] }, async (page) => {
    const out = {}
    await page.goto(url(env, '/raw.html'))
    await waitReady(page)
    let r = await page.evaluate(() => ({ t0: window.__t0, after: window.__tAfter, open: window.__tOpen, ready: window.__tReady }))
    out.first_ready = r.ready - r.t0
    out.first_evaluated = r.after - r.t0
    out.first_open = r.open - r.t0
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const tx = window.__rawDb.transaction('prefs', 'readwrite')
          tx.objectStore('prefs').put({ v: 1, value: ['sports'], setAt: Date.now(), fp: 'bench' }, 's:topics')
          tx.oncomplete = resolve
          tx.onerror = () => reject(tx.error)
        }),
    )
    await page.goto(url(env, '/raw.html'))
    await waitReady(page)
    r = await page.evaluate(() => ({ t0: window.__t0, after: window.__tAfter, open: window.__tOpen, ready: window.__tReady, value: window.__rawValue }))
    if (!r.value) throw new Error('the returning raw read found no record')
    await page.waitForFunction((s) => window.__bench.shown[s] !== undefined, SPORTS, { timeout: 5000 })
    out.ret_elementVisible = (await bench(page)).shown[SPORTS] - r.t0
    out.ret_ready = r.ready - r.t0
    out.ret_evaluated = r.after - r.t0
    out.ret_open = r.open - r.t0
    return out
  })
}

// ---- 3. main thread (and 7. peers' script time) ---------------------------------------------------

const POSITIONS = 'V8.CollectSourcePositions'

/**
 * The tracer's own share of a page's script time: the source positions V8 collects, inside script, on the thread that
 * ran `bench-t0.js` (every bench page has it), for the stacks the tracer records (see traceScript). In ms.
 */
export function tracerPositions(events) {
  const t0 = events.find((e) => e.name == 'EvaluateScript' && (e.args?.data?.url ?? '').endsWith('/bench-t0.js'))
  if (!t0) return 0
  const onMain = events.filter((e) => e.pid == t0.pid && e.tid == t0.tid && e.ph == 'X' && typeof e.dur == 'number')
  const scripts = onMain.filter((e) => e.name == 'EvaluateScript' || e.name == 'FunctionCall' || e.name == 'v8.evaluateModule' || e.name == 'RunMicrotasks')
  const inside = (s, e) => e.ts >= s.ts && e.ts + e.dur <= s.ts + s.dur
  return onMain.filter((e) => e.name == POSITIONS && scripts.some((s) => inside(s, e))).reduce((a, e) => a + e.dur, 0) / 1000
}

/** Script time attributable to `match`ing URLs on the renderer main thread that ran them. */
export function traceScript(events, match, mainUrl) {
  const main = events.find((e) => e.name == 'EvaluateScript' && mainUrl(e.args?.data?.url ?? ''))
  if (!main) return {}
  const onMain = events.filter((e) => e.pid == main.pid && e.tid == main.tid && e.ph == 'X' && typeof e.dur == 'number')
  const urlOf = (e) => e.args?.data?.url ?? e.args?.fileName ?? ''
  const sum = (name, m) => onMain.filter((e) => e.name == name && m(urlOf(e))).reduce((a, e) => a + e.dur, 0) / 1000
  // Union of the intervals, so nested events (compile inside evaluate) count once.
  const NAMES = new Set(['EvaluateScript', 'v8.compile', 'FunctionCall', 'v8.compileModule', 'v8.evaluateModule', 'v8.run'])
  const ofUrl = (m) => onMain.filter((e) => NAMES.has(e.name) && m(urlOf(e)))
  const union = (m) => unionOf(ofUrl(m))
  // The first task (RunTask) after the one that evaluated the main script in which the main script's
  // code runs again (a FunctionCall of one of its functions: an observer, a listener, a callback).
  const within = (t, e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur
  const mine = ofUrl(mainUrl)
  const evalEnd = main.ts + main.dur
  const first = onMain
    .filter((e) => e.name == 'RunTask' && e.ts >= evalEnd)
    .sort((a, b) => a.ts - b.ts)
    .find((t) => mine.some((e) => within(t, e)))
  // The tracer records the script's stack with each request it starts (the initiator): V8 then collects the source
  // positions of every function on that stack, re-parsing them, which a page without the tracer never does. Left out,
  // where they ran inside the script's own events (`tracerPositions` on the whole page).
  const inMine = (t) => onMain.filter((e) => e.name == POSITIONS && within(t, e) && mine.some((m) => within(m, e))).reduce((a, e) => a + e.dur, 0) / 1000
  const firstMine = first ? mine.filter((e) => within(first, e)) : []
  const firstTask = first ? unionOf(firstMine) - inMine(first) : 0
  return {
    evaluate: sum('EvaluateScript', mainUrl) - inMine(main),
    compile: sum('v8.compile', mainUrl),
    traced: inMine(main) + (first ? inMine(first) : 0),
    firstTask,
    firstTaskAt: first ? (first.ts - evalEnd) / 1000 : undefined,
    attributedMain: union(mainUrl),
    attributed: union(match),
  }
}

/** Total length of the union of the events' intervals, in ms. */
function unionOf(events) {
  const spans = events.map((e) => [e.ts, e.ts + e.dur]).sort((a, b) => a[0] - b[0])
  let total = 0
  let end = -Infinity
  for (const [s, e] of spans) {
    if (e <= end) continue
    total += e - Math.max(s, end)
    end = e
  }
  return total / 1000
}

/**
 * One page load with a Chromium trace and no input at all (a page view without intent): script time
 * by URL, CDP ScriptDuration / TaskDuration, long tasks, layout shift and JS heap after GC, measured
 * 1 s after the widget's UI is up. `panelFiles`: how many of Candor's files other than candor.js the
 * page fetched in that window (0: no panel code without intent).
 */
function mainThread(key, path, readySpec, match, mainUrl) {
  return async (env) =>
    inContext(env, { watch: readySpec ? [readySpec] : [] }, async (page, ctx) => {
      const seen = new Set()
      page.on('request', (r) => {
        const p = new URL(r.url()).pathname
        if (/^\/candor[^/]*\.js$/.test(p) && p != '/candor.js') seen.add(p)
      })
      const cdp = await ctx.newCDPSession(page)
      await cdp.send('Performance.enable')
      await env.browser.startTracing(page, { categories: TRACE_CATEGORIES })
      env.tracing = true
      let buf
      try {
        await page.goto(url(env, path), { waitUntil: 'load' })
        // Waiting by waitForFunction installs Playwright's own script in the page (about 0.5 MiB of JS heap): the page
        // without a widget waits the same way, so that Δ heap counts the widget's heap, not the harness's.
        await (readySpec ? waitSettled(page, readySpec) : page.waitForFunction(() => document.readyState == 'complete'))
        await page.waitForTimeout(1000)
      } finally {
        buf = await env.browser.stopTracing()
        env.tracing = false
      }
      const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]))
      const b = await bench(page)
      const out = {
        scriptAll: m.ScriptDuration * 1000,
        tasksAll: m.TaskDuration * 1000,
        longtasks: b.longtasks.length,
        longtaskMax: b.longtasks.length ? Math.max(...b.longtasks) : 0,
        cls: cls(b),
        heapKiB: await heap(cdp),
        panelFiles: seen.size,
      }
      const parsed = JSON.parse(buf.toString('utf8'))
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
      // All script, as without the tracer (see traceScript), on every page alike: the one without a widget too.
      out.scriptAll -= tracerPositions(events)
      if (match) {
        const t = traceScript(events, match, mainUrl)
        if (t.evaluate === undefined) throw new Error(`no EvaluateScript event for the ${key} script in the trace`)
        Object.assign(out, t)
      }
      return out
    })
}

// ---- 4. the panel -----------------------------------------------------------------------------

/** The panel's first open, the code loading on the click: `data-launcher="none"`, the page's own opener clicked cold. */
function panelLazy(n) {
  return async (env) =>
    inContext(env, {}, async (page) => {
      await page.goto(url(env, `/panel-lazy-${n}.html`))
      await waitReady(page)
      await page.waitForTimeout(300)
      if (await page.evaluate(() => !!document.querySelector('candor-widget'))) throw new Error('the panel was mounted before the click')
      const early = await panelFetched(page)
      if (early.length) throw new Error(`the panel's code loaded before any intent: ${early.join(', ')}`)
      const o = await clickOpen(page, 'nav [data-candor-open]', DIALOG, cards(n))
      return { showModal: o.showModal, painted: o.painted, complete: o.complete, rest: o.rest, panelStart: o.panelStart, panelEnd: o.panelEnd }
    })
}

/** Intent, then the click: the launcher up (no panel code yet), the pointer rests on it `HOVER_MS`, then clicks; later opens: Escape, the launcher again. */
export const HOVER_MS = 150
function panelHover(n) {
  return async (env) =>
    inContext(env, { watch: [LAUNCHER] }, async (page) => {
      await page.goto(url(env, `/panel-${n}.html`))
      const ready = await waitReady(page)
      await waitSettled(page, LAUNCHER)
      const t0 = await page.evaluate(() => window.__t0)
      const launcherUp = await page.evaluate((s) => window.__bench.settled[s], LAUNCHER)
      await page.waitForTimeout(300)
      const early = await panelFetched(page)
      if (early.length) throw new Error(`the panel's code loaded before any intent: ${early.join(', ')}`)
      const first = await clickOpen(page, LAUNCHER, DIALOG, cards(n), { rest: HOVER_MS })
      if (!(first.panelStart < 0)) throw new Error('candor-panel.js was not requested before the click (no intent seen on the pointer over the launcher)')
      const later = []
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Escape')
        await page.waitForFunction((s) => !window.__bench.find(s)?.open, DIALOG, { timeout: 5000 })
        await page.waitForTimeout(150)
        later.push(await clickOpen(page, LAUNCHER, DIALOG, cards(n)))
      }
      const med = (k) => later.map((x) => x[k]).sort((a, b) => a - b)[1]
      return {
        ready: ready - t0,
        launcherUp: launcherUp - t0,
        rest: first.rest,
        panelStart: first.panelStart,
        panelEnd: first.panelEnd,
        showModal: first.showModal,
        painted: first.painted,
        complete: first.complete,
        later_showModal: med('showModal'),
        later_painted: med('painted'),
        later_complete: med('complete'),
      }
    })
}

/** The floor of click → painted: the page's own button shows a bare <dialog> (no framework, no Candor). */
async function panelFloor(env) {
  return inContext(env, {}, async (page) => {
    await page.goto(url(env, '/floor-dialog.html'))
    await page.waitForSelector('#floor-open')
    await page.waitForTimeout(300)
    const first = await clickOpen(page, '#floor-open', '#floor-dialog')
    const later = []
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Escape')
      await page.waitForFunction(() => !document.querySelector('#floor-dialog').open, null, { timeout: 5000 })
      await page.waitForTimeout(150)
      later.push(await clickOpen(page, '#floor-open', '#floor-dialog'))
    }
    const med = (k) => later.map((x) => x[k]).sort((a, b) => a - b)[1]
    return { showModal: first.showModal, painted: first.painted, later_showModal: med('showModal'), later_painted: med('painted') }
  })
}

// ---- 5. reads and writes --------------------------------------------------------------------------

async function micro(env) {
  return inContext(env, {}, async (page) => {
    await page.goto(url(env, '/candor.html'))
    await waitReady(page)
    await page.addScriptTag({ url: '/bench-lib.js' })
    return page.evaluate(async () => {
      const c = await window.Candor.ready
      if (c.storage.kind != 'indexeddb') throw new Error('Candor is not on IndexedDB: ' + JSON.stringify(c.storage))
      const ids = c.catalog.signals.map((s) => s.id)
      const map = new Map(ids.map((id, i) => [id, ['sports', true, 'eu'][i % 3]]))
      let sink = 0
      const perOp = (n, f) => {
        f(Math.min(n, 2000)) // warm up
        const t = performance.now()
        f(n)
        return ((performance.now() - t) / n) * 1000 // µs
      }
      const get = perOp(20000, (n) => {
        for (let i = 0; i < n; i++) if (c.get(ids[i % ids.length]) !== undefined) sink++
      })
      const mapGet = perOp(2000000, (n) => {
        for (let i = 0; i < n; i++) if (map.get(ids[i % ids.length]) !== undefined) sink++
      })
      const { createStore, set } = window.benchLib
      const store = createStore('bench-raw-writes', 'prefs')
      // performance.now() ticks in 100 µs steps on a page that isn't cross-origin isolated:
      // time the whole run of n sequential awaited ops and divide.
      const perAwaited = async (n, f) => {
        await f(-1)
        await f(-2)
        const t = performance.now()
        for (let i = 0; i < n; i++) await f(i)
        return ((performance.now() - t) / n) * 1000 // µs
      }
      const candorSet = await perAwaited(200, (i) => c.set('compact', i % 2 == 0))
      const rawSet = await perAwaited(200, (i) => set('compact', i % 2 == 0, store))
      return { get, mapGet, getRatio: get / mapGet, candorSet, rawSet, setRatio: candorSet / rawSet, sink: sink > 0 ? 1 : 0 }
    })
  })
}

// ---- 6. scale -------------------------------------------------------------------------------------

/** In the page (seed.html): writes a value for every signal of the catalog and a long history, as Candor stores them. */
async function seedInPage({ catalogUrl, history }) {
  const cat = await (await fetch(catalogUrl)).json()
  const { fingerprint } = window.benchLib
  const now = Date.now()
  const DAY = 864e5
  const life = (s) => (s ? Number(s.slice(0, -1)) * { h: 36e5, d: DAY, w: 7 * DAY }[s.slice(-1)] : 0)
  let seed = 42
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const sampleValue = (s) => {
    if (s.type == 'boolean') return rnd() < 0.5
    const vals = s.options.map((o) => o.value)
    if (s.type == 'choice') return vals[Math.floor(rnd() * vals.length)]
    const picked = vals.filter(() => rnd() < 0.5)
    return picked.length ? picked : [vals[0]]
  }
  const recs = cat.signals.map((s) => {
    const setAt = now - Math.floor(rnd() * 30 * DAY)
    const r = { v: 1, value: sampleValue(s), setAt, fp: fingerprint(s) }
    if (s.lifetime) r.expiresAt = setAt + life(s.lifetime)
    return [s, r]
  })
  const hist = []
  for (let i = 0; i < history; i++) {
    const [s] = recs[i % recs.length]
    hist.push({ at: now - (history - i) * 60000, action: 'set', id: s.id, value: sampleValue(s) })
  }
  await new Promise((resolve, reject) => {
    const req = indexedDB.open('candor:' + cat.site)
    req.onupgradeneeded = () => req.result.createObjectStore('prefs')
    req.onerror = () => reject(req.error)
    req.onsuccess = () => {
      const db = req.result
      const tx = db.transaction('prefs', 'readwrite')
      const st = tx.objectStore('prefs')
      for (const [s, r] of recs) st.put(r, 's:' + s.id)
      st.put(hist, 'history')
      tx.oncomplete = () => (db.close(), resolve())
      tx.onerror = () => reject(tx.error)
    }
  })
  return recs.length
}

async function scale(env) {
  const n = 1000
  return inContext(env, { watch: [LAUNCHER] }, async (page, ctx) => {
    await page.goto(url(env, '/seed.html'))
    await page.waitForFunction(() => !!window.benchLib)
    await page.evaluate(seedInPage, { catalogUrl: `/catalogs/c${n}.json`, history: 10000 })
    const cdp = await ctx.newCDPSession(page)
    await page.goto(url(env, `/panel-${n}.html`))
    const ready = await waitReady(page)
    const t0 = await page.evaluate(() => window.__t0)
    const check = await page.evaluate(async () => {
      const c = await window.Candor.ready
      return {
        storage: c.storage.kind,
        active: c.catalog.signals.filter((s) => c.explain(s.id).state == 'active').length,
        history: c.history.length,
        problems: c.problems.length,
      }
    })
    if (check.storage != 'indexeddb' || check.active < n * 0.8 || check.problems)
      throw new Error('seeded storage not read as expected: ' + JSON.stringify(check))
    await waitSettled(page, LAUNCHER, 15000)
    const heapReady = await heap(cdp)
    await page.waitForTimeout(300)
    const early = await panelFetched(page)
    if (early.length) throw new Error(`the panel's code loaded before any intent: ${early.join(', ')}`)
    const o = await clickOpen(page, LAUNCHER, DIALOG, cards(n), { rest: HOVER_MS })
    const heapOpen = await heap(cdp)
    return {
      ready: ready - t0,
      active: check.active,
      history: check.history,
      heapReady,
      heapOpen,
      showModal: o.showModal,
      painted: o.painted,
      complete: o.complete,
      rest: o.rest,
      panelEnd: o.panelEnd,
    }
  })
}

// ---- 7. peers: UI up, click to preferences ----------------------------------------------------------

function peerUi(p) {
  return async (env) =>
    inContext(env, { watch: [p.banner] }, async (page) => {
      await page.goto(url(env, p.path))
      await waitSettled(page, p.banner)
      const b = await bench(page)
      await page.waitForTimeout(300)
      const o = await clickOpen(page, p.opener, p.modal)
      // Paint timing entries arrive after the frame is presented: read FCP last.
      const fcp = await page.evaluate(() => window.__bench.fcp)
      return {
        visible: b.shown[p.banner],
        settled: b.settled[p.banner],
        visibleFromT0: b.shown[p.banner] - b.t0,
        fcp,
        ready: b.tReady !== undefined ? b.tReady : undefined,
        open_frame: o.frame,
        open_painted: o.painted,
        open_settled: o.settled,
      }
    })
}

// ---- 8. a ranked container: 500 children reordered ----------------------------------------------------

/** Changes of the followed topic per run of the reorder case (culture, sports, culture, …: each one moves every child). */
export const REORDER_CHANGES = 10
const RANKED_BOX = '[data-candor-rank="topics"]'

/**
 * In the page: `changes` changes of the followed topic (culture, sports, … ending on sports), each
 * started in a task of its own after a frame, each checked (the first `keep` children, then those
 * about the topic, then the rest, each in the page's order). `candor`: the page's order checked at
 * ready (the returning visitor follows sports), then `set("topics", [topic])`, timed from just
 * before the call until Candor has applied it (a listener subscribed after candor.js's own). The
 * floor (no Candor): the page's script moves the children into that order with one `append`.
 * Both: then style and layout forced (`document.body.offsetHeight`).
 */
async function reorderInPage({ box: sel, keep, changes, candor }) {
  // Long tasks with their start (the init script keeps only their durations): which came during the changes.
  const longtasks = []
  new PerformanceObserver((l) => l.getEntries().forEach((e) => longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true })
  const c = candor ? await window.Candor.ready : undefined
  // The writes' code (it loads with the panel) in first, so a write changes memory, and the page, before set() returns.
  if (c) await c.load()
  const box = document.querySelector(sel)
  const kids = () => [...box.children]
  const wanted = (topic) => {
    const page = kids().sort((a, b) => a.dataset.i - b.dataset.i)
    const about = (k) => k.dataset.candorAbout.split(/\s+/).includes(topic)
    return [...page.slice(0, keep), ...page.slice(keep).filter(about), ...page.slice(keep).filter((k) => !about(k))]
  }
  const ids = (ks) => ks.map((k) => k.dataset.i).join(',')
  const check = (topic, when) => {
    const state = box.getAttribute('data-candor-state')
    if ((c && state != 'on') || ids(kids()) != ids(wanted(topic)))
      throw new Error(
        `${when}: the ${kids().length} children are not in the order for "${topic}" (data-candor-state=${state}; first: ${ids(kids()).slice(0, 40)}…)`,
      )
  }
  let applied
  if (c) {
    check('sports', 'at ready (the returning visit)')
    // Subscribed after candor.js's own listener (it subscribes when ready resolves): told once Candor has applied the change.
    c.subscribe(() => {
      if (applied === undefined) applied = performance.now()
    })
  } else box.append(...wanted('sports'))
  const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  await afterFrame()
  const start = performance.now()
  const runs = []
  for (let k = 0; k < changes; k++) {
    const topic = k % 2 ? 'sports' : 'culture'
    await afterFrame()
    const next = c ? undefined : wanted(topic)
    applied = undefined
    const t0 = performance.now()
    const p = c ? c.set('topics', [topic]) : box.append(...next)
    const t1 = performance.now()
    void document.body.offsetHeight
    const t2 = performance.now()
    check(topic, c ? `right after set("topics", ["${topic}"]) returned` : 'after the move')
    await p
    if (c && applied === undefined) throw new Error(`set("topics", ["${topic}"]): no change was told to the page's listeners`)
    runs.push({ reorder: (c ? applied : t1) - t0, call: t1 - t0, layout: t2 - t0 })
  }
  check('sports', 'at the end')
  const v = c?.get('topics')
  if (c && String(v) != 'sports') throw new Error(`at the end, topics is ${JSON.stringify(v)}, not ["sports"]`)
  // Long task entries come after their task: give the last ones time to arrive.
  await new Promise((r) => setTimeout(r, 100))
  return { runs, children: kids().length, start, longtasks }
}

/** candor.js's script in a page load's trace: in all (union of its events) and in the one task that ran the most of it. */
function traceStartup(events, match) {
  const t = traceScript(events, match, match)
  if (t.evaluate === undefined) return {}
  const main = events.find((e) => e.name == 'EvaluateScript' && match(e.args?.data?.url ?? ''))
  const onMain = events.filter((e) => e.pid == main.pid && e.tid == main.tid && e.ph == 'X' && typeof e.dur == 'number')
  const NAMES = new Set(['EvaluateScript', 'v8.compile', 'FunctionCall', 'v8.run'])
  const mine = onMain.filter((e) => NAMES.has(e.name) && match(e.args?.data?.url ?? e.args?.fileName ?? ''))
  let taskMax = 0
  for (const task of onMain.filter((e) => e.name == 'RunTask'))
    taskMax = Math.max(taskMax, unionOf(mine.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)))
  return { script: t.attributedMain, taskMax }
}

/**
 * A ranked container of `RANKED.n` stories (`/ranked-<n>.html`, see site.mjs). `candor`: a returning
 * visitor who follows sports (declared on a first visit, then the page loaded again), so it is
 * reordered at startup (checked; that load traced, for candor.js's script while the list is parsed);
 * then `REORDER_CHANGES` changes after ready, untraced. Floor: the same page
 * without candor.js (`/ranked-<n>-none.html`), the same moves by the page's own script.
 */
function reorder(candor) {
  const path = `/ranked-${RANKED.n}${candor ? '' : '-none'}.html`
  return async (env) =>
    inContext(env, { state: [RANKED_BOX] }, async (page) => {
      let ready
      let startup = {}
      if (candor) {
        await page.goto(url(env, path))
        await waitReady(page)
        const storage = await page.evaluate(async () => {
          const c = await window.Candor.ready
          await c.set('topics', ['sports'])
          return c.storage.kind
        })
        if (storage != 'indexeddb') throw new Error(`Candor runs on ${storage} storage, not IndexedDB`)
        // The returning visit's load, traced until a frame after ready: candor.js's script while the list is parsed and reordered.
        await env.browser.startTracing(page, { categories: TRACE_CATEGORIES })
        env.tracing = true
        let buf
        try {
          await page.goto(url(env, path))
          ready = await waitReady(page)
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
        } finally {
          buf = await env.browser.stopTracing()
          env.tracing = false
        }
        const events = JSON.parse(buf.toString('utf8'))
        startup = traceStartup(Array.isArray(events) ? events : events.traceEvents, (u) => u.endsWith('/candor.js'))
        if (startup.script === undefined) throw new Error('no EvaluateScript event for candor.js in the trace of the returning visit')
      } else await page.goto(url(env, path))
      const r = await page.evaluate(reorderInPage, { box: RANKED_BOX, keep: RANKED.keep, changes: REORDER_CHANGES, candor })
      if (r.children != RANKED.n) throw new Error(`${r.children} children, not ${RANKED.n}`)
      const b = await bench(page)
      const of = (k) => r.runs.map((x) => x[k]).sort((a, b) => a - b)
      const med = (k) => {
        const s = of(k)
        const m = s.length >> 1
        return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
      }
      const during = r.longtasks.filter(([t]) => t >= r.start).map(([, d]) => d)
      const before = r.longtasks.filter(([t]) => t < r.start).map(([, d]) => d)
      return {
        ready: candor ? ready - b.t0 : undefined,
        startupState: candor ? b.stateOn[RANKED_BOX] - b.t0 : undefined,
        startupScript: startup.script,
        startupTaskMax: startup.taskMax,
        reorder: med('reorder'),
        reorderMax: of('reorder').at(-1),
        call: med('call'),
        layout: med('layout'),
        layoutMax: of('layout').at(-1),
        longtasks: during.length,
        longtaskMax: Math.max(0, ...during),
        longtasksLoad: before.length,
        longtaskMaxLoad: Math.max(0, ...before),
      }
    })
}

// ---- the list -----------------------------------------------------------------------------------------

/** Every unit, in the order of a round. `group` names the report section. */
export function units(site) {
  const isCandor = (u) => /\/candor[^/]*\.js$/.test(u)
  // needs: what makeSite must have made (site.problems says why it could not).
  const list = [
    { id: 'startup:candor', needs: ['dropin'], run: startupCandor },
    { id: 'startup:raw', run: startupRaw },
    { id: 'startup:preload', needs: ['dropin'], run: startupPreload },
    { id: 'main:none', run: mainThread('none', '/none.html') },
    {
      id: 'main:floor',
      run: mainThread(
        'floor',
        '/floor-startup.html',
        undefined,
        (u) => u.endsWith('/floor-startup.js'),
        (u) => u.endsWith('/floor-startup.js'),
      ),
    },
    {
      id: 'main:candor',
      needs: ['dropin'],
      run: mainThread(
        'candor',
        '/candor.html',
        LAUNCHER,
        (u) => isCandor(u) || u.endsWith('/candor.html'),
        (u) => u.endsWith('/candor.js'),
      ),
    },
  ]
  for (const p of site.peers) {
    const m = (u) => u.includes(`/peers/${p.key}/`) || u.endsWith(`/peer-${p.key}.html`)
    list.push({
      id: `main:${p.key}`,
      needs: ['peer:' + p.key],
      run: mainThread(p.key, `/peer-${p.key}.html`, p.banner, m, (u) => u.includes(`/peers/${p.key}/`) && u.endsWith('.js')),
    })
  }
  list.push({ id: 'panel:floor', run: panelFloor })
  for (const n of CATALOG_SIZES) {
    list.push({ id: `panel:lazy:${n}`, needs: ['dropin', 'hostOpener'], run: panelLazy(n) })
    list.push({ id: `panel:hover:${n}`, needs: ['dropin'], run: panelHover(n) })
  }
  list.push({ id: 'micro', needs: ['dropin', 'benchLib'], run: micro })
  list.push({ id: 'scale', needs: ['dropin', 'benchLib'], run: scale })
  list.push({ id: `reorder:candor:${RANKED.n}`, needs: ['dropin'], run: reorder(true) })
  list.push({ id: `reorder:floor:${RANKED.n}`, run: reorder(false) })
  list.push({ id: 'ui:candor', needs: ['dropin'], run: peerUi({ path: '/candor.html', banner: LAUNCHER, opener: LAUNCHER, modal: DIALOG }) })
  for (const p of site.peers) list.push({ id: `ui:${p.key}`, needs: ['peer:' + p.key], run: peerUi({ ...p, path: `/peer-${p.key}.html` }) })
  return list
}

/** How long a page view without intent is watched for requests after the UI is up (the e2e bytes test waits as long). */
export const QUIET_MS = 2000

/**
 * Once, before the rounds: which files a visitor actually fetches. "before": a page view without
 * intent (load, the UI up, then `QUIET_MS` without any input); "after": what opening the preferences
 * fetches in addition (Candor: the pointer rests on the launcher, then clicks, on the demo page).
 */
export async function probeDownloads(env, site) {
  const fetched = async (path, watch, act) =>
    inContext(env, { watch }, async (page) => {
      const seen = []
      page.on('request', (r) => seen.push(new URL(r.url()).pathname))
      await page.goto(url(env, path))
      await page.waitForLoadState('load')
      await act(page, 'before')
      const at = seen.length
      await act(page, 'after')
      return { before: seen.slice(0, at), after: seen.slice(at) }
    })
  const candor = site.problems.dropin
    ? undefined
    : await fetched('/candor.html', [LAUNCHER], async (page, phase) => {
        if (phase == 'before') {
          await waitReady(page)
          await waitSettled(page, LAUNCHER)
          return page.waitForTimeout(QUIET_MS)
        }
        await clickOpen(page, LAUNCHER, DIALOG, undefined, { rest: HOVER_MS })
        await page.waitForTimeout(1000)
      })
  const peers = {}
  for (const p of site.peers.filter((x) => !site.problems['peer:' + x.key]))
    peers[p.key] = await fetched(`/peer-${p.key}.html`, [], async (page, phase) => {
      if (phase == 'before') return page.waitForSelector(p.banner, { state: 'visible' }).then(() => page.waitForTimeout(QUIET_MS))
      await page.locator(p.opener).click()
      await page.waitForSelector(p.modal, { state: 'visible' })
      await page.waitForTimeout(1000)
    })
  return { candor, peers }
}
