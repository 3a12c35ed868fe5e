#!/usr/bin/env node
// pnpm bench (node bench/run.mjs): builds the drop-in, serves the bench pages on 127.0.0.1 and
// measures Candor in headless Chromium against the physical limit (raw IndexedDB) and two peers
// (vanilla-cookieconsent, orejime). Prints a Markdown report and writes it to bench/results/latest.md
// (raw samples: bench/results/latest.json, not committed).
//
//   BENCH_RUNS=10      runs of every case (default 10), in rounds: each round runs every case once,
//                      each in a fresh browser context, starting one case later than the round before
//   BENCH_WARMUP=1     rounds run first and not recorded (default 1)
//   BENCH_ONLY=panel   only the cases whose id contains one of these comma-separated words
//                      (writes results/partial.md instead of latest.md)
//   CHROMIUM_PATH=...  the Chromium to drive (default: found by scripts/ensure-chromium.mjs)
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { serve } from './lib/server.mjs'
import { benchDir, makeSite, pkgDir, pkgVersion, root } from './lib/site.mjs'
import { probeDownloads, units } from './lib/cases.mjs'
import { report } from './lib/report.mjs'
import { CHROMIUM_ARGS } from '../scripts/ensure-chromium.mjs'

const ARGS = CHROMIUM_ARGS
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10) | 0)
const WARMUP = Math.max(0, Number(process.env.BENCH_WARMUP ?? 1) | 0)
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const UNIT_TIMEOUT = 90_000

const started = performance.now()
const log = (...a) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a)

let server
let browser
const cleanup = async () => {
  await browser?.close().catch(() => {})
  await server?.close().catch(() => {})
}
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => {
    log(`${sig}: closing the browser and the server`)
    cleanup().finally(() => process.exit(130))
  })

async function findChromium() {
  const { findChromium: find, ensureChromium } = await import(join(root, 'scripts/ensure-chromium.mjs'))
  return (await find()) ?? (await ensureChromium())
}

async function launch(executablePath) {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath, headless: true, args: ARGS })
}

const withTimeout = (p, ms, what) => {
  let timer
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms))),
  ])
}

async function main() {
  const loadStart = os.loadavg()
  log('building the drop-in (node packages/dropin/build.mjs) and the bench site')
  const site = await makeSite()
  for (const [k, v] of Object.entries(site.problems)) log(`could not make ${k}: ${v} (its cases will report this error)`)
  server = await serve(site.files)
  const executablePath = await findChromium()
  browser = await launch(executablePath)
  const env = {
    browser,
    origin: server.origin,
    instrument: await readFile(join(benchDir, 'fixtures/instrument.js'), 'utf8'),
    tracing: false,
    verbose: !!process.env.BENCH_VERBOSE,
  }
  log(`serving ${server.origin}; Chromium ${browser.version()} at ${executablePath}`)

  const relaunchIfNeeded = async () => {
    if (browser.isConnected()) return
    log('the browser went away: launching it again')
    browser = env.browser = await launch(executablePath)
    env.tracing = false
  }

  let downloads
  try {
    downloads = await withTimeout(probeDownloads(env, site), UNIT_TIMEOUT, 'download probe')
  } catch (e) {
    downloads = { error: e.message.split('\n')[0] }
    log('download probe failed:', downloads.error)
  }

  const all = units(site).filter((u) => !ONLY.length || ONLY.some((w) => u.id.includes(w)))
  /** unit id → per-round results ({ ...numbers } or { error }) */
  const samples = Object.fromEntries(all.map((u) => [u.id, []]))
  const rounds = WARMUP + RUNS
  for (let r = 0; r < rounds; r++) {
    const warm = r < WARMUP
    const t = performance.now()
    for (let i = 0; i < all.length; i++) {
      const u = all[(r + i) % all.length]
      await relaunchIfNeeded()
      let result
      const missing = (u.needs ?? []).find((k) => site.problems[k])
      try {
        if (missing) throw new Error(`${missing}: ${site.problems[missing]}`)
        const p = u.run(env)
        p.catch(() => {})
        result = await withTimeout(p, UNIT_TIMEOUT, u.id)
      } catch (e) {
        result = {
          error: String(e?.message ?? e)
            .split('\n')[0]
            .slice(0, 300),
        }
        if (!missing || r == 0) log(`${u.id}${warm ? ' (warm-up)' : ''}: ${result.error}`)
        if (env.tracing) {
          await browser.stopTracing().catch(() => {})
          env.tracing = false
        }
      }
      if (!warm) samples[u.id].push({ round: r - WARMUP, ...result })
    }
    log(`${warm ? 'warm-up round' : `round ${r - WARMUP + 1}/${RUNS}`} done in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }

  const version = async (name) => {
    try {
      return await pkgVersion(pkgDir(name))
    } catch {
      return 'not installed'
    }
  }
  const versions = {
    dropin: site.dropinVersion,
    playwright: await version('playwright-core'),
    idbKeyval: await version('idb-keyval'),
    esbuild: await version('esbuild'),
    peers: Object.fromEntries(site.peers.map((p) => [p.name, p.version])),
  }
  const cpus = os.cpus()
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: browser.version(),
    chromiumPath: executablePath,
    load: [loadStart, os.loadavg()].map((l) => l.map((x) => x.toFixed(2)).join(' / ')),
  }
  const seconds = (performance.now() - started) / 1000
  const md = report({ site, samples, downloads, versions, machine, runs: RUNS, warmup: WARMUP, seconds, date: new Date(), args: ARGS, only: ONLY })
  await mkdir(join(benchDir, 'results'), { recursive: true })
  // A partial run (BENCH_ONLY) never replaces the full report.
  const name = ONLY.length ? 'partial' : 'latest'
  await writeFile(join(benchDir, `results/${name}.md`), md)
  await writeFile(
    join(benchDir, `results/${name}.json`),
    JSON.stringify({ date: new Date().toISOString(), machine, versions, runs: RUNS, warmup: WARMUP, seconds, downloads, samples }, null, 1),
  )
  console.log(md)
  log(`done in ${seconds.toFixed(0)} s; wrote bench/results/${name}.md and ${name}.json`)
}

try {
  await main()
} catch (e) {
  console.error(e)
  process.exitCode = 1
} finally {
  await cleanup()
}
