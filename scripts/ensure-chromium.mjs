#!/usr/bin/env node
// Finds (and, when run as a script, if need be installs) a Chromium for Playwright.
//
// Order of preference:
//   1. $CHROMIUM_PATH, when set and executable;
//   2. `chromium` / `chromium-browser` on $PATH, then /usr/bin/chromium;
//   3. (script only) as root with apt-get: `apt-get update && apt-get install -y chromium`;
//   4. Playwright's own downloaded browser, if one exists.
//
// `findChromium()` only looks (it never installs), so the Playwright config can import it.
// It returns the path of a system Chromium, or `undefined` to let Playwright use its own browser.

import { spawn, spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** @param {string | undefined} file */
function isExecutable(file) {
  if (!file) return false
  try {
    if (!statSync(file).isFile()) return false
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Like `command -v name`: the first executable `name` on $PATH. */
function which(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const file = join(dir, name)
    if (isExecutable(file)) return file
  }
  return undefined
}

/**
 * The path of a system Chromium, or `undefined` when there is none.
 * Never installs anything.
 * @param {{ quiet?: boolean }} [options]
 * @returns {string | undefined}
 */
export function findChromiumSync({ quiet = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    if (!quiet) console.warn(`[ensure-chromium] CHROMIUM_PATH=${fromEnv} is not an executable file; ignoring it`)
  }
  for (const name of ['chromium', 'chromium-browser']) {
    const found = which(name)
    if (found) return found
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined
}

/**
 * The path of a system Chromium, or `undefined` (Playwright then uses its own browser).
 * Never installs anything: safe to call from a Playwright config.
 * @returns {Promise<string | undefined>}
 */
export async function findChromium() {
  return findChromiumSync()
}

/**
 * Playwright's own downloaded Chromium (or headless shell), if one exists on disk.
 * @returns {Promise<string | undefined>}
 */
export async function findPlaywrightChromium() {
  const candidates = []
  try {
    // @playwright/test lives in e2e/; follow it to playwright-core, which knows the browser paths.
    const fromE2e = createRequire(join(root, 'e2e', 'package.json'))
    const fromTest = createRequire(fromE2e.resolve('@playwright/test/package.json'))
    const fromPlaywright = createRequire(fromTest.resolve('playwright/package.json'))
    const core = await import(pathToFileURL(fromPlaywright.resolve('playwright-core')).href)
    const chromium = core.chromium ?? core.default?.chromium
    candidates.push(chromium.executablePath())
  } catch {
    // not installed, or no browser known for this platform
  }
  // Headless mode uses the separate headless shell when there is one.
  const cacheDir =
    process.env.PLAYWRIGHT_BROWSERS_PATH && process.env.PLAYWRIGHT_BROWSERS_PATH !== '0'
      ? process.env.PLAYWRIGHT_BROWSERS_PATH
      : join(process.env.HOME ?? '', '.cache', 'ms-playwright')
  try {
    for (const dir of readdirSync(cacheDir)) {
      if (!/^chromium(_headless_shell)?-\d+$/.test(dir)) continue
      for (const sub of ['chrome-linux', 'chrome-headless-shell-linux64', 'chrome-linux64']) {
        for (const exe of ['chrome', 'headless_shell', 'chrome-headless-shell']) {
          candidates.push(join(cacheDir, dir, sub, exe))
        }
      }
    }
  } catch {
    // no cache dir
  }
  return candidates.find((file) => isExecutable(file))
}

function sleep(/** @type {number} */ ms) {
  return new Promise((done) => setTimeout(done, ms))
}

/** Names of running apt/dpkg processes (another install holds the dpkg lock). */
function packageManagersRunning() {
  const names = []
  let pids = []
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))
  } catch {
    return names
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
      if (/^(apt|apt-get|aptitude|dpkg|unattended-upgr)/.test(comm)) names.push(`${comm}(${pid})`)
    } catch {
      // gone
    }
  }
  return names
}

/** Waits (up to `timeoutMs`) for running apt/dpkg processes to finish. */
async function waitForPackageManagers(timeoutMs = 20 * 60_000) {
  const start = Date.now()
  let said = 0
  for (;;) {
    const running = packageManagersRunning()
    if (running.length === 0) return true
    const elapsed = Date.now() - start
    if (elapsed > timeoutMs) return false
    if (elapsed - said >= 15_000 || said === 0) {
      said = elapsed || 1
      const log = existsSync('/tmp/apt-chromium.log') ? ' (see /tmp/apt-chromium.log)' : ''
      console.log(`[ensure-chromium] waiting for a running package install to finish: ${running.join(', ')}${log}`)
    }
    await sleep(2_000)
  }
}

/** Runs a command with its output streamed; resolves with the exit code. */
function run(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  console.log(`[ensure-chromium] $ ${cmd} ${args.join(' ')}`)
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    child.on('error', (error) => {
      console.error(`[ensure-chromium] could not run ${cmd}: ${error.message}`)
      done(127)
    })
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)))
  })
}

function canInstallWithApt() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && Boolean(which('apt-get'))
}

function describe(/** @type {string} */ file) {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 20_000 })
  const version = (result.stdout ?? '').trim().split('\n').pop()
  return version ? `${file} (${version})` : file
}

/**
 * Finds a Chromium, installing one with apt if needed and possible.
 * Exits the process with a clear message when there is none at all.
 */
export async function ensureChromium() {
  let found = findChromiumSync({ quiet: false })

  if (!found && packageManagersRunning().length > 0) {
    // Probably an install of chromium already under way: wait for it rather than fight the dpkg lock.
    if (!(await waitForPackageManagers())) {
      console.error('[ensure-chromium] gave up waiting for the running apt/dpkg to finish')
    }
    found = findChromiumSync()
  }

  if (!found && canInstallWithApt()) {
    console.log('[ensure-chromium] no system Chromium found; installing it with apt-get')
    const lockWait = ['-o', 'DPkg::Lock::Timeout=600']
    const updated = await run('apt-get', [...lockWait, 'update'])
    if (updated !== 0) {
      console.error(`[ensure-chromium] apt-get update failed (exit ${updated})`)
      process.exit(1)
    }
    const installed = await run('apt-get', [...lockWait, 'install', '-y', 'chromium'])
    if (installed !== 0) {
      console.error(`[ensure-chromium] apt-get install -y chromium failed (exit ${installed})`)
      process.exit(1)
    }
    found = findChromiumSync()
    if (!found) {
      console.error('[ensure-chromium] apt-get installed chromium, yet no chromium binary is on PATH or at /usr/bin/chromium')
      process.exit(1)
    }
  }

  if (found) {
    console.log(`[ensure-chromium] using system Chromium: ${describe(found)}`)
    return found
  }

  const own = await findPlaywrightChromium()
  if (own) {
    console.log(`[ensure-chromium] no system Chromium; falling back to Playwright's own browser: ${own}`)
    return own
  }

  console.error(
    '[ensure-chromium] no Chromium found: set CHROMIUM_PATH, install the `chromium` package, ' +
      'or run `npx playwright install chromium` where downloads are possible',
  )
  process.exit(1)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureChromium()
}
