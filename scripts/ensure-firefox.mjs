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

import { spawn, spawnSync } from 'node:child_process'
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

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
      console.log(`[ensure-firefox] waiting for a running package install to finish: ${running.join(', ')}`)
    }
    await sleep(2_000)
  }
}

/** Runs a command with its output streamed; resolves with the exit code. */
function run(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  console.log(`[ensure-firefox] $ ${cmd} ${args.join(' ')}`)
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    child.on('error', (error) => {
      console.error(`[ensure-firefox] could not run ${cmd}: ${error.message}`)
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
    if (!(await waitForPackageManagers())) console.error('[ensure-firefox] gave up waiting for the running apt/dpkg to finish')
    found = findFirefoxSync()
  }

  if (!found && canInstallWithApt()) {
    console.log('[ensure-firefox] no system Firefox found; installing firefox-esr with apt-get')
    const lockWait = ['-o', 'DPkg::Lock::Timeout=600']
    const updated = await run('apt-get', [...lockWait, 'update'])
    if (updated === 0) {
      const installed = await run('apt-get', [...lockWait, 'install', '-y', 'firefox-esr'])
      if (installed !== 0) console.error(`[ensure-firefox] apt-get install -y firefox-esr failed (exit ${installed})`)
    } else console.error(`[ensure-firefox] apt-get update failed (exit ${updated})`)
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
