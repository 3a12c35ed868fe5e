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

import { readdirSync } from 'node:fs'
import { aptInstall, canInstallWithApt, describe, isExecutable, packageManagersRunning, waitForPackageManagers, which } from './debian.mjs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The path of a system Chromium, or `undefined` when there is none.
 * Never installs anything.
 * @param {{ quiet?: boolean }} [options]
 * @returns {string | undefined}
 */
/** How the tests and the benchmark launch Chromium: headless here, quiet, nothing fetched from outside. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

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

/**
 * Finds a Chromium, installing one with apt if needed and possible.
 * Exits the process with a clear message when there is none at all.
 */
export async function ensureChromium() {
  let found = findChromiumSync({ quiet: false })

  if (!found && packageManagersRunning().length > 0) {
    // Probably an install of chromium already under way: wait for it rather than fight the dpkg lock.
    if (!(await waitForPackageManagers('ensure-chromium'))) {
      console.error('[ensure-chromium] gave up waiting for the running apt/dpkg to finish')
    }
    found = findChromiumSync()
  }

  if (!found && canInstallWithApt()) {
    console.log('[ensure-chromium] no system Chromium found; installing it with apt-get')
    if ((await aptInstall('ensure-chromium', 'chromium')) !== 0) process.exit(1)
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
