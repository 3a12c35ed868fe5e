#!/usr/bin/env node
// The WebKit smoke journey: @candor/core in Debian's WebKitGTK (MiniBrowser), driven over WebDriver
// classic by WebKitWebDriver, through selenium-webdriver. Playwright's WebKit build can't be
// downloaded here, so this is a tiny runner of its own:
//
//   node e2e/webkit/smoke.mjs            (after node scripts/ensure-webkit.mjs; or `pnpm --filter @candor/e2e test:webkit`)
//
// It starts the e2e server (`node e2e/server.mjs --port 4601`, or reuses the one on $WEBKIT_PORT),
// Xvfb on a free display (MiniBrowser for GTK 3 has no headless mode), and WebKitWebDriver on a free
// port; runs the journey with node:assert, one ✓ line a step; exits non-zero on a failure; and always
// stops what it started. Every wait is bounded, and the whole run by WEBKIT_TIMEOUT_MS (default 90 s).
//
// The journey: boot the page (the core loads, `ready` resolves, storage is IndexedDB) → declare a
// value → reload: the value is back, from IndexedDB → clear() → reload: it's gone → no uncaught
// error or unhandled rejection in any of the page loads (pages/webkit-smoke.html records them).
//
// Without WebKit (not installed and not installable: not root, or no apt-get), it says so and exits 0;
// in CI (CI=true) as root with apt-get, that is a failure instead. E2E_WEBKIT=0 turns it off.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Builder } from 'selenium-webdriver'
import { findWebKitSync, webkitDisabled, webkitRequired } from '../../scripts/ensure-webkit.mjs'
import { freePort } from '../../scripts/free-port.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const TAG = 'webkit-smoke'
const DEFAULT_PORT = 4601
const TOTAL_MS = Number(process.env.WEBKIT_TIMEOUT_MS) || 90_000
const started = Date.now()

const log = (/** @type {string} */ message) => console.log(`[${TAG}] ${message}`)
const sleep = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms))

/** Rejects with a clear message when `promise` takes longer than `ms`. */
function within(/** @type {number} */ ms, /** @type {string} */ what, /** @type {Promise<any>} */ promise) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

// ---- processes ------------------------------------------------------------------------------------

/** @type {Array<{ name: string, child: import('node:child_process').ChildProcess }>} */
const children = []
/** @type {import('selenium-webdriver').WebDriver | undefined} */
let driver

/** Starts a process in its own process group (so its own children, e.g. MiniBrowser, stop with it). */
function start(/** @type {string} */ name, /** @type {string} */ cmd, /** @type {string[]} */ args, options = {}) {
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options })
  children.push({ name, child })
  /** @type {string[]} */
  const output = []
  const keep = (/** @type {Buffer} */ chunk) => {
    output.push(String(chunk))
    if (output.length > 200) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  child.on('error', (error) => output.push(`could not start ${cmd}: ${error.message}\n`))
  return { child, output }
}

function alive(/** @type {import('node:child_process').ChildProcess} */ child) {
  return child.exitCode === null && child.signalCode === null
}

function signalGroup(/** @type {import('node:child_process').ChildProcess} */ child, /** @type {NodeJS.Signals} */ signal) {
  if (!child.pid) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // gone
    }
  }
}

let cleaningUp
/** Ends the session and every process this run started (by process group), bounded. */
function cleanup() {
  cleaningUp ??= (async () => {
    if (driver) {
      const session = driver
      driver = undefined
      await within(5_000, 'closing the WebDriver session', session.quit()).catch((error) => log(`closing the session: ${error.message}`))
    }
    // Newest first: the driver (and its MiniBrowser), then Xvfb, then the server.
    for (const { child } of [...children].reverse()) if (alive(child)) signalGroup(child, 'SIGTERM')
    const deadline = Date.now() + 3_000
    while (children.some(({ child }) => alive(child)) && Date.now() < deadline) await sleep(50)
    for (const { name, child } of children) {
      if (alive(child)) {
        log(`${name} (pid ${child.pid}) ignored SIGTERM; killing it`)
        signalGroup(child, 'SIGKILL')
      }
    }
  })()
  return cleaningUp
}

