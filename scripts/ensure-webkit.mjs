#!/usr/bin/env node
// Finds (and, when run as a script, if need be installs) what the WebKit smoke journey
// (e2e/webkit/smoke.mjs) needs: Debian's WebKitGTK WebDriver, the MiniBrowser it drives, and Xvfb.
//
//   WebKitWebDriver  package webkit2gtk-driver, /usr/bin/WebKitWebDriver
//   MiniBrowser      package libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver),
//                    /usr/lib/<triplet>/webkit2gtk-4.1/MiniBrowser; WebKitWebDriver is pointed at it
//                    with the capability `webkitgtk:browserOptions: { binary, args: ['--automation'] }`
//   Xvfb             package xvfb: the GTK 3 MiniBrowser has no headless mode (it has no --headless
//                    option and exits with "cannot open display" without one), so it needs an X display
//
// Order of preference for each: an environment variable (WEBKIT_WEBDRIVER_PATH, WEBKIT_BROWSER_PATH,
// XVFB_PATH) when set and executable, then $PATH / the usual Debian locations, then (script only, as
// root with apt-get) `apt-get install -y webkit2gtk-driver xvfb`, with `apt-get update` first when the
// package lists are missing or the install fails with the lists at hand.
//
// WebKit is optional where it cannot be had: without root or apt-get, the script says why and exits 0,
// and the journey skips itself with a message. In CI (CI=true) as root with apt-get, a failed install
// fails the script. E2E_WEBKIT=0 turns the journey off.
//
// `findWebKit()` only looks (it never installs), so the journey can import it.

import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { canInstallWithApt, isExecutable, packageManagersRunning, run, waitForPackageManagers, which } from './debian.mjs'

const TAG = 'ensure-webkit'
const PACKAGES = ['webkit2gtk-driver', 'xvfb']

/** `true` when E2E_WEBKIT says to leave WebKit out. */
export function webkitDisabled() {
  return /^(0|false|no|off)$/i.test(process.env.E2E_WEBKIT ?? '')
}

/** `true` in CI (CI=true), where WebKit must be installed and the journey must run. */
export function inCI() {
  return /^(1|true|yes)$/i.test(process.env.CI ?? '')
}

/** `true` when, as root with apt-get, the packages can be installed: then a missing WebKit is an error in CI. */
export function webkitRequired() {
  return inCI() && canInstallWithApt()
}

function fromEnv(/** @type {string} */ variable, /** @type {boolean} */ quiet) {
  const file = process.env[variable]
  if (!file) return undefined
  if (isExecutable(file)) return file
  if (!quiet) console.warn(`[${TAG}] ${variable}=${file} is not an executable file; ignoring it`)
  return undefined
}

/** MiniBrowser ships in the libwebkit2gtk package's private directory, not on $PATH. */
function findMiniBrowser() {
  const found = which('MiniBrowser')
  if (found) return found
  // 4.1 (libsoup 3) first: that is the one webkit2gtk-driver depends on.
  const apis = ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']
  const dirs = []
  for (const base of ['/usr/lib', '/usr/libexec', '/usr/lib64']) {
    dirs.push(base)
    try {
      for (const entry of readdirSync(base)) if (/-linux-gnu/.test(entry)) dirs.push(join(base, entry))
    } catch {
      // no such dir
    }
  }
  for (const api of apis) {
    for (const dir of dirs) {
      const file = join(dir, api, 'MiniBrowser')
      if (isExecutable(file)) return file
    }
  }
  return undefined
}

/**
 * @typedef {object} WebKit
 * @property {string} driver the WebKitWebDriver executable
 * @property {string} browser the MiniBrowser executable, for `webkitgtk:browserOptions.binary`
 * @property {string | undefined} xvfb the Xvfb executable (`undefined`: none, and $DISPLAY is set, so use that)
 */

/**
 * What the journey needs, or `undefined` (with `missing` saying what is not there). Never installs anything.
 * @param {{ quiet?: boolean }} [options]
 * @returns {{ webkit: WebKit | undefined, missing: string[] }}
 */
export function findWebKitSync({ quiet = true } = {}) {
  if (webkitDisabled()) return { webkit: undefined, missing: ['(E2E_WEBKIT is off)'] }
  const driver = fromEnv('WEBKIT_WEBDRIVER_PATH', quiet) ?? which('WebKitWebDriver')
  const browser = fromEnv('WEBKIT_BROWSER_PATH', quiet) ?? findMiniBrowser()
  const xvfb = fromEnv('XVFB_PATH', quiet) ?? which('Xvfb')
  const missing = []
  if (!driver) missing.push('WebKitWebDriver (package webkit2gtk-driver)')
  if (!browser) missing.push('MiniBrowser (package libwebkit2gtk-4.1-0)')
  // Without Xvfb an existing display will do.
  if (!xvfb && !process.env.DISPLAY) missing.push('Xvfb (package xvfb) or a $DISPLAY')
  if (missing.length > 0 || !driver || !browser) return { webkit: undefined, missing }
  return { webkit: { driver, browser, xvfb }, missing }
}

