#!/usr/bin/env node
// Finds (and, when run as a script, if need be installs) a Firefox for Playwright's WebDriver BiDi
// driver (`channel: 'moz-firefox'` with `executablePath`). Firefox is optional: without one, the
// Playwright config simply leaves out its Firefox projects and the Chromium ones still run.
//
// Order of preference:
//   1. $FIREFOX_PATH, when set and executable;
//   2. `firefox-esr` / `firefox` on $PATH, then /usr/bin/firefox-esr, /usr/lib/firefox-esr/firefox-esr;
//   3. (script only) as root with apt-get: `apt-get update && apt-get install -y firefox-esr`.
//
// E2E_FIREFOX=0 turns Firefox off: the finder returns `undefined` and the script does nothing.
//
// `findFirefox()` only looks (it never installs), so the Playwright config can import it.

import { resolve } from 'node:path'
import { aptInstall, canInstallWithApt, describe, isExecutable, packageManagersRunning, waitForPackageManagers, which } from './debian.mjs'
import { fileURLToPath } from 'node:url'

/** `true` when E2E_FIREFOX says to leave Firefox out. */
export function firefoxDisabled() {
  return /^(0|false|no|off)$/i.test(process.env.E2E_FIREFOX ?? '')
}

/**
 * The path of a system Firefox, or `undefined` when there is none (or E2E_FIREFOX=0).
 * Never installs anything.
 * @param {{ quiet?: boolean }} [options]
 * @returns {string | undefined}
 */
export function findFirefoxSync({ quiet = true } = {}) {
  if (firefoxDisabled()) return undefined
  const fromEnv = process.env.FIREFOX_PATH
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    if (!quiet) console.warn(`[ensure-firefox] FIREFOX_PATH=${fromEnv} is not an executable file; ignoring it`)
  }
  for (const name of ['firefox-esr', 'firefox']) {
    const found = which(name)
    if (found) return found
  }
  for (const file of ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr']) if (isExecutable(file)) return file
  return undefined
}

/**
 * The path of a system Firefox, or `undefined`. Never installs anything: safe to call from a Playwright config.
 * @returns {Promise<string | undefined>}
 */
export async function findFirefox() {
  return findFirefoxSync()
}

/**
 * Finds a Firefox, installing Debian's firefox-esr with apt if needed and possible.
 * Never fails the run: without Firefox, the Firefox projects are skipped with a message.
 * @returns {Promise<string | undefined>}
 */
export async function ensureFirefox() {
  if (firefoxDisabled()) {
    console.log('[ensure-firefox] E2E_FIREFOX is off: the Firefox projects are skipped')
    return undefined
  }
  let found = findFirefoxSync({ quiet: false })

  if (!found && packageManagersRunning().length > 0) {
    if (!(await waitForPackageManagers('ensure-firefox'))) console.error('[ensure-firefox] gave up waiting for the running apt/dpkg to finish')
    found = findFirefoxSync()
  }

  if (!found && canInstallWithApt()) {
    console.log('[ensure-firefox] no system Firefox found; installing firefox-esr with apt-get')
    await aptInstall('ensure-firefox', 'firefox-esr')
    found = findFirefoxSync()
  }

  if (found) {
    console.log(`[ensure-firefox] using system Firefox: ${describe(found)}`)
    return found
  }
  console.log(
    '[ensure-firefox] no Firefox found and none could be installed: the Firefox e2e projects are skipped ' +
      '(set FIREFOX_PATH, or install the `firefox-esr` package, to run them)',
  )
  return undefined
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureFirefox()
}