/** Polls `check` until it returns something truthy, for at most `ms`. */
async function poll(/** @type {number} */ ms, /** @type {string} */ what, /** @type {() => Promise<any>} */ check) {
  const deadline = Date.now() + ms
  let last
  while (Date.now() < deadline) {
    try {
      const result = await check()
      if (result) return result
    } catch (error) {
      last = error
    }
    await sleep(100)
  }
  throw new Error(`timed out after ${ms} ms: ${what}${last ? ` (last error: ${last.message})` : ''}`)
}

async function get(/** @type {string} */ url, timeoutMs = 2_000) {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
  return { status: response.status, text: await response.text() }
}

/** The e2e server: the one on $WEBKIT_PORT, or a new one on 4601 (or a free port when 4601 is taken). */
async function startServer() {
  if (process.env.WEBKIT_PORT) {
    const port = Number(process.env.WEBKIT_PORT)
    const health = await get(`http://127.0.0.1:${port}/healthz`).catch((error) => ({ status: 0, text: error.message }))
    if (health.text !== 'candor-e2e ok\n') throw new Error(`WEBKIT_PORT=${port}: no e2e server answers there (${health.status} ${health.text.trim()})`)
    log(`reusing the e2e server on port ${port} (WEBKIT_PORT)`)
    return port
  }
  for (const port of [DEFAULT_PORT, await freePort()]) {
    const { child, output } = start('e2e server', process.execPath, [join(root, 'e2e', 'server.mjs'), '--port', String(port)], { cwd: root })
    // Wait for this server's own "serving" line: another server on the port would answer /healthz too.
    const up = await poll(15_000, `the e2e server to listen on ${port}`, async () => {
      if (!alive(child)) return 'exited'
      return output.join('').includes(`:${port}/`) ? 'up' : undefined
    })
    if (up === 'up') {
      log(`started the e2e server on port ${port} (pid ${child.pid})`)
      return port
    }
    log(`the e2e server could not listen on ${port}: ${output.join('').trim()}`)
  }
  throw new Error('could not start the e2e server')
}