/**
 * What the journey needs, or `undefined` when some of it is missing. Never installs anything.
 * @returns {Promise<WebKit | undefined>}
 */
export async function findWebKit() {
  return findWebKitSync().webkit
}

/**
 * The installed version of a Debian package (e.g. "2.50.6-1~deb12u2"), or `undefined`. WebKitWebDriver has no
 * --version, and MiniBrowser's --version needs a display: the journey reports the version the session gives.
 */
export function debianVersion(/** @type {string} */ name) {
  if (!which('dpkg-query')) return undefined
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8', timeout: 10_000 })
  return result.status === 0 && result.stdout.trim() ? result.stdout.trim() : undefined
}

/** apt-get install, with apt-get update first when there are no package lists, or again after a failure. */
async function aptInstallAll(/** @type {string[]} */ names) {
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600']
  let haveLists = false
  try {
    haveLists = readdirSync('/var/lib/apt/lists').some((file) => /_Packages(\.\w+)?$/.test(file))
  } catch {
    // no lists
  }
  if (haveLists) {
    if ((await run(TAG, 'apt-get', [...lockWait, 'install', '-y', ...names])) === 0) return 0
    console.log(`[${TAG}] apt-get install failed with the package lists at hand; updating them and trying again`)
  }
  const updated = await run(TAG, 'apt-get', [...lockWait, 'update'])
  if (updated !== 0) {
    console.error(`[${TAG}] apt-get update failed (exit ${updated})`)
    return updated
  }
  const installed = await run(TAG, 'apt-get', [...lockWait, 'install', '-y', ...names])
  if (installed !== 0) console.error(`[${TAG}] apt-get install -y ${names.join(' ')} failed (exit ${installed})`)
  return installed
}

/**
 * Finds WebKit, installing it with apt if needed and possible.
 * Without it: exits 1 in CI as root with apt-get (the journey must run there); otherwise says why and
 * returns `undefined`, and the journey skips itself.
 * @returns {Promise<WebKit | undefined>}
 */
export async function ensureWebKit() {
  if (webkitDisabled()) {
    console.log(`[${TAG}] E2E_WEBKIT is off: the WebKit smoke journey is skipped`)
    return undefined
  }
  let { webkit, missing } = findWebKitSync({ quiet: false })

  if (!webkit && packageManagersRunning().length > 0) {
    if (!(await waitForPackageManagers(TAG))) console.error(`[${TAG}] gave up waiting for the running apt/dpkg to finish`)
    ;({ webkit, missing } = findWebKitSync())
  }

  if (!webkit && canInstallWithApt()) {
    console.log(`[${TAG}] missing: ${missing.join(', ')}; installing ${PACKAGES.join(' ')} with apt-get`)
    const code = await aptInstallAll(PACKAGES)
    ;({ webkit, missing } = findWebKitSync())
    if (!webkit) {
      console.error(`[${TAG}] ${code === 0 ? 'apt-get installed the packages, yet still' : 'apt-get failed;'} missing: ${missing.join(', ')}`)
      if (webkitRequired()) process.exit(1)
    }
  }

  if (webkit) {
    const driverVersion = debianVersion('webkit2gtk-driver')
    const libVersion = debianVersion('libwebkit2gtk-4.1-0')
    console.log(
      `[${TAG}] using ${webkit.driver}${driverVersion ? ` (webkit2gtk-driver ${driverVersion})` : ''}, ` +
        `${webkit.browser}${libVersion ? ` (libwebkit2gtk-4.1-0 ${libVersion})` : ''}, ` +
        (webkit.xvfb ? `${webkit.xvfb}` : `no Xvfb: DISPLAY=${process.env.DISPLAY}`),
    )
    return webkit
  }

  const why = canInstallWithApt() ? 'the install failed' : 'installing needs root and apt-get'
  console.log(
    `[${TAG}] SKIPPING the WebKit smoke journey: missing ${missing.join(', ')}, and ${why}. ` +
      `Install the Debian packages \`${PACKAGES.join(' ')}\` (or set WEBKIT_WEBDRIVER_PATH, WEBKIT_BROWSER_PATH, XVFB_PATH) to run it.`,
  )
  return undefined
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureWebKit()
}
