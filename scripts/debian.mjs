// Finding binaries and installing Debian packages for the test browsers (ensure-chromium.mjs,
// ensure-firefox.mjs). Installing needs root and apt-get; finding never installs anything.
import { spawn, spawnSync } from 'node:child_process'
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export /** @param {string | undefined} file */
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

export /** Like `command -v name`: the first executable `name` on $PATH. */
function which(/** @type {string} */ name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    const file = join(dir, name)
    if (isExecutable(file)) return file
  }
  return undefined
}

function sleep(/** @type {number} */ ms) {
  return new Promise((done) => setTimeout(done, ms))
}

/** Names of running apt/dpkg processes (another install holds the dpkg lock). */
export function packageManagersRunning() {
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
export async function waitForPackageManagers(tag, timeoutMs = 20 * 60_000) {
  const start = Date.now()
  let said = 0
  for (;;) {
    const running = packageManagersRunning()
    if (running.length === 0) return true
    const elapsed = Date.now() - start
    if (elapsed > timeoutMs) return false
    if (elapsed - said >= 15_000 || said === 0) {
      said = elapsed || 1
      console.log(`[${tag}] waiting for a running package install to finish: ${running.join(', ')}`)
    }
    await sleep(2_000)
  }
}

/** Runs a command with its output streamed; resolves with the exit code. */
export function run(/** @type {string} */ tag, /** @type {string} */ cmd, /** @type {string[]} */ args) {
  console.log(`[${tag}] $ ${cmd} ${args.join(' ')}`)
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    child.on('error', (error) => {
      console.error(`[${tag}] could not run ${cmd}: ${error.message}`)
      done(127)
    })
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)))
  })
}

export function canInstallWithApt() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && Boolean(which('apt-get'))
}

export function describe(/** @type {string} */ file) {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 20_000 })
  const version = (result.stdout ?? '').trim().split('\n').pop()
  return version ? `${file} (${version})` : file
}

/**
 * `apt-get update && apt-get install -y <name>`, waiting for a held dpkg lock; resolves with the exit code.
 * @param {string} tag prefix of the log lines
 * @param {string} name the Debian package
 */
export async function aptInstall(tag, name) {
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600']
  const updated = await run(tag, 'apt-get', [...lockWait, 'update'])
  if (updated !== 0) {
    console.error(`[${tag}] apt-get update failed (exit ${updated})`)
    return updated
  }
  const installed = await run(tag, 'apt-get', [...lockWait, 'install', '-y', name])
  if (installed !== 0) console.error(`[${tag}] apt-get install -y ${name} failed (exit ${installed})`)
  return installed
}