/** Xvfb on a free display (it picks one and writes its number to fd 3). */
async function startXvfb(/** @type {string} */ xvfb) {
  const { child, output } = start('Xvfb', xvfb, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x800x24'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  })
  let written = ''
  child.stdio[3]?.on('data', (chunk) => (written += String(chunk)))
  const display = await poll(10_000, 'Xvfb to pick a display', async () => {
    if (!alive(child)) throw new Error(`Xvfb exited: ${output.join('').trim()}`)
    return /^\d+\n/.test(written) ? `:${written.trim()}` : undefined
  })
  log(`started Xvfb on display ${display} (pid ${child.pid})`)
  return display
}

/** WebKitWebDriver on a free port, once its /status says it is ready. */
async function startDriver(/** @type {string} */ file, /** @type {string} */ display) {
  const port = await freePort()
  const { child, output } = start('WebKitWebDriver', file, [`--port=${port}`], { env: { ...process.env, DISPLAY: display } })
  await poll(10_000, `WebKitWebDriver to answer on port ${port}`, async () => {
    if (!alive(child)) throw new Error(`WebKitWebDriver exited: ${output.join('').trim()}`)
    const { status, text } = await get(`http://127.0.0.1:${port}/status`, 1_000)
    return status === 200 && JSON.parse(text).value?.ready === true
  })
  log(`started WebKitWebDriver on port ${port} (pid ${child.pid})`)
  return { url: `http://127.0.0.1:${port}`, output }
}

// ---- the page -------------------------------------------------------------------------------------

/** The catalog of the docs' example site, shared with the Playwright suites. */
const catalog = JSON.parse(readFileSync(new URL('../pages/catalog.json', import.meta.url), 'utf8'))
const DB = `candor:${catalog.site}`

/**
 * Runs `fn(...args)` (an async function, serialised: it must not close over anything) in the page and
 * resolves with its JSON result; an exception in the page rejects here with the page's stack.
 */
async function inPage(/** @type {(...args: any[]) => Promise<any>} */ fn, /** @type {any[]} */ ...args) {
  assert.ok(driver, 'no WebDriver session')
  const script = `
    const done = arguments[arguments.length - 1];
    Promise.resolve()
      .then(() => (${fn.toString()}).apply(null, ${JSON.stringify(args)}))
      .then((value) => done({ ok: true, json: JSON.stringify(value === undefined ? null : value) }),
            (error) => done({ ok: false, error: String((error && error.stack) || error) }));`
  const result = await within(25_000, 'a script in the page', driver.executeAsyncScript(script))
  if (!result?.ok) throw new Error(`in the page: ${result?.error ?? JSON.stringify(result)}`)
  return JSON.parse(result.json)
}

/** Waits for pages/webkit-smoke.html to have loaded /core.js (or to say why it couldn't). */
async function waitForHarness() {
  const state = await inPage(async () => {
    const deadline = Date.now() + 15_000
    const w = /** @type {any} */ (window)
    while (w.harnessReady !== true && typeof w.harnessError !== 'string' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    return { ready: w.harnessReady === true, error: w.harnessError ?? null }
  })
  assert.equal(state.error, null, 'the page could not load /core.js')
  assert.equal(state.ready, true, 'the page did not load /core.js within 15 s')
}

/** Creates `window.candor` and waits (at most 15 s) for `ready`; returns what a visitor would see. */
function createCandor() {
  return inPage(async (catalog) => {
    const w = /** @type {any} */ (window)
    const begun = performance.now()
    const candor = w.CandorCore.createCandor({ catalog })
    w.candor = candor
    const status = await Promise.race([
      candor.ready.then(
        (value) => (value === candor ? 'resolved' : 'resolved-with-something-else'),
        (error) => `rejected: ${String(error?.stack ?? error)}`,
      ),
      new Promise((done) => setTimeout(() => done('still pending after 15 s'), 15_000)),
    ])
    return { status, ms: Math.round(performance.now() - begun) }
  }, catalog)
}

/** A JSON view of `window.candor`, as a visitor would see it. */
function snapshot() {
  return inPage(async () => {
    const c = /** @type {any} */ (window).candor
    return {
      storage: c.storage,
      level: c.level,
      problems: [...c.problems],
      history: c.history.map((/** @type {any} */ entry) => entry.action),
      topics: c.get('topics') ?? null,
      storedTopics: c.explain('topics').value ?? null,
    }
  })
}

/** The records in the core's IndexedDB database, read with the raw API, or `null` when there is no such database. */
function dump() {
  return inPage(async (name) => {
    const names = (await indexedDB.databases()).map((info) => info.name)
    if (!names.includes(name)) return null
    /** @type {IDBDatabase} */
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      if (!db.objectStoreNames.contains('prefs')) return {}
      const store = db.transaction('prefs').objectStore('prefs')
      const [keys, values] = await Promise.all(
        [store.getAllKeys(), store.getAll()].map(
          (request) =>
            new Promise((resolve, reject) => {
              request.onsuccess = () => resolve(request.result)
              request.onerror = () => reject(request.error)
            }),
        ),
      )
      return Object.fromEntries(keys.map((key, i) => [String(key), values[i]]))
    } finally {
      db.close()
    }
  }, DB)
}

/** Reloads the page, making sure a new document replaced the old one, and waits for /core.js. */
async function reload() {
  await inPage(async () => {
    /** @type {any} */
    window.__beforeReload = true
  })
  await within(25_000, 'reloading', driver.navigate().refresh())
  await waitForHarness()
  const fresh = await inPage(async () => /** @type {any} */ (window).__beforeReload === undefined)
  assert.equal(fresh, true, 'the page was not reloaded')
}

/** Uncaught errors and unhandled rejections seen in every page load so far. */
const pageErrors = []
/** Reads (and empties) what the page recorded; called before each reload and at the end. */
async function collectErrors(/** @type {string} */ when) {
  const errors = await inPage(async () => {
    const w = /** @type {any} */ (window)
    const seen = Array.isArray(w.__candorErrors) ? w.__candorErrors.splice(0) : ['window.__candorErrors is missing: not pages/webkit-smoke.html?']
    return seen
  })
  for (const error of errors) pageErrors.push(`${when}: ${error}`)
}

// ---- the runner -----------------------------------------------------------------------------------

let passed = 0
let failed = 0
/** Set when the run has failed or timed out: a step still in flight then is not counted. */
let stopped = false
async function step(/** @type {string} */ name, /** @type {() => Promise<string | void>} */ fn) {
  const begun = Date.now()
  try {
    const note = await fn()
    if (stopped) return
    passed++
    console.log(`  ✓ ${name} (${Date.now() - begun} ms)${note ? `: ${note}` : ''}`)
  } catch (error) {
    if (stopped) throw error
    failed++
    console.log(`  ✗ ${name} (${Date.now() - begun} ms)`)
    throw error
  }
}

async function journey(/** @type {import('../../scripts/ensure-webkit.mjs').WebKit} */ webkit) {
  const port = await startServer()
  const base = `http://127.0.0.1:${port}`
  // Build the core bundle before the browser asks for it (the first build takes a moment).
  const bundle = await within(30_000, 'building /core.js', get(`${base}/core.js`, 30_000))
  assert.equal(bundle.status, 200, `/core.js: ${bundle.text.slice(0, 500)}`)

  const display = webkit.xvfb ? await startXvfb(webkit.xvfb) : /** @type {string} */ (process.env.DISPLAY)
  const { url, output: driverOutput } = await startDriver(webkit.driver, display)

  try {
    driver = await within(
      30_000,
      'a new WebDriver session (MiniBrowser starting)',
      new Builder()
        .disableEnvironmentOverrides()
        .usingServer(url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: webkit.browser, args: ['--automation'] },
        })
        .build(),
    )
  } catch (error) {
    // WebKitWebDriver waits for ever for a browser that fails to start: this bound is what ends that.
    throw new Error(`${error.message}\nWebKitWebDriver said: ${driverOutput.join('').trim() || '(nothing)'}`)
  }
  await driver.manage().setTimeouts({ script: 20_000, pageLoad: 20_000, implicit: 0 })
  const caps = await driver.getCapabilities()
  log(`session: ${caps.getBrowserName()} ${caps.getBrowserVersion()} on ${caps.getPlatform()} (DISPLAY=${display})`)

  const page = `${base}/webkit-smoke.html`
  const value = ['science']

  console.log(`${TAG}: Candor core in WebKitGTK`)
  await step('boot: the core loads, ready resolves, storage is IndexedDB', async () => {
    await within(25_000, `loading ${page}`, driver.get(page))
    await waitForHarness()
    const ready = await createCandor()
    assert.equal(ready.status, 'resolved', 'candor.ready')
    const now = await snapshot()
    assert.deepEqual(now.storage, { kind: 'indexeddb' }, `storage (problems: ${JSON.stringify(now.problems)})`)
    assert.equal(now.topics, null, 'a fresh browser profile has no value yet')
    const ua = await inPage(async () => navigator.userAgent)
    return `ready in ${ready.ms} ms, storage ${JSON.stringify(now.storage)}, level ${now.level}; ${ua}`
  })

  await step('declare: set("topics", ["science"])', async () => {
    await inPage(async (value) => {
      await /** @type {any} */ (window).candor.set('topics', value)
    }, value)
    const now = await snapshot()
    assert.deepEqual(now.topics, value, 'get("topics") right after set()')
    assert.deepEqual(now.history, ['set'])
  })

  await step('declare in context: toggle("topics", "sports") keeps the page, and its undo puts back what was there', async () => {
    const pages = await inPage(async () => {
      const c = /** @type {any} */ (window).candor
      const undo = await c.toggle('topics', 'sports', { page: '/science/mars-rover' })
      const during = c.get('topics')
      await undo()
      return { during, page: c.history.at(-2).page }
    })
    assert.deepEqual(pages.during, ['sports', 'science'], 'get("topics") after the toggle')
    assert.equal(pages.page, '/science/mars-rover', "the toggle's history entry keeps its page")
    const now = await snapshot()
    assert.deepEqual(now.topics, value, 'get("topics") after the undo')
    assert.deepEqual(now.history, ['set', 'set', 'set'])
  })

  await step('reload: the value is back, from IndexedDB', async () => {
    await collectErrors('first load')
    await reload()
    const ready = await createCandor()
    assert.equal(ready.status, 'resolved', 'candor.ready after the reload')
    const now = await snapshot()
    assert.deepEqual(now.storage, { kind: 'indexeddb' }, `storage after the reload (problems: ${JSON.stringify(now.problems)})`)
    assert.deepEqual(now.topics, value, 'get("topics") after the reload')
    assert.deepEqual(now.storedTopics, value, 'explain("topics").value after the reload')
    assert.deepEqual(now.history, ['set', 'set', 'set'], 'history after the reload')
    assert.deepEqual(now.problems, [])
    // Straight from the database, not from anything the page kept.
    const records = await dump()
    assert.ok(records, `the database ${DB} exists`)
    assert.deepEqual(records['s:topics']?.value, value, `the stored record s:topics: ${JSON.stringify(records['s:topics'])}`)
    return `ready in ${ready.ms} ms; IndexedDB records: ${Object.keys(records).sort().join(', ')}`
  })

  await step('erase: clear()', async () => {
    await inPage(async () => {
      await /** @type {any} */ (window).candor.clear()
    })
    const now = await snapshot()
    assert.equal(now.topics, null, 'get("topics") after clear()')
    assert.equal(now.storedTopics, null, 'explain("topics").value after clear()')
    assert.deepEqual(now.history, [], 'history after clear()')
  })

  await step('reload: it is gone', async () => {
    await collectErrors('second load')
    await reload()
    const ready = await createCandor()
    assert.equal(ready.status, 'resolved', 'candor.ready after the reload')
    const now = await snapshot()
    assert.deepEqual(now.storage, { kind: 'indexeddb' }, `storage after the reload (problems: ${JSON.stringify(now.problems)})`)
    assert.equal(now.topics, null, 'get("topics") after clear() and a reload')
    assert.equal(now.storedTopics, null, 'explain("topics").value after clear() and a reload')
    assert.deepEqual(now.history, [], 'history after clear() and a reload')
    const records = await dump()
    const left = Object.entries(records ?? {}).filter(([key, record]) => key !== 'meta' && !(key === 'history' && Array.isArray(record) && record.length === 0))
    assert.deepEqual(left, [], 'records left in the database')
    return `IndexedDB records: ${records ? Object.keys(records).sort().join(', ') || '(none)' : '(no database)'}`
  })

  await step('no uncaught errors or unhandled rejections in the page', async () => {
    await collectErrors('third load')
    assert.deepEqual(pageErrors, [], 'uncaught errors / unhandled rejections')
  })
}

