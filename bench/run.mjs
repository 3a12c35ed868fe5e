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
//   --smoke (or BENCH_SMOKE=1)  CI's check that every case still runs: one round, no warm-up, no figure
//                      checked; writes results/smoke.md only
// Exits non-zero (after the report) when a case could not run: every one of its runs ended in an error.
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
const SMOKE = process.argv.includes('--smoke') || !['', '0', undefined].includes(process.env.BENCH_SMOKE)
// A smoke run is about whether the cases run, not their figures: each case once, as soon as possible.
const RUNS = SMOKE ? 1 : Math.max(1, Number(process.env.BENCH_RUNS ?? 10) | 0)
const WARMUP = SMOKE ? 0 : Math.max(0, Number(process.env.BENCH_WARMUP ?? 1) | 0)
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const UNIT_TIMEOUT = 90_000
// Neither a smoke run nor a partial run (BENCH_ONLY) replaces the full report, results/latest.md.
const NAME = SMOKE ? 'smoke' : ONLY.length ? 'partial' : 'latest'

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

async function probe(env, site) {
  try {
    return await withTimeout(probeDownloads(env, site), UNIT_TIMEOUT, 'download probe')
  } catch (e) {
    const downloads = { error: e.message.split('\n')[0] }
    log('download probe failed:', downloads.error)
    return downloads
  }
}

/** One run of unit `u`: its numbers, or { error } (a unit whose files could not be made fails without running). */
async function runUnit(env, site, u, r) {
  const missing = (u.needs ?? []).find((k) => site.problems[k])
  try {
    if (missing) throw new Error(`${missing}: ${site.problems[missing]}`)
    const t = performance.now()
    const p = u.run(env)
    p.catch(() => {})
    const result = await withTimeout(p, UNIT_TIMEOUT, u.id)
    // A smoke run's log names every case that ran, and how long it took (what CI spends its time on).
    if (SMOKE) log(`${u.id}: ran in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    return result
  } catch (e) {
    const error = String(e?.message ?? e)
      .split('\n')[0]
      .slice(0, 300)
    if (!missing || r == 0) log(`${u.id}${r < WARMUP ? ' (warm-up)' : ''}: ${error}`)
    if (env.tracing) {
      await env.browser.stopTracing().catch(() => {})
      env.tracing = false
    }
    return { error }
  }
}

/** Every unit once per round, each round starting one unit later; unit id → per-round results. */
async function rounds(env, site, all, relaunchIfNeeded) {
  const samples = Object.fromEntries(all.map((u) => [u.id, []]))
  for (let r = 0; r < WARMUP + RUNS; r++) {
    const warm = r < WARMUP
    const t = performance.now()
    for (let i = 0; i < all.length; i++) {
      const u = all[(r + i) % all.length]
      await relaunchIfNeeded()
      const result = await runUnit(env, site, u, r)
      if (!warm) samples[u.id].push({ round: r - WARMUP, ...result })
    }
    log(`${warm ? 'warm-up round' : `round ${r - WARMUP + 1}/${RUNS}`} done in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  return samples
}

async function versionsOf(site) {
  const version = async (name) => {
    try {
      return await pkgVersion(pkgDir(name))
    } catch {
      return 'not installed'
    }
  }
  return {
    dropin: site.dropinVersion,
    playwright: await version('playwright-core'),
    idbKeyval: await version('idb-keyval'),
    esbuild: await version('esbuild'),
    peers: Object.fromEntries(site.peers.map((p) => [p.name, p.version])),
  }
}

function machineOf(loadStart, executablePath) {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium: browser.version(),
    chromiumPath: executablePath,
    load: [loadStart, os.loadavg()].map((l) => l.map((x) => x.toFixed(2)).join(' / ')),
  }
}

/** The cases that could not run (every one of their runs ended in an error) and a failed download probe, with their first error. */
function unrunnable(samples, downloads) {
  const out = Object.entries(samples)
    .filter(([, rs]) => rs.length && rs.every((x) => x.error))
    .map(([id, rs]) => `${id}: ${rs[0].error}`)
  if (downloads.error) out.unshift(`download probe: ${downloads.error}`)
  return out
}

async function main() {
  const loadStart = os.loadavg()
  log(`${SMOKE ? 'smoke run (every case once); ' : ''}building the drop-in (node packages/dropin/build.mjs) and the bench site`)
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

  const downloads = await probe(env, site)
  const all = units(site).filter((u) => !ONLY.length || ONLY.some((w) => u.id.includes(w)))
  const samples = await rounds(env, site, all, relaunchIfNeeded)
  const versions = await versionsOf(site)
  const machine = machineOf(loadStart, executablePath)
  const seconds = (performance.now() - started) / 1000
  const md = report({ site, samples, downloads, versions, machine, runs: RUNS, warmup: WARMUP, seconds, date: new Date(), args: ARGS, only: ONLY, name: NAME })
  await mkdir(join(benchDir, 'results'), { recursive: true })
  await writeFile(join(benchDir, `results/${NAME}.md`), md)
  if (!SMOKE)
    await writeFile(
      join(benchDir, `results/${NAME}.json`),
      JSON.stringify({ date: new Date().toISOString(), machine, versions, runs: RUNS, warmup: WARMUP, seconds, downloads, samples }, null, 1),
    )
  console.log(md)
  log(`done in ${seconds.toFixed(0)} s; wrote bench/results/${NAME}.md${SMOKE ? '' : ` and ${NAME}.json`}`)
  // Loud, so that a case that stopped running fails CI instead of leaving "error" cells in a report.
  const bad = unrunnable(samples, downloads)
  if (bad.length) {
    log(`FAILED: ${bad.length} case${bad.length == 1 ? '' : 's'} could not run:`)
    for (const b of bad) log(`  ${b}`)
    process.exitCode = 1
  }
}

try {
  await main()
} catch (e) {
  console.error(e)
  process.exitCode = 1
} finally {
  await cleanup()
}