async function main() {
  if (webkitDisabled()) {
    log('E2E_WEBKIT is off: skipped')
    return 0
  }
  const { webkit, missing } = findWebKitSync({ quiet: false })
  if (!webkit) {
    if (webkitRequired()) {
      console.error(`[${TAG}] FAILED: in CI, as root with apt-get, yet missing ${missing.join(', ')} (run node scripts/ensure-webkit.mjs first)`)
      return 1
    }
    log(`SKIPPED: missing ${missing.join(', ')} (node scripts/ensure-webkit.mjs installs them as root with apt-get)`)
    return 0
  }

  let code = 0
  const overall = new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`the whole run took longer than ${TOTAL_MS} ms`)), TOTAL_MS - (Date.now() - started))
    timer.unref()
  })
  try {
    await Promise.race([journey(webkit), overall])
  } catch (error) {
    code = 1
    stopped = true
    // A failure outside the steps (starting a process, the session, the overall timeout) counts as one.
    if (failed === 0) failed = 1
    console.error(`\n[${TAG}] FAILED: ${error?.stack ?? error}`)
    if (pageErrors.length > 0) console.error(`[${TAG}] errors seen in the page:\n  ${pageErrors.join('\n  ')}`)
  } finally {
    await cleanup()
  }
  console.log(`webkit: ${passed} passed, ${failed} failed`)
  log(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return code
}

// Last resort, whatever ends this process (an uncaught error, a closed stdout): no process it started outlives it.
process.on('exit', () => {
  for (const { child } of children) if (alive(child)) signalGroup(child, 'SIGKILL')
})
// A reader that goes away (`| head`) must not kill the run before its cleanup.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})
for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    log(`${signal}: stopping`)
    void cleanup().finally(() => process.exit(130))
  })
}

// Exit at once: a request to a hung browser must not keep the process alive after the cleanup.
process.exit(await main())
